using DanY.Domain.Plans;

namespace DanY.Documents.Plans;

/// <summary>
/// Reads a plan file: DOCX (recognised by its content, a ZIP package) or UTF-8 text/Markdown. Files larger
/// than <see cref="MaxBytes"/> are refused before reading. Every failure is a <see cref="PlanReadException"/>
/// with a message in Vietnamese and English.
/// </summary>
public static class PlanReader
{
    /// <summary>Plans are a few pages; 20 MB leaves room for embedded images in a DOCX.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    public static Plan ReadFile(string path, PlanReadingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new PlanReadException($"'{path}' là một thư mục, không phải tệp. / '{path}' is a directory, not a file.");
        }
        if (!File.Exists(path))
        {
            throw new PlanReadException($"Không tìm thấy tệp '{path}'. / File not found: '{path}'.");
        }
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxBytes)
            {
                throw new PlanReadException(
                    $"Tệp quá lớn ({info.Length / (1024 * 1024)} MB; tối đa {MaxBytes / (1024 * 1024)} MB). / File too large ({info.Length / (1024 * 1024)} MB; at most {MaxBytes / (1024 * 1024)} MB).");
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PlanReadException($"Không đọc được tệp '{path}': {e.Message} / Cannot read '{path}': {e.Message}", e);
        }
        return Read(bytes, options);
    }

    public static Plan Read(byte[] bytes, PlanReadingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return PlanExtractor.Extract(ReadLines(bytes), options);
    }

    public static IReadOnlyList<SourceLine> ReadLines(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
        {
            throw new PlanReadException("Tệp rỗng. / The file is empty.");
        }
        if (bytes.Length > MaxBytes)
        {
            throw new PlanReadException($"Tệp quá lớn (tối đa {MaxBytes / (1024 * 1024)} MB). / File too large (at most {MaxBytes / (1024 * 1024)} MB).");
        }
        // "PK\x03\x04": a ZIP package, which for us means DOCX.
        if (bytes.Length >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04)
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return PlanDocxReader.Read(stream);
        }
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 8)).IndexOf((byte)0) >= 0 && !(bytes[0] is 0xFF or 0xFE))
        {
            throw new PlanReadException(
                "Tệp không phải văn bản hay DOCX (có thể là DOC cũ hoặc PDF). / The file is neither text nor DOCX (perhaps a legacy DOC or a PDF).");
        }
        if (bytes.Length >= 4 && bytes[0] == 0x25 && bytes[1] == 0x50 && bytes[2] == 0x44 && bytes[3] == 0x46)
        {
            throw new PlanReadException("Tệp PDF chưa được hỗ trợ; hãy dùng DOCX hoặc văn bản. / PDF is not supported; use DOCX or text.");
        }
        return PlanTextReader.Read(PlanTextReader.Decode(bytes));
    }
}
