using System.Globalization;
using DanY.Cli.Csv;
using DanY.Integration.Tests.Harness;

namespace DanY.Integration.Tests.Classify;

/// <summary>The command-line contract of issue 7, run through the real executable.</summary>
public sealed class ClassifyCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dany-classify-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Code, string Error)> RunCliAsync(params string[] args)
    {
        var (code, _, error) = await DanyCli.RunAsync(args);
        return (code, error);
    }

    private string WriteCsv(string name, IEnumerable<string[]> records)
    {
        string path = Path.Combine(_dir, name);
        using var writer = CsvWriter.Create(path);
        foreach (var r in records) writer.WriteRecord(r);
        return path;
    }

    private static IEnumerable<string[]> Examples(int n, bool withLabel)
    {
        string[] good = ["rất hài lòng, thầy dạy hay", "cảm ơn cô\nbài giảng dễ hiểu", "môn học bổ ích, \"tuyệt vời\""];
        string[] bad = ["phòng học nóng, máy chiếu hỏng", "thầy đến muộn\r\nkhông giải đáp", "quá tệ, chán"];
        for (int i = 0; i < n; i++)
        {
            bool positive = i % 2 == 0;
            string text = (positive ? good : bad)[i % 3] + " " + i.ToString(CultureInfo.InvariantCulture);
            yield return withLabel ? [i.ToString(CultureInfo.InvariantCulture), text, positive ? "tích cực" : "tiêu cực"] : [text, "x"];
        }
    }

    [Fact]
    public async Task Predictions_have_0_based_rows_labels_and_confidences()
    {
        string train = WriteCsv("train.csv", new[] { new[] { "id", "Comment", "Nhãn" } }.Concat(Examples(60, withLabel: true)));
        string test = WriteCsv("test.csv", new[] { new[] { "Comment", "other" } }.Concat(Examples(25, withLabel: false)));
        string model = Path.Combine(_dir, "out.model");
        string pred = Path.Combine(_dir, "pred.csv");
        Assert.Equal(0, (await RunCliAsync("classify", "train", "--data", train, "--text", "Comment", "--label", "Nhãn", "--model", model)).Code);
        Assert.Equal(0, (await RunCliAsync("classify", "predict", "--model", model, "--data", test, "--text", "Comment", "--out", pred)).Code);

        var rows = CsvReader.ReadColumns(pred, ["row", "label", "confidence"], TestContext.Current.CancellationToken);
        Assert.Equal(25, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(i.ToString(CultureInfo.InvariantCulture), rows[i][0]);
            Assert.Equal(i % 2 == 0 ? "tích cực" : "tiêu cực", rows[i][1]);
            double confidence = double.Parse(rows[i][2], CultureInfo.InvariantCulture);
            Assert.InRange(confidence, 0.5, 1.0);
        }
    }

    [Fact]
    public async Task Bad_input_is_an_error_and_writes_nothing()
    {
        string broken = Path.Combine(_dir, "broken.csv");
        File.WriteAllText(broken, "Comment,Nhãn\n\"chưa đóng ngoặc,a\n");
        string model = Path.Combine(_dir, "out.model");
        var (code, error) = await RunCliAsync("classify", "train", "--data", broken, "--text", "Comment", "--label", "Nhãn", "--model", model);
        Assert.NotEqual(0, code);
        Assert.Contains("Malformed CSV", error, StringComparison.Ordinal);
        Assert.False(File.Exists(model));

        string notModel = Path.Combine(_dir, "fake.model");
        File.WriteAllText(notModel, "hello");
        string pred = Path.Combine(_dir, "pred.csv");
        (code, error) = await RunCliAsync("classify", "predict", "--model", notModel, "--data", broken, "--text", "Comment", "--out", pred);
        Assert.NotEqual(0, code);
        Assert.Contains("Invalid model file", error, StringComparison.Ordinal);
        Assert.False(File.Exists(pred));
    }
}
