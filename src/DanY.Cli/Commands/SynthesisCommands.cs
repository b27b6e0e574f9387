using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DanY.Engine;
using DanY.Engine.Synthesis;
using Spectre.Console;

namespace DanY.Cli.Commands;

internal static class SynthesisCommands
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Synthesize()
    {
        var command = new Command("synthesize", "Tổng hợp ý kiến góp ý: trùng lặp, chiến dịch, nhóm ý kiến, tóm tắt (synthesise comments).");
        var comments = new Option<string>("--comments") { Description = "comments.csv (id,section_ref,unit_code,channel,group,submitted_at,text)", Required = true };
        var draft = new Option<string?>("--draft") { Description = "draft.md: headings with {#ref} give the section order and titles" };
        var output = new Option<string>("--out") { Description = "Output directory (predictions.csv, synthesis.json, synthesis.md)", Required = true };
        command.Options.Add(comments);
        command.Options.Add(draft);
        command.Options.Add(output);
        command.SetAction(parseResult => RunSynthesize(parseResult.GetValue(comments)!, parseResult.GetValue(draft), parseResult.GetValue(output)!));
        return command;
    }

    public static Command Pairs()
    {
        var command = new Command("pairs", "Hai câu có cùng ý không (same meaning?), theo đúng quyết định dùng khi nhóm ý kiến.");
        var data = new Option<string>("--data") { Description = "TSV with columns sentence1 and sentence2", Required = true };
        var output = new Option<string>("--out") { Description = "Output CSV: row,same,score", Required = true };
        command.Options.Add(data);
        command.Options.Add(output);
        command.SetAction(parseResult => RunPairs(parseResult.GetValue(data)!, parseResult.GetValue(output)!));
        return command;
    }

    private static IAnsiConsole ErrorConsole() => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    private static int RunSynthesize(string commentsPath, string? draftPath, string outDir)
    {
        var console = ErrorConsole();
        var total = Stopwatch.StartNew();
        try
        {
            List<CommentInput> comments = [];
            List<DraftSection> draft = [];
            SynthesisResult? result = null;
            double readMs = 0, writeMs = 0, readCpu = 0, writeCpu = 0;
            console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("đọc dữ liệu / reading", maxValue: 1.0);
                    var sw = Stopwatch.StartNew();
                    var cpu = Environment.CpuUsage.TotalTime;
                    comments = CommentCsv.Read(commentsPath);
                    if (draftPath is not null) draft = CommentCsv.ReadDraft(draftPath);
                    readMs = sw.Elapsed.TotalMilliseconds;
                    readCpu = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds;
                    task.Value = 1.0;
                    var synth = ctx.AddTask("tổng hợp / synthesis", maxValue: 1.0);
                    var progress = new InlineProgress(p =>
                    {
                        synth.Value = p.Fraction;
                        synth.Description = "tổng hợp / " + p.Stage;
                        // The near-duplicate stage leaves its signatures and buckets behind (a quarter of the
                        // heap at a million comments): compact once before grouping builds its own, so that
                        // the peak stays under 3 GB.
                        if (p.Stage == "formulas" && comments.Count >= 200_000)
                        {
                            System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
                            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                        }
                    });
                    result = new SynthesisEngine(OptionsFromEnvironment()).Run(comments, draft, progress);
                    synth.Value = 1.0;
                    var write = ctx.AddTask("ghi kết quả / writing", maxValue: 1.0);
                    sw.Restart();
                    cpu = Environment.CpuUsage.TotalTime;
                    Write(outDir, comments, draft, result);
                    writeMs = sw.Elapsed.TotalMilliseconds;
                    writeCpu = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds;
                    write.Value = 1.0;
                });
            var timings = string.Join(", ", result!.Timings.StageMilliseconds.Select(kv => $"{kv.Key} {kv.Value:F0} ms"));
            console.MarkupLineInterpolated($"[grey]{comments.Count} ý kiến, {result.Document.Sections.Sum(s => s.Groups.Count)} nhóm; read {readMs:F0} ms, cpu read {readCpu:F0} ms, {timings}, write {writeMs:F0} ms, cpu write {writeCpu:F0} ms; total {total.Elapsed.TotalSeconds:F2} s; engine {EngineInfo.Version}[/]");
            return 0;
        }
        catch (InputException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return 2;
        }
    }

    /// <summary>For tuning runs: DANY_OPT_Name=value overrides a numeric option of <see cref="SynthesisOptions"/>.</summary>
    internal static SynthesisOptions OptionsFromEnvironment()
    {
        var options = SynthesisOptions.Default with { };
        foreach (var property in typeof(SynthesisOptions).GetProperties())
        {
            string? value = Environment.GetEnvironmentVariable("DANY_OPT_" + property.Name);
            if (value is null || !property.CanWrite) continue;
            object parsed = property.PropertyType == typeof(int) ? int.Parse(value, CultureInfo.InvariantCulture) : double.Parse(value, CultureInfo.InvariantCulture);
            property.SetValue(options, parsed);
        }
        return options;
    }

    private sealed class InlineProgress(Action<SynthesisProgress> report) : IProgress<SynthesisProgress>
    {
        public void Report(SynthesisProgress value) => report(value);
    }

    private static void WritePredictions(string path, SynthesisResult result, UTF8Encoding utf8)
    {
        using var w = new StreamWriter(path, false, utf8, 1 << 20);
        w.Write("id,cluster_id,dup_group,is_noise\r\n");
        foreach (var a in result.Assignments)
        {
            w.Write(Csv(a.Id));
            w.Write(',');
            w.Write(a.GroupId ?? (a.Noise != NoiseReason.None ? "noise:" + a.Noise : ""));
            w.Write(',');
            w.Write(a.DuplicateGroup is null ? "" : Csv(a.DuplicateGroup));
            w.Write(',');
            w.Write(a.Noise != NoiseReason.None ? "1" : "0");
            w.Write("\r\n");
        }
    }

    private static void Write(string outDir, List<CommentInput> comments, List<DraftSection> draft, SynthesisResult result)
    {
        Directory.CreateDirectory(outDir);
        var utf8 = new UTF8Encoding(false);
        // Write to temporary names first so that a failure leaves no half-written result.
        string predictions = Path.Combine(outDir, "predictions.csv");
        string json = Path.Combine(outDir, "synthesis.json");
        string md = Path.Combine(outDir, "synthesis.md");
        // The three files are independent: written side by side.
        Parallel.Invoke(
            () => WritePredictions(predictions + ".tmp", result, utf8),
            () =>
            {
                using var s = File.Create(json + ".tmp");
                JsonSerializer.Serialize(s, result.Document, Json);
            },
            () => File.WriteAllText(md + ".tmp", Markdown(result.Document, draft), utf8));
        if (Environment.GetEnvironmentVariable("DANY_DEBUG_POINTS") is "1")
        {
            using var d = new StreamWriter(Path.Combine(outDir, "points.csv"), false, utf8);
            foreach (var a in result.Assignments) d.Write($"{a.Id},{string.Join(';', a.PointGroups)}\n");
        }
        File.Move(predictions + ".tmp", predictions, true);
        File.Move(json + ".tmp", json, true);
        File.Move(md + ".tmp", md, true);
    }

    private static string Csv(string s) => s.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    internal static string Markdown(SynthesisDocument doc, IReadOnlyList<DraftSection> draft)
    {
        var sb = new StringBuilder();
        var n = (int x) => x.ToString("N0", Vi);
        sb.AppendLine("# Tổng hợp ý kiến góp ý dự thảo");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Tổng số ý kiến: {n(doc.TotalComments)} ({string.Join(", ", doc.ByChannel.Select(kv => $"{kv.Key}: {n(kv.Value)}"))}); trùng lặp hoặc gửi lại: {n(doc.DuplicateComments)}; chiến dịch thư mẫu: {n(doc.Campaigns)}; không hợp lệ / không liên quan: {n(doc.NoiseComments)}.");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"_Phiên bản bộ máy tổng hợp: {doc.EngineVersion}. Mỗi nhận định kèm số liệu; mọi trích dẫn là nguyên văn từ ý kiến._");
        foreach (var section in doc.Sections)
        {
            sb.AppendLine();
            string heading = section.SectionRef.Length == 0 ? "Ý kiến chung về toàn bộ dự thảo" : $"{section.Title} [{section.SectionRef}]";
            sb.AppendLine(CultureInfo.InvariantCulture, $"## {heading} ({n(section.Comments)} ý kiến)");
            sb.AppendLine();
            foreach (var g in section.Groups)
            {
                var c = g.Counts;
                string campaign = c.Campaigns > 0 ? $"; trong đó {n(c.Campaigns)} chiến dịch thư mẫu với {n(c.CampaignLetters)} thư" : "";
                sb.AppendLine(CultureInfo.InvariantCulture, $"- **{Capitalise(g.Quantifier)}** ({n(c.Comments)} ý kiến, {(g.Share * 100).ToString("F1", Vi)}% của mục; {n(c.Distinct)} sau khi gộp trùng; {n(c.Units)} đơn vị{campaign}): “{g.Representative}”");
                if (g.KeyPhrases.Count > 0) sb.AppendLine(CultureInfo.InvariantCulture, $"  - Cụm từ chính: {string.Join("; ", g.KeyPhrases)}. Nhóm {g.Id}.");
            }
        }
        if (doc.Noise.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("## Ý kiến để riêng (không tính vào tổng hợp)");
            sb.AppendLine();
            foreach (var e in doc.Noise)
            {
                string reason = e.Reason switch
                {
                    NoiseReason.Empty => "Trống hoặc không có nội dung",
                    NoiseReason.Spam => "Quảng cáo, có đường dẫn hoặc số điện thoại",
                    NoiseReason.FormulaOnly => "Chỉ có lời chào, cảm ơn, câu xã giao",
                    NoiseReason.OffTopic => "Không gắn với mục nào của dự thảo (lạc đề, hỏi việc riêng, lời lẽ không phù hợp)",
                    _ => e.Reason.ToString(),
                };
                sb.AppendLine(CultureInfo.InvariantCulture, $"- {reason}: {n(e.Count)} ý kiến. Ví dụ: {string.Join(" | ", e.Examples.Take(3).Select(x => "“" + x + "”"))}");
            }
        }
        return sb.ToString();
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpper(s[0], Vi) + s[1..];

    private static int RunPairs(string dataPath, string outPath)
    {
        var console = ErrorConsole();
        try
        {
            if (!File.Exists(dataPath)) throw new InputException($"Không tìm thấy tệp {dataPath}.", $"File not found: {dataPath}.");
            var lines = File.ReadAllLines(dataPath, Encoding.UTF8);
            if (lines.Length == 0) throw new InputException("Tệp TSV rỗng.", "The TSV file is empty.");
            var header = lines[0].Split('\t');
            int s1 = Array.FindIndex(header, h => string.Equals(h.Trim(), "sentence1", StringComparison.OrdinalIgnoreCase));
            int s2 = Array.FindIndex(header, h => string.Equals(h.Trim(), "sentence2", StringComparison.OrdinalIgnoreCase));
            if (s1 < 0 || s2 < 0) throw new InputException("Thiếu cột sentence1 hoặc sentence2.", "Missing column sentence1 or sentence2.");
            var pairs = new List<(string, string)>();
            for (int i = 1; i < lines.Length; i++)
            {
                if (lines[i].Length == 0) continue;
                var f = lines[i].Split('\t');
                if (f.Length <= Math.Max(s1, s2)) throw new InputException($"Dòng {i + 1} thiếu cột.", $"Line {i + 1} has too few columns.");
                pairs.Add((f[s1], f[s2]));
            }
            var scores = new SynthesisEngine().JudgePairs(pairs);
            var sb = new StringBuilder("row,same,score\n");
            for (int i = 0; i < scores.Count; i++)
            {
                sb.Append(i.ToString(CultureInfo.InvariantCulture)).Append(',').Append(scores[i].Same ? '1' : '0').Append(',')
                    .Append(scores[i].Score.ToString("F4", CultureInfo.InvariantCulture)).Append('\n');
            }
            string? dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (dir is not null) Directory.CreateDirectory(dir);
            File.WriteAllText(outPath, sb.ToString(), new UTF8Encoding(false));
            console.MarkupLineInterpolated($"[grey]{pairs.Count} cặp; {scores.Count(s => s.Same)} cùng ý; engine {EngineInfo.Version}[/]");
            return 0;
        }
        catch (InputException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return 2;
        }
    }
}
