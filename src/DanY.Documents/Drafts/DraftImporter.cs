using DanY.Documents.Intake;

namespace DanY.Documents.Drafts;

/// <summary>Entry point for draft uploads: picks the reader from the file name and the content.</summary>
public static class DraftImporter
{
    /// <summary>Imports a DOCX or Markdown (.md, .markdown, .txt) draft.</summary>
    /// <exception cref="DocumentRejectedException">Too large, corrupt, zip bomb, unsupported.</exception>
    public static DraftOutline Import(Stream input, string fileName, UploadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(fileName);
        limits ??= UploadLimits.Default;
        string ext = Path.GetExtension(fileName).ToLowerInvariant();
        if (ext is ".md" or ".markdown" or ".txt") return MarkdownDraftReader.Read(input, limits);
        if (ext is ".docx" or ".docm" or ".dotx") return DocxDraftReader.Read(input, limits);
        throw new DocumentRejectedException(RejectionReason.NotADocx,
            "Chỉ nhận dự thảo dạng .docx hoặc Markdown (.md).",
            "Only .docx or Markdown (.md) drafts are accepted.");
    }
}
