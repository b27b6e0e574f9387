namespace DanY.Engine.Classification;

/// <summary>The loss a linear ensemble member minimises.</summary>
public enum ClassifierLoss
{
    /// <summary>One-vs-rest L2 squared-hinge SVMs (dual coordinate descent).</summary>
    SquaredHinge,

    /// <summary>Multinomial logistic regression (L-BFGS).</summary>
    Logistic,
}

/// <summary>Which feature blocks an ensemble member uses.</summary>
[Flags]
public enum FeatureBlocks
{
    /// <summary>Syllable n-grams and folded syllables.</summary>
    Words = 1,

    /// <summary>Character n-grams.</summary>
    Characters = 2,

    /// <summary>Both blocks.</summary>
    All = Words | Characters,
}

/// <summary>How much each class counts in the loss.</summary>
public enum ClassWeighting
{
    /// <summary>Every example counts once.</summary>
    None,

    /// <summary>Each class weighs as much as any other in total (n / (K·n_c)).</summary>
    Balanced,

    /// <summary>The square root of the balanced weight: a middle way for skewed label sets.</summary>
    SquareRootBalanced,
}

/// <summary>One linear model of the ensemble; the ensemble is their calibrated sum, itself linear.</summary>
public sealed record EnsembleMember
{
    public ClassifierLoss Loss { get; init; } = ClassifierLoss.SquaredHinge;

    /// <summary>Inverse regularisation strength.</summary>
    public double C { get; init; } = 0.5;

    /// <summary>Scale features by their naive-Bayes log-count ratios (NB-SVM); one-vs-rest losses only.</summary>
    public bool NaiveBayes { get; init; }

    public FeatureBlocks Blocks { get; init; } = FeatureBlocks.All;

    /// <summary>
    /// Scale of the character block for this member only (below 1, words matter more). Folded into the
    /// weights after training, so members with different scales still share one feature space.
    /// </summary>
    public float CharScale { get; init; } = 1f;
}

/// <summary>Everything that decides what a trained classifier is; training is deterministic given these.</summary>
public sealed record TextClassifierOptions
{
    public FeatureOptions Features { get; init; } = new();

    public IReadOnlyList<EnsembleMember> Members { get; init; } = DefaultMembers;

    /// <summary>
    /// Other ensembles to try; the one with the lowest calibrated log-loss on the held-out examples is
    /// kept (only the kept one is trained on all the data).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<EnsembleMember>> AlternativeMembers { get; init; } = DefaultAlternatives;

    public ClassWeighting ClassWeighting { get; init; } = ClassWeighting.SquareRootBalanced;

    public int Seed { get; init; } = 1;

    /// <summary>
    /// Share of each label held back to fit the confidence calibration and to measure accuracy. Below
    /// <see cref="CrossValidationBelow"/> examples, k-fold cross-validation is used instead.
    /// </summary>
    public double HeldOutFraction { get; init; } = 0.1;

    /// <summary>
    /// Training sets smaller than this are measured, calibrated and choose their ensemble by
    /// cross-validation (5 folds below 2,000 examples, else 3), which is steadier than one slice.
    /// </summary>
    public int CrossValidationBelow { get; init; } = 15_000;

    /// <summary>After calibration, train again on every example (the usual choice).</summary>
    public bool RefitOnAllData { get; init; } = true;

    private static readonly EnsembleMember[] DefaultMembers =
    [
        // Tuned on the dev splits of UIT-VSFC, UIT-ViCTSD and ViHSD: the pair beats either alone on
        // most tasks, and both train in seconds (logistic regression was no better and 5x slower).
        new() { Loss = ClassifierLoss.SquaredHinge, C = 0.2, Blocks = FeatureBlocks.All },
        new() { Loss = ClassifierLoss.SquaredHinge, C = 0.1, NaiveBayes = true, Blocks = FeatureBlocks.All },
    ];

    // Clean, short, edited text (UIT-VSFC) prefers weaker regularisation and more weight on words.
    private static readonly EnsembleMember[][] DefaultAlternatives =
    [
        [
            new() { Loss = ClassifierLoss.SquaredHinge, C = 0.5, CharScale = 0.5f },
            new() { Loss = ClassifierLoss.SquaredHinge, C = 0.2, NaiveBayes = true, CharScale = 0.5f },
        ],
    ];

    /// <summary>The tuned default (see bench/RESULTS.md, "Text classifiers").</summary>
    public static TextClassifierOptions Default { get; } = new();

    /// <summary>The plain reference: TF-IDF of syllable 1–2-grams and multinomial logistic regression.</summary>
    public static TextClassifierOptions Baseline { get; } = new()
    {
        Features = new FeatureOptions { WordNgramMax = 2, FoldedWords = false, CharNgramMax = 0, MinDocumentFrequency = 1 },
        Members = [new EnsembleMember { Loss = ClassifierLoss.Logistic, C = 10 }],
        AlternativeMembers = [],
        ClassWeighting = ClassWeighting.None,
    };

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Features);
        Features.Validate();
        if (Members is null || Members.Count == 0) throw new ArgumentException("At least one ensemble member is needed.");
        ArgumentNullException.ThrowIfNull(AlternativeMembers);
        if (AlternativeMembers.Any(a => a is null || a.Count == 0)) throw new ArgumentException("An alternative ensemble is empty.");
        foreach (var m in Members.Concat(AlternativeMembers.SelectMany(a => a)))
        {
            if (!(m.C > 0) || double.IsInfinity(m.C)) throw new ArgumentOutOfRangeException(nameof(Members), m.C, "C must be > 0");
            if (m.NaiveBayes && m.Loss != ClassifierLoss.SquaredHinge)
                throw new ArgumentException("Naive-Bayes scaling is for the one-vs-rest squared hinge.");
            if ((m.Blocks & FeatureBlocks.All) == 0) throw new ArgumentException("A member needs a feature block.");
            if (!(m.CharScale > 0) || float.IsInfinity(m.CharScale)) throw new ArgumentOutOfRangeException(nameof(Members), m.CharScale, "CharScale must be > 0");
        }
        if (HeldOutFraction is < 0 or >= 0.5) throw new ArgumentOutOfRangeException(nameof(HeldOutFraction), HeldOutFraction, "0..0.5");
    }
}
