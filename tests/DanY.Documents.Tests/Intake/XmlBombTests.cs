using System.IO.Compression;
using System.Text;
using DanY.Documents.Drafts;
using DanY.Documents.Intake;
using DanY.Documents.Tests.Drafts;

namespace DanY.Documents.Tests.Intake;

/// <summary>Entity expansion ("billion laughs") hides a bomb inside a small, honestly compressed XML part.</summary>
public sealed class XmlBombTests
{
    private const string Doctype =
        "<!DOCTYPE lol [<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">"
        + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
        + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
        + "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]>";

    [Fact]
    public void Entity_expansion_in_an_xlsx_sheet_is_refused()
    {
        byte[] bomb = Inject(IntakeTemplateTests.Template(), "xl/worksheets/sheet1.xml", "Toàn văn", "&g;");
        var ex = Assert.Throws<DocumentRejectedException>(() => IntakeParser.ParseXlsx(new MemoryStream(bomb), new IntakeOptions(IntakeTemplateTests.Sections)));
        Assert.Equal(RejectionReason.Corrupt, ex.Reason);
    }

    [Fact]
    public void Entity_expansion_in_a_docx_is_refused()
    {
        byte[] bomb = Inject(DocxDraftReaderTests.PoliticalReport(), "word/document.xml", "Phần thứ nhất", "&g;");
        var ex = Assert.Throws<DocumentRejectedException>(() => DocxDraftReader.Read(new MemoryStream(bomb)));
        Assert.Equal(RejectionReason.Corrupt, ex.Reason);
    }

    /// <summary>Adds a DOCTYPE with nested entities to a part and replaces some text with the outer entity.</summary>
    private static byte[] Inject(byte[] package, string partName, string find, string replacement)
    {
        using var ms = new MemoryStream();
        ms.Write(package);
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
        {
            ZipArchiveEntry entry = zip.GetEntry(partName)!;
            string xml;
            using (var r = new StreamReader(entry.Open(), Encoding.UTF8)) xml = r.ReadToEnd();
            Assert.Contains(find, xml, StringComparison.Ordinal);
            int declEnd = xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml.IndexOf("?>", StringComparison.Ordinal) + 2 : 0;
            xml = xml[..declEnd] + Doctype + xml[declEnd..].Replace(find, replacement, StringComparison.Ordinal);
            entry.Delete();
            using var w = new StreamWriter(zip.CreateEntry(partName).Open(), new UTF8Encoding(false));
            w.Write(xml);
        }
        return ms.ToArray();
    }
}
