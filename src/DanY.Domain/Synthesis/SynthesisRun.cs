using DanY.Domain.Auditing;

namespace DanY.Domain.Synthesis;

/// <summary>
/// One stored synthesis of a consultation: the engine version and settings it ran with and a hash of
/// its input, so that the same input can be shown to give the same synthesis. Groups and per-comment
/// assignments hang off it; staff edit the groups, never the comments.
/// </summary>
public sealed class SynthesisRun
{
    private SynthesisRun()
    {
    }

    public SynthesisRun(int consultationId, string engineVersion, string settingsJson, string inputHash, int comments, DateTimeOffset createdAt)
    {
        ConsultationId = consultationId;
        EngineVersion = engineVersion;
        SettingsJson = settingsJson;
        InputHash = inputHash;
        Comments = comments;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public int ConsultationId { get; private set; }
    public string EngineVersion { get; private set; } = "";

    /// <summary>The engine options as JSON (ladder thresholds included).</summary>
    public string SettingsJson { get; private set; } = "";

    /// <summary>
    /// SHA-256 over the comments fed to the engine (ids, sections, texts, in id order). After a fold it
    /// chains: SHA-256 of the previous hash and the batch's hash, so it names the sequence of inputs.
    /// </summary>
    public string InputHash { get; private set; } = "";
    public int Comments { get; private set; }
    public int NoiseComments { get; set; }
    public int DuplicateComments { get; set; }
    public int Campaigns { get; set; }

    /// <summary>Largest comment id included: later comments are folded in by the next run.</summary>
    public long LastCommentId { get; set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Batches of new comments folded into this run since it was computed in full.</summary>
    public int Folds { get; private set; }
    public DateTimeOffset? FoldedAt { get; private set; }

    /// <summary>Records a batch of comments folded in: the run now stands for the previous input followed by the batch.</summary>
    public void Fold(string chainedHash, int comments, int noise, int duplicates, int campaigns, long lastCommentId, DateTimeOffset now)
    {
        InputHash = chainedHash;
        Comments += comments;
        NoiseComments += noise;
        DuplicateComments += duplicates;
        Campaigns += campaigns;
        LastCommentId = Math.Max(LastCommentId, lastCommentId);
        Folds++;
        FoldedAt = now;
    }
}

public enum GroupDecision
{
    None,

    /// <summary>Tiếp thu.</summary>
    Adopted,

    /// <summary>Giải trình.</summary>
    Explained,
}

/// <summary>An opinion group of a section, as the engine made it and as staff then edited it (audited).</summary>
public sealed class SynthesisGroup : IAuditable
{
    public const int SummaryMaxLength = 2000;

    private SynthesisGroup()
    {
    }

    public SynthesisGroup(long runId, int draftId, string sectionRef, int sectionOrder, string engineGroupId, string representative, string keyPhrases,
        string quantifier, double share, int comments, int distinct, int units, int campaigns, int campaignLetters, string breakdownJson)
    {
        RunId = runId;
        DraftId = draftId;
        SectionRef = sectionRef;
        SectionOrder = sectionOrder;
        EngineGroupId = engineGroupId;
        Representative = representative;
        Summary = representative.Length > SummaryMaxLength ? representative[..SummaryMaxLength] : representative;
        KeyPhrases = keyPhrases;
        Quantifier = quantifier;
        Share = share;
        Comments = comments;
        Distinct = distinct;
        Units = units;
        Campaigns = campaigns;
        CampaignLetters = campaignLetters;
        BreakdownJson = breakdownJson;
    }

    public long Id { get; private set; }
    public long RunId { get; private set; }
    public int DraftId { get; private set; }

    /// <summary>"" for opinions on the whole draft.</summary>
    public string SectionRef { get; private set; } = "";

    /// <summary>Position of the section in the draft's heading order (-1 for the whole draft).</summary>
    public int SectionOrder { get; private set; }
    public string EngineGroupId { get; private set; } = "";

    /// <summary>Wording taken verbatim from a comment.</summary>
    public string Representative { get; private set; } = "";

    /// <summary>The sentence the report prints; starts as the representative wording, staff may edit it.</summary>
    public string Summary { get; private set; } = "";

    /// <summary>Key phrases separated by " · ".</summary>
    public string KeyPhrases { get; private set; } = "";
    public string Quantifier { get; private set; } = "";
    public double Share { get; private set; }
    public int Comments { get; private set; }
    public int Distinct { get; private set; }
    public int Units { get; private set; }
    public int Campaigns { get; private set; }
    public int CampaignLetters { get; private set; }

    /// <summary>{"channel":{...},"group":{...},"stance":{...}} counts.</summary>
    public string BreakdownJson { get; private set; } = "{}";

    /// <summary>The engine's weighted folded words of the group (JSON object): what new comments are matched on when folded in.</summary>
    public string TermsJson { get; private set; } = "{}";
    public GroupDecision Decision { get; private set; }
    public string? DecisionNote { get; private set; }

    /// <summary>An isolated opinion staff judged substantial: reported with its arguments.</summary>
    public bool IsolatedSubstantial { get; private set; }

    /// <summary>Set when merged into another group; the group is kept for the record.</summary>
    public long? MergedIntoId { get; private set; }

    public void EditSummary(string summary)
    {
        summary = (summary ?? "").Trim();
        if (summary.Length == 0 || summary.Length > SummaryMaxLength)
            throw new ArgumentException($"Câu tổng hợp phải có từ 1 đến {SummaryMaxLength} ký tự / the summary must have 1 to {SummaryMaxLength} characters.");
        Summary = summary;
    }

    public void Decide(GroupDecision decision, string? note)
    {
        Decision = decision;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public void MarkIsolated(bool substantial) => IsolatedSubstantial = substantial;

    public void MergeInto(long targetId) => MergedIntoId = targetId;

    /// <summary>Counts recomputed after a merge, split or move.</summary>
    public void Recount(int comments, int distinct, int units, string quantifier, double share, string breakdownJson)
    {
        Comments = comments;
        Distinct = distinct;
        Units = units;
        Quantifier = quantifier;
        Share = share;
        BreakdownJson = breakdownJson;
    }

    public void SetTerms(string termsJson) => TermsJson = termsJson;

    /// <summary>New comments folded into the group: all counts at once (campaigns add up, the rest is recounted by the caller).</summary>
    public void FoldIn(int comments, int distinct, int units, int campaigns, int campaignLetters, string breakdownJson, string termsJson)
    {
        Comments = comments;
        Distinct = distinct;
        Units = units;
        Campaigns = campaigns;
        CampaignLetters = campaignLetters;
        BreakdownJson = breakdownJson;
        TermsJson = termsJson;
    }

    /// <summary>The section's total changed: a new share and ladder phrase, counts unchanged.</summary>
    public void Rescale(string quantifier, double share)
    {
        Quantifier = quantifier;
        Share = share;
    }

    public static string DecisionLabel(GroupDecision decision) => decision switch
    {
        GroupDecision.Adopted => "Tiếp thu",
        GroupDecision.Explained => "Giải trình",
        _ => "Chưa xử lý",
    };
}

/// <summary>A comment's place in a run: each group it carries a point of. The comment itself never changes.</summary>
public sealed class SynthesisMember : IAuditable
{
    private SynthesisMember()
    {
    }

    public SynthesisMember(long runId, long groupId, long commentId, bool primary)
    {
        RunId = runId;
        GroupId = groupId;
        CommentId = commentId;
        Primary = primary;
    }

    public long Id { get; private set; }
    public long RunId { get; private set; }
    public long GroupId { get; private set; }
    public long CommentId { get; private set; }

    /// <summary>The comment's main point (the group the appendix lists it under).</summary>
    public bool Primary { get; private set; }

    public void MoveTo(long groupId) => GroupId = groupId;
}

/// <summary>Per comment of a run: its duplicate family and why it was set aside, if it was.</summary>
public sealed class SynthesisAssignment : IAuditable
{
    private SynthesisAssignment()
    {
    }

    public SynthesisAssignment(long runId, long commentId, long? groupId, string? duplicateGroup, string noise)
    {
        RunId = runId;
        CommentId = commentId;
        GroupId = groupId;
        DuplicateGroup = duplicateGroup;
        Noise = noise;
    }

    public long Id { get; private set; }
    public long RunId { get; private set; }
    public long CommentId { get; private set; }

    /// <summary>Main group (null for noise or a comment with no point).</summary>
    public long? GroupId { get; private set; }
    public string? DuplicateGroup { get; private set; }

    /// <summary>"None", "Spam", "OffTopic"... (engine's NoiseReason).</summary>
    public string Noise { get; private set; } = "None";

    public void MoveTo(long groupId) => GroupId = groupId;
}
