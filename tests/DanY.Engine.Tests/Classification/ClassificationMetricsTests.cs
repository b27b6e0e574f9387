using DanY.Engine.Classification;

namespace DanY.Engine.Tests.Classification;

public sealed class ClassificationMetricsTests
{
    [Fact]
    public void Macro_and_weighted_F1_match_a_hand_computation()
    {
        // a: tp 2, fp 1, fn 1 → P 2/3, R 2/3, F1 2/3 (support 3)
        // b: tp 1, fp 1, fn 1 → P 1/2, R 1/2, F1 1/2 (support 2)
        // c: tp 0, fp 0, fn 0 predicted... c appears only in predictions once: P 0, R 0 (support 0)
        string[] truth = ["a", "a", "a", "b", "b"];
        string[] predicted = ["a", "a", "b", "a", "b"];
        var m = ClassificationMetrics.Compute(truth, predicted);
        Assert.Equal(0.6, m.Accuracy, 12);
        Assert.Equal((2.0 / 3 + 0.5) / 2, m.MacroF1, 12);
        Assert.Equal((2.0 / 3 * 3 + 0.5 * 2) / 5, m.WeightedF1, 12);
        Assert.Equal(3, m.PerLabel.Single(l => l.Label == "a").Support);
    }

    [Fact]
    public void A_label_only_predicted_counts_in_the_macro_average()
    {
        var m = ClassificationMetrics.Compute(["a", "a"], ["a", "c"]);
        // a: P 1, R 1/2, F1 2/3; c: F1 0 → macro 1/3.
        Assert.Equal(1.0 / 3, m.MacroF1, 12);
    }
}
