using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DanY.Cli.Csv;
using DanY.Engine.Classification;
using Spectre.Console;

namespace DanY.Cli.Commands;

/// <summary><c>classify train</c> and <c>classify predict</c>: trainable text classifiers over CSV files.</summary>
internal static class ClassifyCommands
{
    private const int BadInput = 2;

    public static Command Create()
    {
        var command = new Command("classify", "Phân loại ý kiến theo nhãn do cán bộ gán (huấn luyện, dự đoán). / Trainable comment classifiers.");
        command.Subcommands.Add(Train());
        command.Subcommands.Add(Predict());
        return command;
    }

    private static Command Train()
    {
        var data = new Option<string>("--data") { Description = "CSV (UTF-8, RFC 4180) with a header: the labelled examples.", Required = true };
        var text = new Option<string>("--text") { Description = "Name of the text column.", Required = true };
        var label = new Option<string>("--label") { Description = "Name of the label column (rows with an empty label are skipped).", Required = true };
        var model = new Option<string>("--model") { Description = "Where to write the trained model.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed; training is deterministic for a seed.", DefaultValueFactory = _ => 1 };
        var preset = new Option<string>("--preset")
        {
            Description = "'default' (tuned ensemble) or 'baseline' (TF-IDF + logistic regression).",
            DefaultValueFactory = _ => "default",
        };
        preset.AcceptOnlyFromAmong("default", "baseline");
        var command = new Command("train", "Huấn luyện bộ phân loại từ tệp CSV có nhãn. / Train a classifier from a labelled CSV file.");
        foreach (var option in new Option[] { data, text, label, model, seed, preset }) command.Options.Add(option);
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(RunTrain(
            parseResult.GetValue(data)!, parseResult.GetValue(text)!, parseResult.GetValue(label)!, parseResult.GetValue(model)!,
            parseResult.GetValue(seed), parseResult.GetValue(preset) ?? "default", cancellationToken)));
        return command;
    }

    private static Command Predict()
    {
        var model = new Option<string>("--model") { Description = "A model written by 'classify train'.", Required = true };
        var data = new Option<string>("--data") { Description = "CSV (UTF-8, RFC 4180) with a header.", Required = true };
        var text = new Option<string>("--text") { Description = "Name of the text column.", Required = true };
        var output = new Option<string>("--out") { Description = "Output CSV: row,label,confidence (row = 0-based index of the input row).", Required = true };
        var command = new Command("predict", "Gán nhãn cho các ý kiến trong tệp CSV. / Label the texts of a CSV file.");
        foreach (var option in new Option[] { model, data, text, output }) command.Options.Add(option);
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(RunPredict(
            parseResult.GetValue(model)!, parseResult.GetValue(data)!, parseResult.GetValue(text)!, parseResult.GetValue(output)!, cancellationToken)));
        return command;
    }

    private static int RunTrain(string dataPath, string textColumn, string labelColumn, string modelPath, int seed, string preset,
        CancellationToken cancellationToken)
    {
        var err = Console.Error;
        if (!File.Exists(dataPath)) return Fail($"Không tìm thấy tệp '{dataPath}'. / File '{dataPath}' not found.");
        List<string[]> rows;
        try
        {
            rows = CsvReader.ReadColumns(dataPath, [textColumn, labelColumn], cancellationToken);
        }
        catch (CsvFormatException e)
        {
            return Fail(e.Message);
        }
        var texts = new List<string>(rows.Count);
        var labels = new List<string>(rows.Count);
        int unlabelled = 0;
        foreach (var row in rows)
        {
            string l = row[1].Trim();
            if (l.Length == 0) { unlabelled++; continue; }
            texts.Add(row[0]);
            labels.Add(l);
        }
        if (labels.Distinct(StringComparer.Ordinal).Count() < 2)
        {
            return Fail($"Cần ít nhất hai nhãn khác nhau trong cột '{labelColumn}' (có {labels.Count} dòng có nhãn). / At least two distinct labels are needed in column '{labelColumn}' ({labels.Count} labelled rows).");
        }
        var options = (preset == "baseline" ? TextClassifierOptions.Baseline : TextClassifierOptions.Default) with { Seed = seed };
        err.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Đang huấn luyện trên {texts.Count} ý kiến có nhãn ({unlabelled} dòng không nhãn bị bỏ qua)... / Training on {texts.Count} labelled rows ({unlabelled} unlabelled skipped)..."));
        var clock = Stopwatch.StartNew();
        TextClassifier classifier;
        try
        {
            classifier = TextClassifierTrainer.Train(texts, labels, options, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return Fail("Đã hủy. / Cancelled.");
        }
        clock.Stop();

        string? directory = Path.GetDirectoryName(Path.GetFullPath(modelPath));
        if (directory is not null && !Directory.Exists(directory))
        {
            return Fail($"Thư mục '{directory}' không tồn tại. / Directory '{directory}' does not exist.");
        }
        string temporary = modelPath + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        try
        {
            using (var stream = File.Create(temporary)) classifier.Save(stream);
            File.Move(temporary, modelPath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            return Fail($"Không ghi được mô hình '{modelPath}': {e.Message} / Cannot write model '{modelPath}': {e.Message}");
        }

        var info = classifier.Info;
        var table = new Table().AddColumns("Nhãn / label", "Số ví dụ / examples", "Độ phủ / recall", "Độ chuẩn xác / precision");
        for (int c = 0; c < classifier.Labels.Count; c++)
        {
            table.AddRow(Markup.Escape(classifier.Labels[c]), info.LabelCounts[c].ToString(CultureInfo.InvariantCulture),
                info.HeldOutRecall[c].ToString("P1", CultureInfo.InvariantCulture), info.HeldOutPrecision[c].ToString("P1", CultureInfo.InvariantCulture));
        }
        var console = StandardError();
        console.Write(table);
        string how = info.HeldOutExamples == info.TrainingExamples
            ? "kiểm định chéo / cross-validated"
            : string.Create(CultureInfo.InvariantCulture, $"trên {info.HeldOutExamples} ví dụ giữ lại / on {info.HeldOutExamples} held-out examples");
        err.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Độ chính xác ({how}) / accuracy: {info.HeldOutAccuracy:P1}, macro F1 {info.HeldOutMacroF1:P1}, weighted F1 {info.HeldOutWeightedF1:P1}."));
        err.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{classifier.FeatureCount} đặc trưng, {clock.Elapsed.TotalSeconds:F1} s. Đã lưu / saved: {modelPath}"));
        return 0;
    }

    private static int RunPredict(string modelPath, string dataPath, string textColumn, string outputPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(modelPath)) return Fail($"Không tìm thấy mô hình '{modelPath}'. / Model '{modelPath}' not found.");
        if (!File.Exists(dataPath)) return Fail($"Không tìm thấy tệp '{dataPath}'. / File '{dataPath}' not found.");
        TextClassifier classifier;
        try
        {
            using var stream = File.OpenRead(modelPath);
            classifier = TextClassifier.Load(stream);
        }
        catch (InvalidDataException e)
        {
            return Fail($"Tệp mô hình '{modelPath}' không hợp lệ: {e.Message} / Invalid model file '{modelPath}': {e.Message}");
        }

        string temporary = outputPath + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        long total = new FileInfo(dataPath).Length;
        try
        {
            int written = 0;
            StandardError().Progress().AutoClear(true).Start(progress =>
            {
                var task = progress.AddTask("Đang gán nhãn / labelling", maxValue: Math.Max(1, total));
                using var fileStream = new FileStream(dataPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                using var reader = new CsvReader(new StreamReader(fileStream, new System.Text.UTF8Encoding(false, true), true));
                using var writer = CsvWriter.Create(temporary);
                var header = reader.ReadHeader();
                int column = CsvReader.ColumnIndex(header, textColumn);
                writer.WriteRecord("row", "label", "confidence");
                var fields = new List<string>();
                var batch = new List<string>(8192);
                void Flush()
                {
                    var predictions = classifier.PredictMany(batch, cancellationToken: cancellationToken);
                    foreach (var p in predictions)
                    {
                        writer.WriteRecord(written.ToString(CultureInfo.InvariantCulture), p.Label,
                            p.Confidence.ToString("0.0000", CultureInfo.InvariantCulture));
                        written++;
                    }
                    batch.Clear();
                    task.Value = fileStream.Position;
                }
                while (reader.ReadRecord(fields))
                {
                    if (header.Count > 1 && fields.Count == 1 && fields[0].Length == 0) continue;
                    if (column >= fields.Count)
                    {
                        throw new CsvFormatException(string.Create(CultureInfo.InvariantCulture,
                            $"Tệp CSV lỗi ở dòng {reader.RecordLine}: bản ghi có {fields.Count} cột, tiêu đề có {header.Count}. / Malformed CSV on line {reader.RecordLine}: the record has {fields.Count} fields, the header {header.Count}."),
                            reader.RecordLine);
                    }
                    batch.Add(fields[column]);
                    if (batch.Count == batch.Capacity) Flush();
                }
                Flush();
                task.Value = task.MaxValue;
            });
            File.Move(temporary, outputPath, overwrite: true);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Đã gán nhãn {written} dòng / labelled {written} rows: {outputPath}"));
            return 0;
        }
        catch (CsvFormatException e)
        {
            File.Delete(temporary);
            return Fail(e.Message);
        }
        catch (OperationCanceledException)
        {
            File.Delete(temporary);
            return Fail("Đã hủy. / Cancelled.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            return Fail($"Lỗi đọc/ghi tệp: {e.Message} / I/O error: {e.Message}");
        }
    }

    private static IAnsiConsole StandardError() =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return BadInput;
    }
}
