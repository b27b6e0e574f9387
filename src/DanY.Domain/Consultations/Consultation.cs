using DanY.Domain.Auditing;

namespace DanY.Domain.Consultations;

public enum ConsultationStatus
{
    Draft,
    Open,
    Closed,
    Synthesised,
}

/// <summary>
/// Opens one or more drafts to a unit subtree for a window of time, through some channels and for some
/// social groups. States: draft → open → closed → synthesised; a closed consultation may be reopened.
/// Every transition is a change of an <see cref="IAuditable"/> entity, so the audit log records who and when.
/// </summary>
public sealed class Consultation : IAuditable
{
    public const int TitleMaxLength = 400;

    private Consultation()
    {
    }

    public Consultation(string title, int ownerUnitId, int targetUnitId, DateTimeOffset opensAt, DateTimeOffset closesAt,
        IEnumerable<string> channels, IEnumerable<string> socialGroups)
    {
        Title = ValidateTitle(title);
        OwnerUnitId = ownerUnitId;
        TargetUnitId = targetUnitId;
        SetWindow(opensAt, closesAt);
        Channels = Join(channels, ',');
        if (Channels.Length == 0) Channels = CommentChannels.Portal;
        SocialGroups = Join(socialGroups, '|');
    }

    public int Id { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>The unit that runs the consultation.</summary>
    public int OwnerUnitId { get; private set; }

    /// <summary>The root of the subtree whose units and people are consulted.</summary>
    public int TargetUnitId { get; private set; }

    /// <summary>Start of the window (UTC; shown in Asia/Ho_Chi_Minh).</summary>
    public DateTimeOffset OpensAt { get; private set; }

    /// <summary>End of the window, exclusive (UTC).</summary>
    public DateTimeOffset ClosesAt { get; private set; }

    /// <summary>Accepted channel codes, comma-separated (see <see cref="CommentChannels"/>).</summary>
    public string Channels { get; private set; } = "";

    /// <summary>Targeted social groups, separated by '|'; empty means everyone.</summary>
    public string SocialGroups { get; private set; } = "";

    public ConsultationStatus Status { get; private set; } = ConsultationStatus.Draft;

    public List<ConsultationDraft> Drafts { get; private set; } = [];

    public IReadOnlyList<string> ChannelList => Channels.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<string> SocialGroupList => SocialGroups.Split('|', StringSplitOptions.RemoveEmptyEntries);

    public bool Accepts(string channel) => ChannelList.Contains(channel, StringComparer.Ordinal);

    /// <summary>True when comments may be submitted at <paramref name="now"/>.</summary>
    public bool IsAcceptingAt(DateTimeOffset now) => Status == ConsultationStatus.Open && now >= OpensAt && now < ClosesAt;

    public void Rename(string title) => Title = ValidateTitle(title);

    public void SetWindow(DateTimeOffset opensAt, DateTimeOffset closesAt)
    {
        if (closesAt <= opensAt)
            throw new ConsultationRuleException("Thời hạn kết thúc phải sau thời điểm bắt đầu / the window must close after it opens.");
        OpensAt = opensAt.ToUniversalTime();
        ClosesAt = closesAt.ToUniversalTime();
    }

    /// <summary>Replaces the accepted channels; at least one is required.</summary>
    public void SetChannels(IEnumerable<string> channels)
    {
        string joined = Join(channels, ',');
        if (joined.Length == 0)
            throw new ConsultationRuleException("Chọn ít nhất một kênh tiếp nhận / at least one channel is required.");
        Channels = joined;
    }

    /// <summary>Replaces the targeted social groups; none means everyone.</summary>
    public void SetSocialGroups(IEnumerable<string> groups) => SocialGroups = Join(groups, '|');

    public void Publish()
    {
        Require(ConsultationStatus.Draft, "công bố / publish");
        if (Drafts.Count == 0)
            throw new ConsultationRuleException("Cần ít nhất một dự thảo để công bố / a consultation needs at least one draft to be published.");
        Status = ConsultationStatus.Open;
    }

    public void Close() => Transition(ConsultationStatus.Open, ConsultationStatus.Closed, "đóng / close");

    public void Reopen() => Transition(ConsultationStatus.Closed, ConsultationStatus.Open, "mở lại / reopen");

    public void MarkSynthesised() => Transition(ConsultationStatus.Closed, ConsultationStatus.Synthesised, "đánh dấu đã tổng hợp / mark synthesised");

    public void AddDraft(int draftId)
    {
        if (Status != ConsultationStatus.Draft)
            throw new ConsultationRuleException("Chỉ thêm dự thảo khi đợt lấy ý kiến chưa công bố / drafts can only be added before publishing.");
        if (Drafts.Any(d => d.DraftId == draftId)) return;
        Drafts.Add(new ConsultationDraft(draftId, Drafts.Count));
    }

    public static string StatusLabel(ConsultationStatus status) => status switch
    {
        ConsultationStatus.Draft => "Chưa công bố",
        ConsultationStatus.Open => "Đang lấy ý kiến",
        ConsultationStatus.Closed => "Đã kết thúc",
        ConsultationStatus.Synthesised => "Đã tổng hợp",
        _ => status.ToString(),
    };

    private void Transition(ConsultationStatus from, ConsultationStatus to, string action)
    {
        Require(from, action);
        Status = to;
    }

    private void Require(ConsultationStatus from, string action)
    {
        if (Status != from)
            throw new ConsultationRuleException($"Không thể {action} khi trạng thái là \"{StatusLabel(Status)}\" / cannot {action[(action.IndexOf('/', StringComparison.Ordinal) + 2)..]} a consultation in state {Status}.");
    }

    private static string ValidateTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        title = title.Trim();
        if (title.Length == 0 || title.Length > TitleMaxLength)
            throw new ConsultationRuleException($"Tên đợt lấy ý kiến phải có từ 1 đến {TitleMaxLength} ký tự / title must have 1 to {TitleMaxLength} characters.");
        return title;
    }

    private static string Join(IEnumerable<string>? values, char separator) =>
        string.Join(separator, (values ?? []).Select(v => v.Trim().Replace(separator, ' ')).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal));
}

/// <summary>A draft opened by a consultation, in display order.</summary>
public sealed class ConsultationDraft
{
    private ConsultationDraft()
    {
    }

    public ConsultationDraft(int draftId, int order)
    {
        DraftId = draftId;
        Order = order;
    }

    public int ConsultationId { get; private set; }
    public int DraftId { get; private set; }
    public Draft? Draft { get; private set; }
    public int Order { get; private set; }
}
