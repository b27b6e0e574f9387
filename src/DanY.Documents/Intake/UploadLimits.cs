namespace DanY.Documents.Intake;

/// <summary>Bounds applied to every uploaded file before it is parsed.</summary>
public sealed record UploadLimits
{
    /// <summary>Size of the uploaded file itself.</summary>
    public long MaxFileBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Number of entries in the zip container (a DOCX has ~10–30, an XLSX a few more).</summary>
    public int MaxZipEntries { get; init; } = 2_000;

    /// <summary>Sum of all entries once decompressed.</summary>
    public long MaxDecompressedBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>Decompressed/compressed ratio above which an entry larger than 1 MB is treated as a bomb.</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>Data rows in an intake sheet or CSV.</summary>
    public int MaxRows { get; init; } = 100_000;

    /// <summary>Paragraphs in an imported draft.</summary>
    public int MaxParagraphs { get; init; } = 50_000;

    public static UploadLimits Default { get; } = new();
}
