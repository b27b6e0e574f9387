namespace DanY.Engine.Classification;

/// <summary>What training measured, kept with the model so that staff can see how far to trust it.</summary>
public sealed record ClassifierTrainingInfo
{
    public int TrainingExamples { get; init; }

    /// <summary>Examples of each label, in the order of <see cref="TextClassifier.Labels"/>.</summary>
    public IReadOnlyList<int> LabelCounts { get; init; } = [];

    /// <summary>
    /// Examples whose predictions were measured on a model that had not seen them (a held-back slice,
    /// or every example under cross-validation); 0 when there were too few to hold any back.
    /// </summary>
    public int HeldOutExamples { get; init; }

    public double HeldOutAccuracy { get; init; }

    public double HeldOutMacroF1 { get; init; }

    public double HeldOutWeightedF1 { get; init; }

    /// <summary>Held-out recall of each label (share of its examples labelled right), in label order.</summary>
    public IReadOnlyList<double> HeldOutRecall { get; init; } = [];

    /// <summary>Held-out precision of each label (share of its predictions that were right), in label order.</summary>
    public IReadOnlyList<double> HeldOutPrecision { get; init; } = [];

    /// <summary>Inverse temperature of the final softmax (already folded into the weights).</summary>
    public double InverseTemperature { get; init; } = 1;

    /// <summary>Which ensemble was kept: 0 for the options' Members, i for AlternativeMembers[i − 1].</summary>
    public int SelectedCandidate { get; init; }

    /// <summary>Mean −log p(true label) on the held-out examples, after calibration.</summary>
    public double HeldOutLogLoss { get; init; }
}

/// <summary>Trains a <see cref="TextClassifier"/> from labelled texts.</summary>
public static class TextClassifierTrainer
{
    /// <summary>
    /// Learns to label texts. Labels are free strings (at least two distinct ones). Deterministic for
    /// the options (seed included), whatever the number of cores.
    /// </summary>
    public static TextClassifier Train(IReadOnlyList<string> texts, IReadOnlyList<string> labels, TextClassifierOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(labels);
        options ??= TextClassifierOptions.Default;
        options.Validate();
        if (texts.Count != labels.Count) throw new ArgumentException("texts and labels differ in length");
        for (int i = 0; i < texts.Count; i++)
        {
            if (texts[i] is null) throw new ArgumentException($"Text {i} is null.", nameof(texts));
            if (string.IsNullOrEmpty(labels[i])) throw new ArgumentException($"Label {i} is empty.", nameof(labels));
        }
        var labelNames = labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (labelNames.Length < 2) throw new ArgumentException("At least two distinct labels are needed.", nameof(labels));
        var labelIndex = labelNames.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        int k = labelNames.Length;
        var y = labels.Select(l => labelIndex[l]).ToArray();
        var labelCounts = new int[k];
        foreach (int c in y) labelCounts[c]++;

        var space = FeatureSpace.Build(options.Features, texts);
        cancellationToken.ThrowIfCancellationRequested();
        var x = SparseMatrix.Build(space, texts);
        cancellationToken.ThrowIfCancellationRequested();

        // Out-of-sample scores for calibration, for choosing between candidate ensembles and for the
        // accuracy staff see.
        var folds = MakeFolds(y, k, options);
        var candidates = new List<IReadOnlyList<EnsembleMember>> { options.Members };
        if (folds.Sum(f => f.Test.Length) > 0) candidates.AddRange(options.AlternativeMembers);
        var allMembers = candidates.SelectMany(c => c).ToArray();
        var heldOutRows = folds.SelectMany(f => f.Test).ToArray();
        var heldOutY = heldOutRows.Select(r => y[r]).ToArray();
        var memberScores = new double[allMembers.Length][];
        for (int m = 0; m < allMembers.Length; m++) memberScores[m] = new double[heldOutRows.Length * k];
        int written = 0;
        foreach (var (train, test) in folds)
        {
            var xTrain = x.SelectRows(train);
            var xTest = x.SelectRows(test);
            var yTrain = train.Select(r => y[r]).ToArray();
            for (int m = 0; m < allMembers.Length; m++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var scorer = Fit(allMembers[m], space, xTrain, yTrain, k, options);
                scorer.ScoreRows(xTest).CopyTo(memberScores[m], written * k);
            }
            written += test.Length;
        }

        // Each member is scaled to its own calibrated temperature, the scaled sum calibrated once more;
        // the candidate with the lowest held-out log-loss (a smoother judge than accuracy) wins.
        int selected = 0, offset = 0, selectedOffset = 0;
        double bestLoss = double.PositiveInfinity, beta = 1;
        double[] memberBeta = [], combined = [];
        for (int c = 0; c < candidates.Count; c++)
        {
            int count = candidates[c].Count;
            var betas = new double[count];
            var sum = new double[heldOutRows.Length * k];
            for (int m = 0; m < count; m++)
            {
                var scores = memberScores[offset + m];
                betas[m] = heldOutRows.Length > 0 ? Calibration.FitInverseTemperature(scores, heldOutY, k) : 1;
                for (int j = 0; j < sum.Length; j++) sum[j] += betas[m] * scores[j] / count;
            }
            double b = heldOutRows.Length > 0 ? Calibration.FitInverseTemperature(sum, heldOutY, k) : 1;
            double loss = Calibration.NegativeLogLikelihood(sum, heldOutY, k, b);
            if (loss < bestLoss)
            {
                bestLoss = loss;
                selected = c;
                selectedOffset = offset;
                beta = b;
                memberBeta = betas;
                combined = sum;
            }
            offset += count;
        }
        var members = candidates[selected];
        var heldOutPredicted = new int[heldOutRows.Length];
        for (int i = 0; i < heldOutRows.Length; i++) heldOutPredicted[i] = ArgMax(combined.AsSpan(i * k, k));
        var heldOut = ClassificationMetrics.Compute(labelNames, heldOutY, heldOutPredicted);

        var finalScorers = new LinearScorer[members.Count];
        bool refit = options.RefitOnAllData || folds.Count != 1;
        var fitRows = refit ? Enumerable.Range(0, y.Length).ToArray() : folds[0].Train;
        var xFit = refit ? x : x.SelectRows(fitRows);
        var yFit = fitRows.Select(r => y[r]).ToArray();
        for (int m = 0; m < members.Count; m++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            finalScorers[m] = Fit(members[m], space, xFit, yFit, k, options);
        }

        var weights = new float[space.Count * k];
        var bias = new float[k];
        for (int m = 0; m < members.Count; m++)
        {
            float scale = (float)(beta * memberBeta[m] / members.Count);
            var w = finalScorers[m].Weights;
            for (int j = 0; j < weights.Length; j++) weights[j] += scale * w[j];
            for (int c = 0; c < k; c++) bias[c] += scale * finalScorers[m].Bias[c];
        }
        var info = new ClassifierTrainingInfo
        {
            TrainingExamples = y.Length,
            LabelCounts = labelCounts,
            HeldOutExamples = heldOutRows.Length,
            HeldOutAccuracy = heldOut.Accuracy,
            HeldOutMacroF1 = heldOut.MacroF1,
            HeldOutWeightedF1 = heldOut.WeightedF1,
            HeldOutRecall = heldOut.PerLabel.Select(l => l.Recall).ToArray(),
            HeldOutPrecision = heldOut.PerLabel.Select(l => l.Precision).ToArray(),
            InverseTemperature = beta,
            SelectedCandidate = selected,
            HeldOutLogLoss = heldOutRows.Length > 0 ? bestLoss : 0,
        };
        return new TextClassifier(space, labelNames, new LinearScorer(k, weights, bias), info);
    }

    private static LinearScorer Fit(EnsembleMember member, FeatureSpace space, SparseMatrix x, int[] y, int k, TextClassifierOptions options)
    {
        int from = (member.Blocks & FeatureBlocks.Words) != 0 ? 0 : space.FirstCharFeature;
        int to = (member.Blocks & FeatureBlocks.Characters) != 0 ? space.Count : space.FirstCharFeature;
        var xm = x.KeepColumns(from, to);
        float charScale = member.CharScale;
        if (charScale != 1f) xm = xm.ScaleColumnsFrom(space.FirstCharFeature, charScale);
        var sampleWeight = SampleWeights(y, k, options.ClassWeighting);
        var scorer = member.Loss switch
        {
            ClassifierLoss.Logistic => LinearSolvers.MultinomialLogistic(xm, y, k, sampleWeight, member.C),
            _ => LinearSolvers.SquaredHingeOneVsRest(xm, y, k, sampleWeight, member.C, member.NaiveBayes, options.Seed),
        };
        if (charScale != 1f)
        {
            // Scaling inputs by s is the same as scaling their weights by s: fold it in.
            var w = scorer.Weights;
            for (int j = space.FirstCharFeature * k; j < w.Length; j++) w[j] *= charScale;
        }
        return scorer;
    }

    private static double[] SampleWeights(int[] y, int k, ClassWeighting weighting)
    {
        var count = new int[k];
        foreach (int c in y) count[c]++;
        var classWeight = new double[k];
        for (int c = 0; c < k; c++)
        {
            double balanced = count[c] == 0 ? 1 : (double)y.Length / (k * count[c]);
            classWeight[c] = weighting switch
            {
                ClassWeighting.Balanced => balanced,
                ClassWeighting.SquareRootBalanced => Math.Sqrt(balanced),
                _ => 1,
            };
        }
        return y.Select(c => classWeight[c]).ToArray();
    }

    /// <summary>Stratified, seeded folds: one held-out slice, or 5-fold cross-validation for small sets.</summary>
    private static List<(int[] Train, int[] Test)> MakeFolds(int[] y, int k, TextClassifierOptions options)
    {
        var random = new Random(options.Seed);
        var byClass = new List<int>[k];
        for (int c = 0; c < k; c++) byClass[c] = [];
        for (int i = 0; i < y.Length; i++) byClass[y[i]].Add(i);
        foreach (var rows in byClass)
        {
            for (int i = rows.Count - 1; i > 0; i--)
            {
                int j = random.Next(i + 1);
                (rows[i], rows[j]) = (rows[j], rows[i]);
            }
        }
        var result = new List<(int[], int[])>();
        if (options.HeldOutFraction == 0) return [(Enumerable.Range(0, y.Length).ToArray(), [])];
        if (y.Length < options.CrossValidationBelow)
        {
            // Five folds while data is scarce; three once it is not, to save time.
            int folds = y.Length < 2000 ? 5 : 3;
            var foldOf = new int[y.Length];
            foreach (var rows in byClass)
            {
                for (int i = 0; i < rows.Count; i++) foldOf[rows[i]] = i % folds;
            }
            for (int f = 0; f < folds; f++)
            {
                var test = Enumerable.Range(0, y.Length).Where(i => foldOf[i] == f).ToArray();
                var train = Enumerable.Range(0, y.Length).Where(i => foldOf[i] != f).ToArray();
                // A fold whose training part lacks a label cannot score it: skip (tiny label sets).
                if (test.Length == 0 || train.Select(i => y[i]).Distinct().Count() < 2) continue;
                result.Add((train, test));
            }
            if (result.Count == 0) result.Add((Enumerable.Range(0, y.Length).ToArray(), []));
            return result;
        }
        var held = new List<int>();
        foreach (var rows in byClass)
        {
            int take = rows.Count < 2 ? 0 : Math.Min(rows.Count - 1, (int)Math.Round(rows.Count * options.HeldOutFraction));
            held.AddRange(rows.Take(take));
        }
        held.Sort();
        var heldSet = new HashSet<int>(held);
        var fit = Enumerable.Range(0, y.Length).Where(i => !heldSet.Contains(i)).ToArray();
        result.Add((fit, held.ToArray()));
        return result;
    }

    internal static int ArgMax(ReadOnlySpan<double> scores)
    {
        int best = 0;
        for (int c = 1; c < scores.Length; c++)
        {
            if (scores[c] > scores[best]) best = c;
        }
        return best;
    }
}
