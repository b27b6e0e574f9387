using System.Text.Json.Serialization;

namespace DanY.Engine.Synthesis;

/// <summary>One comment as the engine sees it. Identity of the writer never enters the engine.</summary>
/// <param name="Id">Stable id of the comment (receipt code or row id).</param>
/// <param name="SectionRef">Draft section the writer filed it under; null or empty for the whole document.</param>
/// <param name="UnitCode">Unit that collected or sent it.</param>
/// <param name="Channel">online, conference, written, congress...</param>
/// <param name="Group">Social group of the writer (công nhân, nông dân...).</param>
/// <param name="Stance">agree / disagree / partly agree, when the channel asks.</param>
/// <param name="SubmittedAt">When it was received.</param>
/// <param name="Text">The comment as written.</param>
public sealed record CommentInput(
    string Id,
    string? SectionRef,
    string? UnitCode,
    string? Channel,
    string? Group,
    string? Stance,
    DateTimeOffset? SubmittedAt,
    string Text);

/// <summary>A heading of the draft, in document order.</summary>
public sealed record DraftSection(string Ref, string? ParentRef, string Title);

/// <summary>Counts by key (channel, social group, stance), in ordinal key order, whatever the culture.</summary>
public sealed class CountMap : SortedDictionary<string, int>
{
    public CountMap()
        : base(StringComparer.Ordinal)
    {
    }

    public CountMap(IDictionary<string, int> source)
        : base(source, StringComparer.Ordinal)
    {
    }
}

/// <summary>Folded terms and their weights, in ordinal key order.</summary>
public sealed class TermMap : SortedDictionary<string, float>
{
    public TermMap()
        : base(StringComparer.Ordinal)
    {
    }

    public TermMap(IDictionary<string, float> source)
        : base(source, StringComparer.Ordinal)
    {
    }
}

/// <summary>One rung of the quantifier ladder: at least <see cref="MinShare"/> of the section's comments and at least <see cref="MinCount"/> comments.</summary>
public sealed record QuantifierRung(string Phrase, double MinShare, int MinCount);

/// <summary>Why a comment was set aside. It is kept, counted and listed, never silently dropped.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NoiseReason>))]
public enum NoiseReason
{
    None = 0,
    /// <summary>No words, or only a few letters ("ok", "test", "...").</summary>
    Empty,
    /// <summary>Links, phone numbers or e-mail addresses: advertising and spam.</summary>
    Spam,
    /// <summary>Nothing but formulas that recur across the whole corpus (greetings, thanks).</summary>
    FormulaOnly,
    /// <summary>Recurring text filed all over the draft with no section of its own: off-topic questions, complaints, abuse.</summary>
    OffTopic,
}

/// <summary>Tunable settings. Defaults are what the benchmarks in bench/RESULTS.md were measured with.</summary>
public sealed record SynthesisOptions
{
    public static SynthesisOptions Default { get; } = new();

    /// <summary>Words as MISSION.md lists them, highest first. No official thresholds exist: these are settings, and counts are always shown.</summary>
    public IReadOnlyList<QuantifierRung> Ladder { get; init; } =
    [
        new("thống nhất cao", 0.90, 10),
        new("hầu hết ý kiến", 0.75, 10),
        new("đa số ý kiến", 0.50, 5),
        new("nhiều ý kiến", 0.20, 5),
        new("một số ý kiến", 0.05, 3),
        new("có ý kiến", 0.0, 2),
        new("ý kiến cá biệt", 0.0, 1),
    ];

    /// <summary>Estimated Jaccard similarity of word 3-shingles above which a comment resubmitted by the same unit and group is a duplicate.</summary>
    public double NearDuplicateSameSender { get; init; } = 0.5;

    /// <summary>The same for near-identical letters from different senders (a campaign).</summary>
    public double CampaignSimilarity { get; init; } = 0.7;

    /// <summary>Shortest letter (in syllables) and smallest number of senders for a campaign.</summary>
    public int CampaignMinWords { get; init; } = 30;

    public int CampaignMinSenders { get; init; } = 5;

    /// <summary>Similarity at which two campaigns are variants of one letter (one sentence changed) and merge.</summary>
    public double CampaignVariantSimilarity { get; init; } = 0.35;

    /// <summary>Campaign letters arrive in a burst: the middle half of a campaign's letters falls within this span.</summary>
    public TimeSpan CampaignMaxSpread { get; init; } = TimeSpan.FromDays(6);

    /// <summary>Cosine similarity at which two points share a wording.</summary>
    public double WordingSimilarity { get; init; } = 0.5;

    /// <summary>Similarity of the learned sentence embeddings at which two wordings express the same opinion; also the <c>pairs</c> decision.</summary>
    public double OpinionSimilarity { get; init; } = 0.45;

    /// <summary>Cosine of section profiles below which two wordings never join (they answer different parts of the draft).</summary>
    public double OpinionSectionSimilarity { get; init; } = 0.5;

    /// <summary>Weight of the similarity of who raised two wordings (social-group profile) in the decision to join them.</summary>
    public double WriterProfileWeight { get; init; } = 0.5;

    /// <summary>Profile cosine below which the profiles count as unrelated.</summary>
    public double WriterProfileFloor { get; init; } = 0.7;

    /// <summary>Wordings with fewer points than this are not opinions of their own unless nothing is near.</summary>
    public int OpinionMinSize { get; init; } = 5;

    /// <summary>A frequent wording that is the whole content of fewer than this share of its comments is an aside, not an opinion.</summary>
    public double AsideMaxAloneShare { get; init; } = 0.08;

    /// <summary>Share of all comments from which a group counts as an opinion many share, preferred as a comment's main point.</summary>
    public double SignificantShare { get; init; } = 0.0005;

    /// <summary>Opinions holding less than this share of all points after the merge are small: they join the most similar big opinion.</summary>
    public double SmallOpinionShare { get; init; } = 0.001;

    /// <summary>Average-linkage similarity from which a small opinion joins a big one.</summary>
    public double SmallOpinionSimilarity { get; init; } = 0.4;

    /// <summary>Similarity at which a rare wording joins the nearest opinion.</summary>
    public double RareWordingSimilarity { get; init; } = 0.03;

    /// <summary>A clause recurring in at least this share of comments (and at least <see cref="FormulaMinCount"/>) with no section of its own is a formula.</summary>
    public double FormulaMinShare { get; init; } = 0.0004;

    public int FormulaMinCount { get; init; } = 8;

    /// <summary>Largest share of a formula's occurrences that may fall on one section.</summary>
    public double FormulaMaxConcentration { get; init; } = 0.3;

    /// <summary>Groups whose comments are filed all over the draft (no section takes this share) are off-topic.</summary>
    public double OffTopicMaxConcentration { get; init; } = 0.3;

    /// <summary>Share of a group's comments filed against the whole document from which it is a general opinion, not off-topic.</summary>
    public double WholeDocumentMinShare { get; init; } = 0.6;

    /// <summary>How many representative wordings and key phrases a group summary carries.</summary>
    public int KeyPhrases { get; init; } = 5;

    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}

/// <summary>Per comment: where it went. One row of predictions.csv.</summary>
public sealed record CommentAssignment(
    string Id,
    string? GroupId,
    string? DuplicateGroup,
    NoiseReason Noise,
    IReadOnlyList<string> PointGroups);

/// <summary>Counts behind a sentence of the report.</summary>
public sealed record GroupCounts
{
    /// <summary>Comments carrying the opinion (each resubmission and each campaign letter counts).</summary>
    public int Comments { get; init; }

    /// <summary>Comments once duplicates and campaign letters are each counted as one.</summary>
    public int Distinct { get; init; }

    public int Units { get; init; }

    public int Campaigns { get; init; }

    public int CampaignLetters { get; init; }

    public CountMap ByChannel { get; init; } = [];

    public CountMap BySocialGroup { get; init; } = [];

    public CountMap ByStance { get; init; } = [];
}

/// <summary>One opinion: comments that ask for the same thing.</summary>
public sealed record OpinionGroup
{
    public required string Id { get; init; }

    public required string SectionRef { get; init; }

    /// <summary>A real point taken from a comment, never invented text.</summary>
    public required string Representative { get; init; }

    /// <summary>Ids of the comments the representative wording was taken from (first few).</summary>
    public required IReadOnlyList<string> RepresentativeSources { get; init; }

    public required IReadOnlyList<string> KeyPhrases { get; init; }

    public required string Quantifier { get; init; }

    public required GroupCounts Counts { get; init; }

    /// <summary>Share of the section's (non-noise) comments.</summary>
    public double Share { get; init; }

    /// <summary>Comment ids (all members, for audit: every sentence traces back).</summary>
    public required IReadOnlyList<string> Members { get; init; }

    /// <summary>Unit-length vector in the synthesis' own embedding space, used to merge syntheses.</summary>
    public required float[] Centroid { get; init; }

    /// <summary>Weighted folded terms of the group (term → weight), used to merge syntheses made with different embeddings.</summary>
    public required TermMap Terms { get; init; }
}

public sealed record SectionSynthesis
{
    public required string SectionRef { get; init; }

    public string? Title { get; init; }

    public int Comments { get; init; }

    public required IReadOnlyList<OpinionGroup> Groups { get; init; }
}

public sealed record NoiseEntry(NoiseReason Reason, int Count, IReadOnlyList<string> Examples, IReadOnlyList<string> Members);

/// <summary>The auditable synthesis: sections in draft order, groups with counts and sources. Serialisable with System.Text.Json.</summary>
public sealed record SynthesisDocument
{
    public string EngineVersion { get; init; } = EngineInfo.Version;

    public int TotalComments { get; init; }

    public int NoiseComments { get; init; }

    public int DuplicateComments { get; init; }

    public int Campaigns { get; init; }

    public CountMap ByChannel { get; init; } = [];

    /// <summary>Syntheses merged into this one (unit codes or labels), for the roll-up trail.</summary>
    public List<string> Sources { get; init; } = [];

    public required IReadOnlyList<SectionSynthesis> Sections { get; init; }

    public required IReadOnlyList<NoiseEntry> Noise { get; init; }
}

/// <summary>Result of a run: the document and the per-comment assignments.</summary>
public sealed record SynthesisResult(SynthesisDocument Document, IReadOnlyList<CommentAssignment> Assignments, SynthesisTimings Timings);

public sealed record SynthesisTimings(IReadOnlyList<KeyValuePair<string, double>> StageMilliseconds);

/// <summary>Progress: a stage name and the fraction of the whole run done.</summary>
public readonly record struct SynthesisProgress(string Stage, double Fraction);
