namespace DanY.Engine.Classification;

/// <summary>Precision, recall and F1 of one label.</summary>
public sealed record LabelScore(string Label, double Precision, double Recall, double F1, int Support);

/// <summary>Agreement between true and predicted labels.</summary>
public sealed record ClassificationMetrics(int Count, double Accuracy, double MacroF1, double WeightedF1, IReadOnlyList<LabelScore> PerLabel)
{
    /// <summary>Scores predictions given as label indices into <paramref name="labels"/>.</summary>
    public static ClassificationMetrics Compute(IReadOnlyList<string> labels, ReadOnlySpan<int> truth, ReadOnlySpan<int> predicted)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (truth.Length != predicted.Length) throw new ArgumentException("truth and predicted differ in length");
        int k = labels.Count;
        var tp = new int[k];
        var predictedCount = new int[k];
        var support = new int[k];
        int correct = 0;
        for (int i = 0; i < truth.Length; i++)
        {
            support[truth[i]]++;
            predictedCount[predicted[i]]++;
            if (truth[i] == predicted[i]) { tp[truth[i]]++; correct++; }
        }
        var perLabel = new LabelScore[k];
        double macro = 0, weighted = 0;
        int present = 0;
        for (int c = 0; c < k; c++)
        {
            double precision = predictedCount[c] == 0 ? 0 : (double)tp[c] / predictedCount[c];
            double recall = support[c] == 0 ? 0 : (double)tp[c] / support[c];
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perLabel[c] = new LabelScore(labels[c], precision, recall, f1, support[c]);
            // Labels absent from both truth and predictions do not count toward the macro average.
            if (support[c] > 0 || predictedCount[c] > 0) { macro += f1; present++; }
            weighted += f1 * support[c];
        }
        int n = truth.Length;
        return new ClassificationMetrics(n, n == 0 ? 0 : (double)correct / n, present == 0 ? 0 : macro / present,
            n == 0 ? 0 : weighted / n, perLabel);
    }

    /// <summary>Scores predictions given as label strings; labels are collected from both sides.</summary>
    public static ClassificationMetrics Compute(IReadOnlyList<string> truth, IReadOnlyList<string> predicted)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        var labels = truth.Concat(predicted).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        return Compute(labels, truth.Select(t => index[t]).ToArray(), predicted.Select(p => index[p]).ToArray());
    }
}
