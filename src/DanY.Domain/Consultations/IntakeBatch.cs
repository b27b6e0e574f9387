using DanY.Domain.Auditing;

namespace DanY.Domain.Consultations;

/// <summary>
/// One committed bulk-intake upload (web form or API). Its idempotency key, scoped per consultation,
/// lets an API client retry a commit safely: the same key with the same rows replays, with other rows is refused.
/// The rows themselves are idempotent by content, so a batch without a key (the web form) adds nothing when repeated either.
/// </summary>
public sealed class IntakeBatch : IAuditable
{
    public const int FileNameMaxLength = 200;

    private IntakeBatch()
    {
    }

    public IntakeBatch(int consultationId, int draftId, string? idempotencyKey, string contentHash, string fileName, int rows, int added, int errorRows, string source, DateTimeOffset committedAt)
    {
        ConsultationId = consultationId;
        DraftId = draftId;
        IdempotencyKey = idempotencyKey;
        ContentHash = contentHash;
        FileName = fileName.Length > FileNameMaxLength ? fileName[..FileNameMaxLength] : fileName;
        Rows = rows;
        Added = added;
        ErrorRows = errorRows;
        Source = source;
        CommittedAt = committedAt.ToUniversalTime();
    }

    public long Id { get; private set; }
    public int ConsultationId { get; private set; }
    public int DraftId { get; private set; }

    /// <summary>The client's Idempotency-Key (API); null for the web form.</summary>
    public string? IdempotencyKey { get; private set; }

    /// <summary>SHA-256 (hex) of the draft and every row's content hash, in order.</summary>
    public string ContentHash { get; private set; } = "";

    public string FileName { get; private set; } = "";

    /// <summary>Rows read (valid or not).</summary>
    public int Rows { get; private set; }

    /// <summary>Comments created by this commit (rows already stored are not counted).</summary>
    public int Added { get; private set; }

    public int ErrorRows { get; private set; }

    /// <summary>"web" or "api".</summary>
    public string Source { get; private set; } = "";

    public DateTimeOffset CommittedAt { get; private set; }

    /// <summary>Records how many comments the commit created (a batch claimed by its key is saved before its rows).</summary>
    public void Completed(int added) => Added = added;
}
