using System.IO.Compression;
using System.Text;
using DanY.Documents.Drafts;
using DanY.Documents.Intake;

namespace DanY.Documents.Tests.Drafts;

public sealed class DraftLimitsTests
{
    [Fact]
    public void Truncated_docx_is_refused_as_corrupt()
    {
        byte[] good = DocxDraftReaderTests.PoliticalReport();
        byte[] truncated = good[..(good.Length / 2)];
        var ex = Assert.Throws<DocumentRejectedException>(() => DraftImporter.Import(new MemoryStream(truncated), "bao-cao.docx"));
        Assert.Equal(RejectionReason.Corrupt, ex.Reason);
        Assert.Contains("hỏng", ex.VietnameseMessage, StringComparison.Ordinal);
        Assert.Contains("corrupt", ex.EnglishMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupted_entry_inside_a_valid_zip_is_refused()
    {
        byte[] good = DocxDraftReaderTests.PoliticalReport();
        using var ms = new MemoryStream();
        ms.Write(good);
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
        {
            ZipArchiveEntry doc = zip.GetEntry("word/document.xml")!;
            doc.Delete();
            using var w = new StreamWriter(zip.CreateEntry("word/document.xml").Open(), Encoding.UTF8);
            w.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>");
        }
        var ex = Assert.Throws<DocumentRejectedException>(() => DraftImporter.Import(new MemoryStream(ms.ToArray()), "x.docx"));
        Assert.Equal(RejectionReason.Corrupt, ex.Reason);
    }

    [Fact]
    public void Text_file_renamed_docx_is_not_a_docx()
    {
        byte[] text = Encoding.UTF8.GetBytes("Đây không phải tệp Word.");
        var ex = Assert.Throws<DocumentRejectedException>(() => DraftImporter.Import(new MemoryStream(text), "x.docx"));
        Assert.Equal(RejectionReason.NotADocx, ex.Reason);
    }

    [Fact]
    public void Xlsx_renamed_docx_is_not_a_docx()
    {
        byte[] zip = Zip(("[Content_Types].xml", new byte[10]), ("xl/workbook.xml", new byte[10]));
        var ex = Assert.Throws<DocumentRejectedException>(() => DraftImporter.Import(new MemoryStream(zip), "x.docx"));
        Assert.Equal(RejectionReason.NotADocx, ex.Reason);
    }

    [Fact]
    public void Zip_bomb_is_refused_by_ratio_before_inflating()
    {
        byte[] bomb = Zip(("[Content_Types].xml", new byte[10]), ("word/document.xml", new byte[10]), ("word/media/x.bin", new byte[64 * 1024 * 1024]));
        Assert.True(bomb.Length < 1024 * 1024, "the bomb itself is small");
        var ex = Assert.Throws<DocumentRejectedException>(() => DraftImporter.Import(new MemoryStream(bomb), "bomb.docx"));
        Assert.Equal(RejectionReason.SuspiciousCompression, ex.Reason);
    }

    [Fact]
    public void Zip_bomb_is_refused_by_total_decompressed_size()
    {
        byte[] bomb = Zip(("[Content_Types].xml", new byte[10]), ("word/document.xml", new byte[10]), ("word/media/x.bin", new byte[16 * 1024 * 1024]));
        var limits = new UploadLimits { MaxDecompressedBytes = 8 * 1024 * 1024, MaxCompressionRatio = int.MaxValue };
        var ex = Assert.Throws<DocumentRejectedException>(() => DraftImporter.Import(new MemoryStream(bomb), "bomb.docx", limits));
        Assert.Equal(RejectionReason.DecompressedTooLarge, ex.Reason);
        Assert.Contains("bom nén", ex.VietnameseMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_file_and_too_many_entries_are_refused()
    {
        byte[] docx = DocxDraftReaderTests.PoliticalReport();
        var ex = Assert.Throws<DocumentRejectedException>(() =>
            DraftImporter.Import(new MemoryStream(docx), "x.docx", new UploadLimits { MaxFileBytes = docx.Length - 1 }));
        Assert.Equal(RejectionReason.FileTooLarge, ex.Reason);

        var entries = Enumerable.Range(0, 50).Select(i => ($"word/x{i}.xml", new byte[1])).Append(("[Content_Types].xml", new byte[1])).Append(("word/document.xml", new byte[1]));
        ex = Assert.Throws<DocumentRejectedException>(() =>
            DraftImporter.Import(new MemoryStream(Zip([.. entries])), "x.docx", new UploadLimits { MaxZipEntries = 20 }));
        Assert.Equal(RejectionReason.TooManyEntries, ex.Reason);
    }

    [Fact]
    public void Unsupported_extension_is_refused() =>
        Assert.Throws<DocumentRejectedException>(() => DraftImporter.Import(new MemoryStream([1, 2, 3]), "x.pdf"));

    internal static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, byte[] content) in entries)
            {
                using Stream s = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                s.Write(content);
            }
        }
        return ms.ToArray();
    }
}
