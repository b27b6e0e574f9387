using DanY.Cli.Csv;

namespace DanY.Bench.Classify;

/// <summary>A labelled task with its train and dev splits.</summary>
internal sealed record Task(string Name, string[] TrainText, string[] TrainLabel, string[] DevText, string[] DevLabel, string? PositiveLabel);

/// <summary>Loads the shared research corpora (never copied into the repository).</summary>
internal static class Corpora
{
    public static readonly string[] Names = ["vsfc-sentiment", "vsfc-topic", "victsd-constructive", "victsd-toxic", "vihsd"];

    public static string FindDataRoot(string? given)
    {
        if (given is not null) return given;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DanY.slnx")))
            {
                string candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return "/work/shared/data";
    }

    public static Task Load(string root, string name) => name switch
    {
        "vsfc-sentiment" => Vsfc(root, name, "sentiments.txt"),
        "vsfc-topic" => Vsfc(root, name, "topics.txt"),
        "victsd-constructive" => Csv(root, name, "uit-victsd/ViCTSD_train.csv", "uit-victsd/ViCTSD_valid.csv", "Comment", "Constructiveness", "1"),
        "victsd-toxic" => Csv(root, name, "uit-victsd/ViCTSD_train.csv", "uit-victsd/ViCTSD_valid.csv", "Comment", "Toxicity", "1"),
        "vihsd" => Csv(root, name, "vihsd/train.csv", "vihsd/dev.csv", "free_text", "label_id", null),
        _ => throw new ArgumentException("unknown corpus " + name),
    };

    private static Task Vsfc(string root, string name, string labelFile)
    {
        (string[], string[]) Split(string split)
        {
            string dir = Path.Combine(root, "uit-vsfc", split);
            var text = File.ReadAllLines(Path.Combine(dir, "sents.txt"));
            var label = File.ReadAllLines(Path.Combine(dir, labelFile)).Select(l => l.Trim()).ToArray();
            if (text.Length != label.Length) throw new InvalidDataException($"{dir}: {text.Length} texts, {label.Length} labels");
            return (text, label);
        }
        var (trainText, trainLabel) = Split("train");
        var (devText, devLabel) = Split("dev");
        return new Task(name, trainText, trainLabel, devText, devLabel, null);
    }

    private static Task Csv(string root, string name, string train, string dev, string textColumn, string labelColumn, string? positive)
    {
        var a = CsvReader.ReadColumns(Path.Combine(root, train), [textColumn, labelColumn]);
        var b = CsvReader.ReadColumns(Path.Combine(root, dev), [textColumn, labelColumn]);
        return new Task(name, a.Select(r => r[0]).ToArray(), a.Select(r => r[1].Trim()).ToArray(),
            b.Select(r => r[0]).ToArray(), b.Select(r => r[1].Trim()).ToArray(), positive);
    }
}
