using System.Diagnostics;
using DanY.Documents.Drafts;
using DanY.Documents.Pdf;
using DanY.Documents.Reports;
using DanY.Documents.Tests.Reports;

namespace DanY.Documents.Tests.Drafts;

/// <summary>Drafts often come back from LibreOffice or another editor: its DOCX must read the same.</summary>
public sealed class LibreOfficeRoundTripTests
{
    [Fact]
    public void Docx_resaved_by_libreoffice_gives_the_same_outline()
    {
        byte[] original = DocxDraftReaderTests.PoliticalReport();
        byte[] resaved = Resave(original);
        DraftOutline a = DocxDraftReader.Read(new MemoryStream(original));
        DraftOutline b = DocxDraftReader.Read(new MemoryStream(resaved));
        Assert.Equal(a.Flatten().Select(s => (s.Ref, s.Title)), b.Flatten().Select(s => (s.Ref, s.Title)));
        Assert.Equal(a.Flatten().Sum(s => s.Paragraphs.Count), b.Flatten().Sum(s => s.Paragraphs.Count));
    }

    [Fact]
    public void Styled_report_resaved_by_libreoffice_keeps_its_headings()
    {
        byte[] resaved = Resave(DocxReportWriter.ToBytes(SampleReports.PartySynthesis(withChart: false)));
        DraftOutline outline = DocxDraftReader.Read(new MemoryStream(resaved));
        Assert.Equal(["I", "I.1", "I.2", "II", "II.1", "II.2", "II.2.a", "II.2.b", "III"], outline.Flatten().Select(s => s.Ref));
    }

    /// <summary>DOCX → ODT → DOCX through soffice.</summary>
    private static byte[] Resave(byte[] docx)
    {
        string? soffice = LibreOfficePdfConverter.Locate();
        if (soffice is null) Assert.Skip("LibreOffice is not installed: round trip not tested.");
        string dir = Path.Combine(Path.GetTempPath(), "dany-rt-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "in.docx"), docx);
            Run(soffice, dir, "odt", "in.docx");
            File.Move(Path.Combine(dir, "in.odt"), Path.Combine(dir, "mid.odt"));
            Run(soffice, dir, "docx:MS Word 2007 XML", "mid.odt");
            return File.ReadAllBytes(Path.Combine(dir, "mid.docx"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void Run(string soffice, string dir, string format, string file)
    {
        var psi = new ProcessStartInfo(soffice) { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string a in new[] { "-env:UserInstallation=" + new Uri(Path.Combine(dir, "profile")).AbsoluteUri, "--headless", "--convert-to", format, "--outdir", dir, file })
        {
            psi.ArgumentList.Add(a);
        }
        using Process p = Process.Start(psi)!;
        p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        Assert.True(p.WaitForExit(120_000), "soffice timed out");
    }
}
