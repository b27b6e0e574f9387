using DanY.Engine.Classification;
using DanY.Engine.Text;

namespace DanY.Engine.Tests.Classification;

public sealed class TextClassifierTests
{
    private static readonly string[] Shared =
        ["tôi", "thấy", "rằng", "việc", "này", "của", "chúng", "ta", "cần", "được", "xem", "xét", "trong", "dự", "thảo", "năm", "nay"];

    private static readonly Dictionary<string, string[]> Cues = new(StringComparer.Ordinal)
    {
        ["đất đai"] = ["bồi thường", "giải phóng", "mặt bằng", "sổ đỏ", "thu hồi", "tái định cư"],
        ["giáo dục"] = ["học phí", "giáo viên", "sách giáo khoa", "học sinh", "dạy thêm", "nhà trường"],
        ["y tế"] = ["bệnh viện", "bảo hiểm", "thuốc men", "bác sĩ", "khám chữa", "trạm xá"],
    };

    /// <summary>Synthetic comments: a few topic cue phrases among shared filler words; deterministic for a seed.</summary>
    private static (List<string> Texts, List<string> Labels) Synthetic(int perLabel, int seed, double labelNoise = 0)
    {
        var random = new Random(seed);
        var labels = Cues.Keys.Order(StringComparer.Ordinal).ToArray();
        var texts = new List<string>();
        var result = new List<string>();
        for (int i = 0; i < perLabel; i++)
        {
            foreach (string label in labels)
            {
                var words = new List<string>();
                for (int w = 0; w < 8; w++) words.Add(Shared[random.Next(Shared.Length)]);
                var cues = Cues[label];
                for (int c = 0; c < 2; c++) words.Insert(random.Next(words.Count + 1), cues[random.Next(cues.Length)]);
                texts.Add(string.Join(' ', words) + ".");
                result.Add(random.NextDouble() < labelNoise ? labels[random.Next(labels.Length)] : label);
            }
        }
        return (texts, result);
    }

    [Fact]
    public void Learns_a_separable_task()
    {
        var (texts, labels) = Synthetic(60, seed: 1);
        var model = Train(texts, labels);
        var (test, truth) = Synthetic(30, seed: 2);
        var predicted = test.Select(t => model.Predict(t).Label).ToArray();
        var metrics = ClassificationMetrics.Compute(truth, predicted);
        Assert.True(metrics.Accuracy >= 0.97, $"accuracy {metrics.Accuracy}");
        Assert.Equal(["giáo dục", "y tế", "đất đai"], model.Labels); // ordinal order: đ (U+0111) sorts after z
        Assert.True(model.Info.HeldOutExamples > 0);
        Assert.True(model.Info.HeldOutAccuracy >= 0.9, $"held-out accuracy {model.Info.HeldOutAccuracy}");
    }

    [Theory]
    [InlineData(ClassifierLoss.SquaredHinge, true)]
    [InlineData(ClassifierLoss.SquaredHinge, false)]
    [InlineData(ClassifierLoss.Logistic, false)]
    public void Each_member_kind_learns_alone(ClassifierLoss loss, bool naiveBayes)
    {
        var (texts, labels) = Synthetic(40, seed: 3);
        var options = TextClassifierOptions.Default with { Members = [new EnsembleMember { Loss = loss, NaiveBayes = naiveBayes, C = 1 }], AlternativeMembers = [] };
        var model = Train(texts, labels, options);
        var (test, truth) = Synthetic(20, seed: 4);
        int correct = test.Zip(truth).Count(p => model.Predict(p.First).Label == p.Second);
        Assert.True(correct >= test.Count * 0.95, $"{correct}/{test.Count}");
    }

    [Fact]
    public void Text_without_diacritics_is_understood_through_folded_features()
    {
        var (texts, labels) = Synthetic(60, seed: 5);
        var model = Train(texts, labels);
        Assert.Equal("giáo dục", model.Predict(VietnameseText.Fold("Tôi thấy học phí và dạy thêm cần xem xét.")).Label);
        Assert.Equal("y tế", model.Predict("toi thay benh vien va bac si can duoc xem xet").Label);
    }

    [Fact]
    public void Training_is_deterministic_for_a_seed()
    {
        var (texts, labels) = Synthetic(40, seed: 6, labelNoise: 0.2);
        byte[] a = Bytes(Train(texts, labels, TextClassifierOptions.Default with { Seed = 7 }));
        byte[] b = Bytes(Train(texts, labels, TextClassifierOptions.Default with { Seed = 7 }));
        Assert.Equal(a, b);
        byte[] c = Bytes(Train(texts, labels, TextClassifierOptions.Default with { Seed = 8 }));
        Assert.NotEqual(a, c); // the seed reaches the folds and the solver order
    }

    [Fact]
    public void Save_and_load_give_identical_predictions()
    {
        var (texts, labels) = Synthetic(40, seed: 9, labelNoise: 0.1);
        var model = Train(texts, labels);
        var loaded = TextClassifier.Load(new MemoryStream(Bytes(model)));
        Assert.Equal(model.Labels, loaded.Labels);
        Assert.Equal(model.Info.HeldOutAccuracy, loaded.Info.HeldOutAccuracy);
        Assert.Equal(model.Info.LabelCounts, loaded.Info.LabelCounts);
        Assert.Equal(model.Info.HeldOutRecall, loaded.Info.HeldOutRecall);
        Assert.Equal(3, loaded.Info.HeldOutPrecision.Count);
        var (test, _) = Synthetic(10, seed: 10);
        test.Add("");
        test.Add("!!! 😂😂 ...");
        foreach (string t in test)
        {
            var p = new double[3];
            var q = new double[3];
            model.PredictProbabilities(t, p);
            loaded.PredictProbabilities(t, q);
            Assert.Equal(p, q);
            Assert.Equal(1.0, p.Sum(), 9);
        }
        Assert.Equal(Bytes(model), Bytes(loaded));
    }

    [Fact]
    public void Load_rejects_other_and_truncated_files()
    {
        Assert.Throws<InvalidDataException>(() => TextClassifier.Load(new MemoryStream("not a model at all, just text"u8.ToArray())));
        var (texts, labels) = Synthetic(20, seed: 11);
        byte[] bytes = Bytes(Train(texts, labels));
        Assert.Throws<InvalidDataException>(() => TextClassifier.Load(new MemoryStream(bytes[..(bytes.Length / 2)])));
        Assert.Throws<InvalidDataException>(() => TextClassifier.Load(new MemoryStream(bytes[..^3])));
        var wrongVersion = (byte[])bytes.Clone();
        wrongVersion[8] = 99;
        Assert.Throws<InvalidDataException>(() => TextClassifier.Load(new MemoryStream(wrongVersion)));
    }

    [Fact]
    public void Confidence_is_calibrated_on_a_noisy_task()
    {
        // A quarter of the labels are random: a calibrated model is about as sure as it is right.
        var (texts, labels) = Synthetic(300, seed: 12, labelNoise: 0.25);
        var model = Train(texts, labels);
        var (test, truth) = Synthetic(200, seed: 13, labelNoise: 0.25);
        var predictions = model.PredictMany(test, cancellationToken: TestContext.Current.CancellationToken);
        double accuracy = predictions.Zip(truth).Count(p => p.First.Label == p.Second) / (double)test.Count;
        double meanConfidence = predictions.Average(p => p.Confidence);
        Assert.InRange(meanConfidence - accuracy, -0.08, 0.08);
        Assert.All(predictions, p => Assert.InRange(p.Confidence, 1.0 / 3, 1.0));
    }

    [Fact]
    public void The_kept_candidate_is_exactly_what_training_it_alone_gives()
    {
        var (texts, labels) = Synthetic(40, seed: 17, labelNoise: 0.3);
        var options = TextClassifierOptions.Default;
        var chosen = Train(texts, labels, options);
        var all = new[] { options.Members }.Concat(options.AlternativeMembers).ToArray();
        Assert.InRange(chosen.Info.SelectedCandidate, 0, all.Length - 1);
        var alone = Train(texts, labels, options with { Members = all[chosen.Info.SelectedCandidate], AlternativeMembers = [] });
        Assert.Equal(chosen.Info.HeldOutLogLoss, alone.Info.HeldOutLogLoss);
        var (test, _) = Synthetic(10, seed: 18);
        foreach (string t in test)
        {
            var p = new double[3];
            var q = new double[3];
            chosen.PredictProbabilities(t, p);
            alone.PredictProbabilities(t, q);
            Assert.Equal(p, q);
        }
        // And no other candidate had a lower held-out log-loss.
        foreach (var candidate in all)
        {
            var other = Train(texts, labels, options with { Members = candidate, AlternativeMembers = [] });
            Assert.True(other.Info.HeldOutLogLoss >= chosen.Info.HeldOutLogLoss);
        }
    }

    [Fact]
    public void Small_label_sets_are_measured_by_cross_validation()
    {
        var (texts, labels) = Synthetic(8, seed: 14);
        var model = Train(texts, labels);
        Assert.Equal(texts.Count, model.Info.HeldOutExamples);
        Assert.Equal([8, 8, 8], model.Info.LabelCounts);
    }

    [Fact]
    public void Training_needs_two_labels_and_matching_lengths()
    {
        Assert.Throws<ArgumentException>(() => Train(["a", "b"], ["x", "x"]));
        Assert.Throws<ArgumentException>(() => Train(["a", "b"], ["x"]));
        Assert.Throws<ArgumentException>(() => Train(["a", "b"], ["x", ""]));
    }

    [Fact]
    public void Prediction_is_the_same_on_many_threads()
    {
        var (texts, labels) = Synthetic(40, seed: 15, labelNoise: 0.2);
        var model = Train(texts, labels);
        var (test, _) = Synthetic(500, seed: 16);
        var sequential = test.Select(model.Predict).ToArray();
        Assert.Equal(sequential, model.PredictMany(test, cancellationToken: TestContext.Current.CancellationToken));
    }

    private static TextClassifier Train(IReadOnlyList<string> texts, IReadOnlyList<string> labels, TextClassifierOptions? options = null) =>
        TextClassifierTrainer.Train(texts, labels, options, TestContext.Current.CancellationToken);

    private static byte[] Bytes(TextClassifier model)
    {
        var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }
}
