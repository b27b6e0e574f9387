using System.IO.Compression;

namespace DanY.Documents.Intake;

/// <summary>The kind of Office package an upload must be.</summary>
public enum PackageKind
{
    Docx,
    Xlsx,
}

/// <summary>
/// Reads an upload into memory within the size limit and checks the zip container before any
/// OpenXml or MiniExcel code touches it: entry count, declared and actual decompressed sizes,
/// compression ratio, and the part that makes it a DOCX or an XLSX. Declared sizes in a zip can lie,
/// so every entry is inflated once into a counting sink that stops at the limit.
/// </summary>
public static class PackageGuard
{
    private const long RatioFloorBytes = 1024 * 1024;

    /// <summary>Copies <paramref name="input"/> into memory, refusing it if it exceeds the file limit.</summary>
    public static MemoryStream ReadBounded(Stream input, UploadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(limits);
        if (input.CanSeek && input.Length - input.Position > limits.MaxFileBytes) throw TooLarge(limits);
        var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limits.MaxFileBytes) throw TooLarge(limits);
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            throw new DocumentRejectedException(RejectionReason.Empty, "Tệp tải lên rỗng.", "The uploaded file is empty.");
        }
        buffer.Position = 0;
        return buffer;
    }

    /// <summary>Reads and validates an Office package; the returned stream is positioned at 0.</summary>
    public static MemoryStream Open(Stream input, PackageKind kind, UploadLimits? limits = null)
    {
        limits ??= UploadLimits.Default;
        MemoryStream buffer = ReadBounded(input, limits);
        Inspect(buffer, kind, limits);
        buffer.Position = 0;
        return buffer;
    }

    /// <summary>True when the bytes start with a zip local-file header.</summary>
    public static bool LooksLikeZip(ReadOnlySpan<byte> head) =>
        head.Length >= 4 && head[0] == 0x50 && head[1] == 0x4B && head[2] == 0x03 && head[3] == 0x04;

    private static void Inspect(MemoryStream buffer, PackageKind kind, UploadLimits limits)
    {
        if (!LooksLikeZip(buffer.GetBuffer().AsSpan(0, (int)Math.Min(4, buffer.Length)))) throw WrongKind(kind, null);
        try
        {
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxZipEntries)
            {
                throw new DocumentRejectedException(RejectionReason.TooManyEntries,
                    $"Tệp có quá nhiều thành phần nén ({zip.Entries.Count}, tối đa {limits.MaxZipEntries}).",
                    $"The package has too many entries ({zip.Entries.Count}, limit {limits.MaxZipEntries}).");
            }
            long declared = 0;
            bool hasContentTypes = false, hasMainPart = false;
            string mainPart = kind == PackageKind.Docx ? "word/document.xml" : "xl/workbook.xml";
            foreach (ZipArchiveEntry entry in zip.Entries)
            {
                declared += entry.Length;
                if (declared > limits.MaxDecompressedBytes) throw Bomb(limits);
                if (entry.Length > RatioFloorBytes && entry.CompressedLength > 0
                    && entry.Length / entry.CompressedLength > limits.MaxCompressionRatio)
                {
                    throw new DocumentRejectedException(RejectionReason.SuspiciousCompression,
                        "Tệp có thành phần nén bất thường (nghi ngờ “bom nén”), không được xử lý.",
                        "The package has an abnormally compressed entry (suspected zip bomb) and was not processed.");
                }
                hasContentTypes |= string.Equals(entry.FullName, "[Content_Types].xml", StringComparison.OrdinalIgnoreCase);
                hasMainPart |= string.Equals(entry.FullName, mainPart, StringComparison.OrdinalIgnoreCase);
            }
            if (!hasContentTypes || !hasMainPart) throw WrongKind(kind, null);

            long total = 0;
            byte[] sink = new byte[81920];
            foreach (ZipArchiveEntry entry in zip.Entries)
            {
                using Stream s = entry.Open();
                long entryBytes = 0;
                int n;
                while ((n = s.Read(sink, 0, sink.Length)) > 0)
                {
                    entryBytes += n;
                    total += n;
                    if (total > limits.MaxDecompressedBytes) throw Bomb(limits);
                    if (entryBytes > entry.Length) throw Corrupt(null);
                }
            }
        }
        catch (InvalidDataException ex)
        {
            throw Corrupt(ex);
        }
    }

    internal static DocumentRejectedException Corrupt(Exception? inner) =>
        new(RejectionReason.Corrupt,
            "Tệp bị hỏng hoặc không đọc được.",
            "The file is corrupt or unreadable.", inner);

    internal static DocumentRejectedException WrongKind(PackageKind kind, Exception? inner) => kind == PackageKind.Docx
        ? new(RejectionReason.NotADocx,
            "Tệp không phải là văn bản Word (.docx).",
            "The file is not a Word document (.docx).", inner)
        : new(RejectionReason.NotAnXlsx,
            "Tệp không phải là bảng tính Excel (.xlsx).",
            "The file is not an Excel workbook (.xlsx).", inner);

    private static DocumentRejectedException TooLarge(UploadLimits limits) =>
        new(RejectionReason.FileTooLarge,
            $"Tệp quá lớn (tối đa {FormatMb(limits.MaxFileBytes)}).",
            $"The file is too large (limit {FormatMb(limits.MaxFileBytes)}).");

    private static DocumentRejectedException Bomb(UploadLimits limits) =>
        new(RejectionReason.DecompressedTooLarge,
            $"Nội dung giải nén của tệp vượt quá giới hạn {FormatMb(limits.MaxDecompressedBytes)} (nghi ngờ “bom nén”).",
            $"The decompressed content exceeds {FormatMb(limits.MaxDecompressedBytes)} (suspected zip bomb).");

    private static string FormatMb(long bytes) =>
        (bytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " MB";
}
