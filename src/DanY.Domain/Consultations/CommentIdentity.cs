namespace DanY.Domain.Consultations;

/// <summary>
/// Who wrote a comment, stored only with explicit consent and apart from the comment (its own table,
/// no navigation from <see cref="Comment"/>), so that reports and syntheses never reach it.
/// Withdrawing erases the personal fields and keeps the fact of the withdrawal.
/// </summary>
public sealed class CommentIdentity
{
    public const int FieldMaxLength = 200;

    /// <summary>The consent text shown on the portal; bump it when the wording changes.</summary>
    public const string CurrentConsentVersion = "2026-11-v1";

    public const string DefaultPurpose =
        "Để cơ quan tổ chức lấy ý kiến liên hệ làm rõ nội dung góp ý khi cần; không dùng vào mục đích khác, không đưa tên vào báo cáo tổng hợp.";

    private CommentIdentity()
    {
    }

    public CommentIdentity(long commentId, string? name, string? contact, string? locality, string? socialGroup,
        string consentVersion, string purpose, DateTimeOffset consentedAt, DateTimeOffset retainUntil)
    {
        CommentId = commentId;
        Name = Clip(name);
        Contact = Clip(contact);
        Locality = Clip(locality);
        SocialGroup = Clip(socialGroup);
        ConsentVersion = consentVersion;
        Purpose = purpose;
        ConsentedAt = consentedAt;
        RetainUntil = retainUntil;
    }

    public long Id { get; private set; }
    public long CommentId { get; private set; }
    public string? Name { get; private set; }
    public string? Contact { get; private set; }
    public string? Locality { get; private set; }
    public string? SocialGroup { get; private set; }
    public string ConsentVersion { get; private set; } = "";
    public string Purpose { get; private set; } = "";
    public DateTimeOffset ConsentedAt { get; private set; }

    /// <summary>Erased after this date (end of the congress cycle).</summary>
    public DateTimeOffset RetainUntil { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }

    public bool IsWithdrawn => WithdrawnAt is not null;

    public void Withdraw(DateTimeOffset now)
    {
        if (WithdrawnAt is not null) return;
        Name = null;
        Contact = null;
        Locality = null;
        SocialGroup = null;
        WithdrawnAt = now;
    }

    public static bool HasAny(string? name, string? contact, string? locality, string? group) =>
        !string.IsNullOrWhiteSpace(name) || !string.IsNullOrWhiteSpace(contact) || !string.IsNullOrWhiteSpace(locality) || !string.IsNullOrWhiteSpace(group);

    private static string? Clip(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        return value.Length > FieldMaxLength ? value[..FieldMaxLength] : value;
    }
}
