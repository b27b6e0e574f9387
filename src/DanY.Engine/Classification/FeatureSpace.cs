using System.Runtime.CompilerServices;

namespace DanY.Engine.Classification;

/// <summary>
/// The vocabulary learnt from training texts: the feature keys kept (sorted, so word features come
/// before character features), their inverse document frequencies and an open-addressing table
/// from key to index. Immutable once built; safe to share between threads.
/// </summary>
internal sealed class FeatureSpace
{
    private readonly ulong[] _slots;
    private readonly int[] _slotIndex;
    private readonly int _mask;

    public FeatureSpace(FeatureOptions options, ulong[] keys, float[] idf)
    {
        if (keys.Length != idf.Length) throw new ArgumentException("keys and idf differ in length");
        for (int i = 1; i < keys.Length; i++)
        {
            if (keys[i] <= keys[i - 1]) throw new InvalidDataException("Feature keys are not strictly increasing.");
        }
        Options = options;
        Keys = keys;
        Idf = idf;
        int capacity = 16;
        while (capacity < keys.Length * 2) capacity <<= 1;
        _slots = new ulong[capacity];
        _slotIndex = new int[capacity];
        _mask = capacity - 1;
        for (int i = 0; i < keys.Length; i++)
        {
            if (keys[i] == 0) throw new InvalidDataException("Feature key 0 is reserved.");
            int s = Slot(keys[i]);
            while (_slots[s] != 0) s = (s + 1) & _mask;
            _slots[s] = keys[i];
            _slotIndex[s] = i;
        }
        FirstCharFeature = Array.FindIndex(keys, k => (k & TextFeaturizer.CharBlockBit) != 0);
        if (FirstCharFeature < 0) FirstCharFeature = keys.Length;
    }

    public FeatureOptions Options { get; }

    public ulong[] Keys { get; }

    public float[] Idf { get; }

    public int Count => Keys.Length;

    /// <summary>Index of the first character-block feature (Count when there is none).</summary>
    public int FirstCharFeature { get; }

    /// <summary>Builds the vocabulary from the training texts (features in at least MinDocumentFrequency of them).</summary>
    public static FeatureSpace Build(FeatureOptions options, IReadOnlyList<string> texts)
    {
        var perDoc = new ulong[texts.Count][];
        Parallel.For(0, texts.Count, () => (new TextFeaturizer(options), new KeyBuffer()), (i, _, local) =>
        {
            local.Item1.Extract(texts[i], local.Item2);
            Span<ulong> keys = local.Item2.Span;
            keys.Sort();
            int unique = 0;
            for (int k = 0; k < keys.Length; k++)
            {
                if (unique == 0 || keys[k] != keys[unique - 1]) keys[unique++] = keys[k];
            }
            perDoc[i] = keys[..unique].ToArray();
            return local;
        }, _ => { });

        var df = new Dictionary<ulong, int>();
        foreach (ulong[] doc in perDoc)
        {
            foreach (ulong key in doc)
            {
                ref int count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(df, key, out _);
                count++;
            }
        }
        var kept = new List<ulong>(df.Count);
        foreach (var (key, count) in df)
        {
            if (count >= options.MinDocumentFrequency) kept.Add(key);
        }
        kept.Sort();
        var keysArray = kept.ToArray();
        var idf = new float[keysArray.Length];
        double n = texts.Count;
        for (int i = 0; i < keysArray.Length; i++)
        {
            // Smoothed idf, as if one extra document held every feature.
            idf[i] = (float)(Math.Log((1 + n) / (1 + df[keysArray[i]])) + 1);
        }
        return new FeatureSpace(options, keysArray, idf);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(ulong key) => (int)(key ^ (key >> 29)) & _mask;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexOf(ulong key)
    {
        int s = Slot(key);
        while (true)
        {
            ulong k = _slots[s];
            if (k == key) return _slotIndex[s];
            if (k == 0) return -1;
            s = (s + 1) & _mask;
        }
    }

    /// <summary>
    /// TF-IDF vector of a document's keys (with repeats): indices ascending, each block L2-normalised.
    /// </summary>
    public void Vectorize(ReadOnlySpan<ulong> keys, SparseVectorBuffer output)
    {
        output.Clear();
        output.EnsureCapacity(keys.Length);
        int[] idx = output.Indices;
        int m = 0;
        foreach (ulong key in keys)
        {
            int i = IndexOf(key);
            if (i >= 0) idx[m++] = i;
        }
        if (m == 0) return;
        idx.AsSpan(0, m).Sort();
        float[] val = output.Values;
        int n = 0;
        for (int k = 0; k < m;)
        {
            int j = idx[k];
            int tf = 1;
            k++;
            while (k < m && idx[k] == j) { tf++; k++; }
            float w = Options.SublinearTf ? 1f + MathF.Log(tf) : tf;
            idx[n] = j;
            val[n] = w * Idf[j];
            n++;
        }
        output.Count = n;
        double wordNorm = 0, charNorm = 0;
        int firstChar = FirstCharFeature;
        for (int k = 0; k < n; k++)
        {
            double v = val[k];
            if (idx[k] < firstChar) wordNorm += v * v; else charNorm += v * v;
        }
        float wordScale = wordNorm > 0 ? (float)(1 / Math.Sqrt(wordNorm)) : 0f;
        float charScale = charNorm > 0 ? (float)(Options.CharBlockWeight / Math.Sqrt(charNorm)) : 0f;
        for (int k = 0; k < n; k++) val[k] *= idx[k] < firstChar ? wordScale : charScale;
    }
}

/// <summary>Scratch space for one sparse vector.</summary>
internal sealed class SparseVectorBuffer
{
    public int[] Indices { get; private set; } = new int[1024];

    public float[] Values { get; private set; } = new float[1024];

    public int Count { get; set; }

    public void Clear() => Count = 0;

    public void EnsureCapacity(int size)
    {
        if (Indices.Length >= size) return;
        int n = Math.Max(size, Indices.Length * 2);
        Indices = new int[n];
        Values = new float[n];
    }
}
