using System.Runtime.InteropServices;
using System.Text;

namespace DanY.Engine.Classification;

/// <summary>A predicted label and how sure the model is (calibrated probability, 0..1).</summary>
public readonly record struct ClassPrediction(string Label, int LabelIndex, double Confidence);

/// <summary>
/// A trained text classifier: hashed Vietnamese features, one linear scorer, a calibrated softmax.
/// Immutable; prediction is thread-safe.
/// </summary>
public sealed class TextClassifier
{
    /// <summary>Version of the binary format written by <see cref="Save"/>.</summary>
    public const int FormatVersion = 1;

    private static readonly byte[] Magic = "DANY-TXC"u8.ToArray();
    private const int MaxLabels = 10_000;
    private const int MaxFeatures = 50_000_000;

    [ThreadStatic] private static Scratch? t_scratch;

    private readonly FeatureSpace _space;
    private readonly LinearScorer _scorer;
    private readonly string[] _labels;

    internal TextClassifier(FeatureSpace space, string[] labels, LinearScorer scorer, ClassifierTrainingInfo info)
    {
        _space = space;
        _labels = labels;
        _scorer = scorer;
        Info = info;
    }

    /// <summary>Labels in a fixed (ordinal) order; probabilities follow it.</summary>
    public IReadOnlyList<string> Labels => _labels;

    public ClassifierTrainingInfo Info { get; }

    public FeatureOptions Features => _space.Options;

    /// <summary>Number of features the model kept.</summary>
    public int FeatureCount => _space.Count;

    public ClassPrediction Predict(string text)
    {
        Span<double> probabilities = _labels.Length <= 64 ? stackalloc double[_labels.Length] : new double[_labels.Length];
        PredictProbabilities(text, probabilities);
        int best = TextClassifierTrainer.ArgMax(probabilities);
        return new ClassPrediction(_labels[best], best, probabilities[best]);
    }

    /// <summary>Writes the probability of each label (in <see cref="Labels"/> order).</summary>
    public void PredictProbabilities(string text, Span<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (probabilities.Length != _labels.Length) throw new ArgumentException("One slot per label is needed.", nameof(probabilities));
        var scratch = t_scratch;
        if (scratch is null || !ReferenceEquals(scratch.Options, _space.Options))
        {
            scratch = new Scratch(_space.Options);
            t_scratch = scratch;
        }
        scratch.Featurizer.Extract(text, scratch.Keys);
        _space.Vectorize(scratch.Keys.Span, scratch.Vector);
        Span<double> scores = probabilities;
        _scorer.Score(scratch.Vector.Indices.AsSpan(0, scratch.Vector.Count), scratch.Vector.Values.AsSpan(0, scratch.Vector.Count), scores);
        Calibration.Softmax(scores, probabilities);
    }

    /// <summary>Predicts many texts on all cores; the result is in input order and does not depend on the cores.</summary>
    public ClassPrediction[] PredictMany(IReadOnlyList<string> texts, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new ClassPrediction[texts.Count];
        int done = 0;
        const int block = 1024;
        int blocks = (texts.Count + block - 1) / block;
        Parallel.For(0, blocks, new ParallelOptions { CancellationToken = cancellationToken }, b =>
        {
            int end = Math.Min(texts.Count, (b + 1) * block);
            for (int i = b * block; i < end; i++) result[i] = Predict(texts[i]);
            int now = Interlocked.Add(ref done, end - b * block);
            progress?.Report(now);
        });
        return result;
    }

    /// <summary>Writes the model in the DanY binary format (version <see cref="FormatVersion"/>).</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        var o = _space.Options;
        w.Write(o.WordNgramMax);
        w.Write(o.FoldedWords);
        w.Write(o.CharNgramMin);
        w.Write(o.CharNgramMax);
        w.Write(o.CharOnFolded);
        w.Write(o.MinDocumentFrequency);
        w.Write(o.SublinearTf);
        w.Write(o.CharBlockWeight);
        w.Write(_labels.Length);
        foreach (string label in _labels) w.Write(label);
        w.Write(_space.Count);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Big-endian hosts are not supported.");
        w.Write(MemoryMarshal.AsBytes(_space.Keys.AsSpan()));
        w.Write(MemoryMarshal.AsBytes(_space.Idf.AsSpan()));
        w.Write(MemoryMarshal.AsBytes(_scorer.Weights.AsSpan()));
        w.Write(MemoryMarshal.AsBytes(_scorer.Bias.AsSpan()));
        w.Write(Info.TrainingExamples);
        foreach (int count in Info.LabelCounts) w.Write(count);
        w.Write(Info.HeldOutExamples);
        w.Write(Info.HeldOutAccuracy);
        w.Write(Info.HeldOutMacroF1);
        w.Write(Info.HeldOutWeightedF1);
        w.Write(Info.InverseTemperature);
        w.Write(Info.SelectedCandidate);
        w.Write(Info.HeldOutLogLoss);
        for (int c = 0; c < _labels.Length; c++) w.Write(c < Info.HeldOutRecall.Count ? Info.HeldOutRecall[c] : 0);
        for (int c = 0; c < _labels.Length; c++) w.Write(c < Info.HeldOutPrecision.Count ? Info.HeldOutPrecision[c] : 0);
        w.Write(Magic);
    }

    /// <summary>Reads a model written by <see cref="Save"/>; throws <see cref="InvalidDataException"/> on anything else.</summary>
    public static TextClassifier Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var r = new BinaryReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), leaveOpen: true);
            if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic)) throw new InvalidDataException("Not a DanY classifier model.");
            int version = r.ReadInt32();
            if (version != FormatVersion) throw new InvalidDataException($"Unsupported model format version {version} (expected {FormatVersion}).");
            var options = new FeatureOptions
            {
                WordNgramMax = r.ReadInt32(),
                FoldedWords = r.ReadBoolean(),
                CharNgramMin = r.ReadInt32(),
                CharNgramMax = r.ReadInt32(),
                CharOnFolded = r.ReadBoolean(),
                MinDocumentFrequency = r.ReadInt32(),
                SublinearTf = r.ReadBoolean(),
                CharBlockWeight = r.ReadSingle(),
            };
            options.Validate();
            int k = r.ReadInt32();
            if (k is < 2 or > MaxLabels) throw new InvalidDataException($"Bad label count {k}.");
            var labels = new string[k];
            for (int c = 0; c < k; c++) labels[c] = r.ReadString();
            int d = r.ReadInt32();
            if (d is < 0 or > MaxFeatures || (long)d * k > int.MaxValue) throw new InvalidDataException($"Bad feature count {d}.");
            if (stream.CanSeek && stream.Length - stream.Position < (long)d * (12 + 4L * k)) throw new InvalidDataException("Model file is truncated.");
            var keys = ReadArray<ulong>(r, d);
            var idf = ReadArray<float>(r, d);
            var weights = ReadArray<float>(r, d * k);
            var bias = ReadArray<float>(r, k);
            int trainingExamples = r.ReadInt32();
            var counts = ReadArray<int>(r, k);
            var info = new ClassifierTrainingInfo
            {
                TrainingExamples = trainingExamples,
                LabelCounts = counts,
                HeldOutExamples = r.ReadInt32(),
                HeldOutAccuracy = r.ReadDouble(),
                HeldOutMacroF1 = r.ReadDouble(),
                HeldOutWeightedF1 = r.ReadDouble(),
                InverseTemperature = r.ReadDouble(),
                SelectedCandidate = r.ReadInt32(),
                HeldOutLogLoss = r.ReadDouble(),
                HeldOutRecall = ReadArray<double>(r, k),
                HeldOutPrecision = ReadArray<double>(r, k),
            };
            if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic)) throw new InvalidDataException("Model file is truncated or corrupt.");
            if (weights.Any(float.IsNaN) || bias.Any(float.IsNaN)) throw new InvalidDataException("Model weights are corrupt.");
            return new TextClassifier(new FeatureSpace(options, keys, idf), labels, new LinearScorer(k, weights, bias), info);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("Model file is truncated.", e);
        }
        catch (ArgumentException e)
        {
            // Also invalid UTF-8 in a label (DecoderFallbackException).
            throw new InvalidDataException("Model file holds invalid settings or text.", e);
        }
    }

    private static T[] ReadArray<T>(BinaryReader r, int count) where T : unmanaged
    {
        var result = new T[count];
        var bytes = MemoryMarshal.AsBytes(result.AsSpan());
        int read = 0;
        while (read < bytes.Length)
        {
            int n = r.Read(bytes[read..]);
            if (n == 0) throw new EndOfStreamException();
            read += n;
        }
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Big-endian hosts are not supported.");
        return result;
    }

    private sealed class Scratch(FeatureOptions options)
    {
        public FeatureOptions Options { get; } = options;

        public TextFeaturizer Featurizer { get; } = new(options);

        public KeyBuffer Keys { get; } = new();

        public SparseVectorBuffer Vector { get; } = new();
    }
}
