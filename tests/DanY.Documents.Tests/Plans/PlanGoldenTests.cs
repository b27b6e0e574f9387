using System.Text;
using System.Text.Json;
using DanY.Documents.Plans;

namespace DanY.Documents.Tests.Plans;

/// <summary>
/// Whole plans, each with a hand-written expectation (*.expected.json): header, basis, and the obligations
/// found by a phrase of their source sentence (and of their title when a sentence gives several). Only the
/// fields an expectation names are compared. "absent" lists phrases from the aims section that must not
/// become obligations.
/// </summary>
public sealed class PlanGoldenTests
{
    public static TheoryData<string> Plans() => new(
        Directory.GetFiles(TestFiles.PlansFolder(), "*.expected.json")
            .Select(p => Path.GetFileName(p).Replace(".expected.json", "", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Plans))]
    public void Plan_matches_its_expectation(string name)
    {
        string folder = TestFiles.PlansFolder();
        string file = Directory.GetFiles(folder, name + ".*").Single(p => !p.EndsWith(".expected.json", StringComparison.Ordinal));
        using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, name + ".expected.json")));
        using JsonDocument actual = JsonDocument.Parse(PlanJson.Serialize(PlanReader.ReadFile(file)));
        JsonElement e = expected.RootElement, a = actual.RootElement;

        foreach (string field in new[] { "number", "date", "issuer", "title" })
        {
            Assert.Equal(Text(e.GetProperty(field)), Text(a.GetProperty(field)));
        }
        Assert.Equal(
            e.GetProperty("basis").EnumerateArray().Select(Reference).ToList(),
            a.GetProperty("basis").EnumerateArray().Select(Reference).ToList());

        var obligations = a.GetProperty("obligations").EnumerateArray().ToList();
        foreach (JsonElement phrase in e.GetProperty("absent").EnumerateArray())
        {
            Assert.DoesNotContain(obligations, o => Nfc(o.GetProperty("source").GetString()!).Contains(Nfc(phrase.GetString()!), StringComparison.Ordinal));
        }
        foreach (JsonElement want in e.GetProperty("obligations").EnumerateArray())
        {
            string source = Nfc(want.GetProperty("source").GetString()!);
            var candidates = obligations.Where(o => Nfc(o.GetProperty("source").GetString()!).Contains(source, StringComparison.Ordinal)).ToList();
            if (want.TryGetProperty("title", out JsonElement title))
            {
                candidates = candidates.Where(o => Nfc(o.GetProperty("title").GetString()!).Contains(Nfc(title.GetString()!), StringComparison.OrdinalIgnoreCase)).ToList();
            }
            Assert.True(candidates.Count == 1, $"{name}: {candidates.Count} obligations match \"{source}\"");
            JsonElement got = candidates[0];
            foreach (JsonProperty property in want.EnumerateObject())
            {
                if (property.Name is "source" or "title") continue;
                Assert.True(
                    Text(property.Value) == Text(got.GetProperty(property.Name)),
                    $"{name} / \"{source}\" / {property.Name}: expected {Text(property.Value)}, got {Text(got.GetProperty(property.Name))}");
            }
        }
    }

    private static string Reference(JsonElement r) =>
        $"{Text(r.GetProperty("number"))} | {Text(r.GetProperty("date"))} | {Text(r.GetProperty("issuer"))}";

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.String => Nfc(value.GetString()!),
        JsonValueKind.Array => "[" + string.Join(", ", value.EnumerateArray().Select(Text)) + "]",
        _ => value.GetRawText(),
    };

    private static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);
}
