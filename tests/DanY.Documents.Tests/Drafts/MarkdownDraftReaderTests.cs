using System.Diagnostics;
using System.Globalization;
using DanY.Documents.Drafts;

namespace DanY.Documents.Tests.Drafts;

public sealed class MarkdownDraftReaderTests
{
    [Fact]
    public void Bench_draft_keeps_its_explicit_refs_and_titles()
    {
        string dir = BenchCorpus.Generate();
        using FileStream md = File.OpenRead(Path.Combine(dir, "draft.md"));
        DraftOutline outline = DraftImporter.Import(md, "draft.md");

        // sections.csv: ref,parent_ref,level,is_leaf,title (titles contain commas: split at the 4th comma only).
        var expected = File.ReadAllLines(Path.Combine(dir, "sections.csv")).Skip(1)
            .Select(l => l.Split(',', 5))
            .Select(f => (Ref: f[0], Parent: f[1], Leaf: f[3] == "1", Title: f[4].Trim('"').Replace("\"\"", "\"", StringComparison.Ordinal)))
            .ToArray();
        DraftSection[] actual = outline.Flatten().ToArray();
        Assert.Equal(expected.Select(e => e.Ref), actual.Select(s => s.Ref));
        Assert.Equal(45, actual.Count(s => s.IsLeaf));
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Parent.Length == 0 ? null : expected[i].Parent, actual[i].ParentRef);
            Assert.Equal(expected[i].Leaf, actual[i].IsLeaf);
            Assert.EndsWith(expected[i].Title, actual[i].Heading, StringComparison.Ordinal);
        }
        Assert.Equal("DỰ THẢO BÁO CÁO CHÍNH TRỊ", outline.Title);
        Assert.All(actual.Where(s => s.IsLeaf), s => Assert.NotEmpty(s.Paragraphs));
        Assert.Equal("muc-III-2-1", outline.Find("III.2.1")!.Anchor);
        Assert.Empty(outline.Warnings);
    }

    [Fact]
    public void Plain_headings_without_refs_get_positional_or_numbered_refs()
    {
        const string md = """
            # Dự thảo Báo cáo tổng kết

            Lời mở đầu của dự thảo.

            ## Tình hình chung
            Đoạn một, dòng một
            tiếp dòng hai.

            - gạch đầu dòng thứ nhất
            - gạch đầu dòng thứ hai

            ### Kinh tế
            Tăng trưởng **khá**.
            ### Xã hội
            ## II. NHIỆM VỤ
            ### 2. Về giáo dục
            #### a) Giáo dục phổ thông
            Nội dung.
            """;
        DraftOutline outline = MarkdownDraftReader.Parse(md);
        Assert.Equal("Dự thảo Báo cáo tổng kết", outline.Title);
        Assert.Equal(["I", "I.1", "I.2", "II", "II.2", "II.2.a"], outline.Flatten().Select(s => s.Ref).ToArray());
        Assert.Equal("#p1", Assert.Single(outline.Preamble).Ref);
        DraftSection general = outline.Find("I")!;
        Assert.Equal(["Đoạn một, dòng một tiếp dòng hai.", "- gạch đầu dòng thứ nhất", "- gạch đầu dòng thứ hai"], general.Paragraphs.Select(p => p.Text).ToArray());
        Assert.Equal("Tăng trưởng khá.", outline.Find("I.1")!.Paragraphs[0].Text);
        Assert.Equal("Giáo dục phổ thông", outline.Find("II.2.a")!.Title);
    }

    [Fact]
    public void Invalid_utf8_is_refused()
    {
        byte[] bad = [0x23, 0x20, 0xC3, 0x28, 0xFF];
        var ex = Assert.Throws<DanY.Documents.Intake.DocumentRejectedException>(() => MarkdownDraftReader.Read(new MemoryStream(bad)));
        Assert.Equal(DanY.Documents.Intake.RejectionReason.BadEncoding, ex.Reason);
    }
}

/// <summary>Generates a small bench corpus with ../shared/bench/gencorpus.py, once per test run.</summary>
internal static class BenchCorpus
{
    private static readonly Lazy<string?> Dir = new(Create);

    public static string Generate()
    {
        string? dir = Dir.Value;
        if (dir is null) Assert.Skip("../shared/bench/gencorpus.py or python3 not available: bench draft test skipped.");
        return dir;
    }

    private static string? Create()
    {
        string? script = FindScript();
        if (script is null) return null;
        string outDir = Path.Combine(Path.GetTempPath(), "dany-docs-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        try
        {
            var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string a in new[] { script, "--n", "50", "--seed", "3", "--out", outDir }) psi.ArgumentList.Add(a);
            using Process p = Process.Start(psi)!;
            p.StandardOutput.ReadToEnd();
            p.WaitForExit(60_000);
            return p.ExitCode == 0 && File.Exists(Path.Combine(outDir, "draft.md")) ? outDir : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string? FindScript()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            string candidate = Path.Combine(d.FullName, "..", "shared", "bench", "gencorpus.py");
            if (File.Exists(candidate)) return Path.GetFullPath(candidate);
            candidate = Path.Combine(d.FullName, "shared", "bench", "gencorpus.py");
            if (File.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        return null;
    }
}
