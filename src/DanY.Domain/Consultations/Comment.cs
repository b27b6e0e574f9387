using System.Security.Cryptography;

namespace DanY.Domain.Consultations;

public enum Stance
{
    /// <summary>Tán thành.</summary>
    Agree,

    /// <summary>Không tán thành.</summary>
    Disagree,

    /// <summary>Đồng ý một phần.</summary>
    Partly,
}

public enum CommentStatus
{
    /// <summary>Stored and counted.</summary>
    Received,

    /// <summary>Set aside by staff (spam, abuse); kept for the record.</summary>
    Rejected,
}

/// <summary>The channels a comment can come through (stable codes, shared with the intake template).</summary>
public static class CommentChannels
{
    public const string Portal = "online";
    public const string Api = "api";
    public const string Conference = "conference";
    public const string Congress = "congress";
    public const string Letter = "written";
    public const string Intake = "intake";

    public static IReadOnlyList<string> All { get; } = [Portal, Api, Conference, Congress, Letter, Intake];

    public static string Label(string channel) => channel switch
    {
        Portal => "Cổng góp ý trực tuyến",
        Api => "Ứng dụng (API)",
        Conference => "Hội nghị",
        Congress => "Đại hội đảng bộ, chi bộ cơ sở",
        Letter => "Văn bản, thư góp ý",
        Intake => "Tổng hợp từ đơn vị cấp dưới",
        _ => channel,
    };
}

public static class Stances
{
    public static string Code(Stance stance) => stance switch
    {
        Stance.Agree => "agree",
        Stance.Disagree => "disagree",
        _ => "partly",
    };

    public static Stance? Parse(string? code) => code?.Trim().ToUpperInvariant() switch
    {
        "AGREE" => Stance.Agree,
        "DISAGREE" => Stance.Disagree,
        "PARTLY" => Stance.Partly,
        _ => null,
    };

    public static string Label(Stance stance) => stance switch
    {
        Stance.Agree => "Tán thành",
        Stance.Disagree => "Không tán thành",
        _ => "Đồng ý một phần",
    };
}

/// <summary>
/// A comment on a draft section (or on the whole draft). Anonymous by construction: there is no
/// column for a name or contact; an identity given with consent lives in <see cref="CommentIdentity"/>.
/// Rows are written by the group-commit writer, never audited one by one.
/// </summary>
public sealed class Comment
{
    public const int TextMaxLength = 5_000;
    public const int KeyMaxLength = 128;
    public const int ReceiptLength = 11;

    private Comment()
    {
    }

    public Comment(string receipt, string idempotencyKey, int consultationId, int draftId, int? draftVersionId, string? sectionRef,
        Stance stance, string text, string channel, int? unitId, string? socialGroup, int? conferenceId, string contentHash, DateTimeOffset submittedAt)
    {
        Receipt = receipt;
        IdempotencyKey = idempotencyKey;
        ConsultationId = consultationId;
        DraftId = draftId;
        DraftVersionId = draftVersionId;
        SectionRef = sectionRef;
        Stance = stance;
        Text = text;
        Channel = channel;
        UnitId = unitId;
        SocialGroup = socialGroup;
        ConferenceId = conferenceId;
        ContentHash = contentHash;
        SubmittedAt = submittedAt;
    }

    public long Id { get; private set; }
    public string Receipt { get; private set; } = "";
    public string IdempotencyKey { get; private set; } = "";
    public int ConsultationId { get; private set; }
    public int DraftId { get; private set; }
    public int? DraftVersionId { get; private set; }

    /// <summary>Null for a comment on the whole draft.</summary>
    public string? SectionRef { get; private set; }
    public Stance Stance { get; private set; }
    public string Text { get; private set; } = "";
    public string Channel { get; private set; } = "";
    public int? UnitId { get; private set; }
    public string? SocialGroup { get; private set; }
    public int? ConferenceId { get; private set; }

    /// <summary>SHA-256 (hex) of the exact-duplicate key of the text, for campaigns and resubmissions.</summary>
    public string ContentHash { get; private set; } = "";
    public DateTimeOffset SubmittedAt { get; private set; }
    public CommentStatus Status { get; private set; } = CommentStatus.Received;

    /// <summary>Staff confirmed it as spam or abuse: kept for the record, left out of the synthesis (the reason lives with the moderation decision).</summary>
    public void SetAside() => Status = CommentStatus.Rejected;

    /// <summary>Staff released a set-aside comment: it counts again.</summary>
    public void Restore() => Status = CommentStatus.Received;

    /// <summary>Re-points the comment at the matching section of a new draft version.</summary>
    public void MoveTo(int draftVersionId, string? sectionRef)
    {
        DraftVersionId = draftVersionId;
        SectionRef = sectionRef;
    }
}

/// <summary>Receipt codes: 10 random Crockford base-32 characters in two groups ("7K2QD-M9XPA"), about 50 bits.</summary>
public static class Receipts
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[10];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[Comment.ReceiptLength];
        for (int i = 0, j = 0; i < chars.Length; i++)
        {
            if (i == 5)
            {
                chars[i] = '-';
                continue;
            }
            chars[i] = Alphabet[bytes[j++] & 31];
        }
        return new string(chars);
    }

    /// <summary>Upper-cases, fixes look-alikes (O→0, I/L→1) and the dash; null when it cannot be a receipt.</summary>
    public static string? Canonical(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        Span<char> chars = stackalloc char[10];
        int n = 0;
        foreach (char raw in text)
        {
            char c = char.ToUpperInvariant(raw);
            if (c is '-' or ' ') continue;
            c = c switch { 'O' => '0', 'I' or 'L' => '1', _ => c };
            if (Alphabet.IndexOf(c, StringComparison.Ordinal) < 0 || n == 10) return null;
            chars[n++] = c;
        }
        return n == 10 ? string.Concat(chars[..5], "-", chars[5..]) : null;
    }
}
