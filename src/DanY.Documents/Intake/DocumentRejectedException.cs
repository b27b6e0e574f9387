namespace DanY.Documents.Intake;

/// <summary>Why an uploaded file was refused before anything was stored.</summary>
public enum RejectionReason
{
    Empty,
    FileTooLarge,
    NotAZipPackage,
    NotADocx,
    NotAnXlsx,
    TooManyEntries,
    DecompressedTooLarge,
    SuspiciousCompression,
    Corrupt,
    TooManyRows,
    TooManyParagraphs,
    BadEncoding,
    MissingColumns,
}

/// <summary>
/// An upload refused as a whole (size, zip bomb, wrong format, corrupt). Carries one message for
/// the person who uploaded (Vietnamese) and one for logs and API clients (English); neither echoes
/// file content.
/// </summary>
public sealed class DocumentRejectedException : Exception
{
    public DocumentRejectedException(RejectionReason reason, string vietnameseMessage, string englishMessage, Exception? inner = null)
        : base(vietnameseMessage + " / " + englishMessage, inner)
    {
        Reason = reason;
        VietnameseMessage = vietnameseMessage;
        EnglishMessage = englishMessage;
    }

    public RejectionReason Reason { get; }

    public string VietnameseMessage { get; }

    public string EnglishMessage { get; }
}
