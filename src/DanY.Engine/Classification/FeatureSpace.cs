using System.Runtime.CompilerServices;

namespace DanY.Engine.Classification;

/// <summary>
/// The vocabulary learnt from training texts: the feature keys kept (sorted, so word features come
/// before character features), their inverse document frequencies and an open-addressing table
/// from key to index. Immutable once built; safe to share between threads.
/// </summary>
internal sealed class FeatureSpace
{
    // The upper half of a key as its fingerprint (the slot comes from the lower half) beside its index:
    // 8 bytes a slot keeps the table small enough for the cache, which decides prediction speed. Two
    // kept keys with equal fingerprints in one probe run (odds about 1e-4 per model) share an index.
    private readonly Slot[] _slots;
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
        _slots = new Slot[capacity];
        _mask = capacity - 1;
        for (int i = 0; i < keys.Length; i++)
        {
            if (keys[i] == 0) throw new InvalidDataException("Feature key 0 is reserved.");
            uint fingerprint = Fingerprint(keys[i]);
            int s = SlotOf(keys[i]);
            while (_slots[s].Fingerprint != 0 && _slots[s].Fingerprint != fingerprint) s = (s + 1) & _mask;
            if (_slots[s].Fingerprint == 0) _slots[s] = new Slot(fingerprint, i);
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
    private int SlotOf(ulong key) => (int)key & _mask;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Fingerprint(ulong key)
    {
        uint f = (uint)(key >> 32);
        return f == 0 ? 1u : f;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexOf(ulong key)
    {
        uint fingerprint = Fingerprint(key);
        int s = SlotOf(key);
        while (true)
        {
            Slot slot = _slots[s];
            if (slot.Fingerprint == fingerprint) return slot.Index;
            if (slot.Fingerprint == 0) return -1;
            s = (s + 1) & _mask;
        }
    }

    private readonly record struct Slot(uint Fingerprint, int Index);

    /// <summary>
    /// TF-IDF vector of a document's keys (with repeats): indices ascending, each block L2-normalised.
    /// </summary>
    public void Vectorize(ReadOnlySpan<ulong> keys, SparseVectorBuffer output)
    {
        output.Clear();
        output.EnsureCapacity(keys.Length);
        int[] idx = output.Indices;
        float[] val = output.Values;
        // Term counts through a small open-addressing table (cache-resident) instead of a sort;
        // indices stay in order of first occurrence, the same for training and prediction.
        int[] table = output.PrepareTable(keys.Length, out int tableMask);
        int n = 0;
        foreach (ulong key in keys)
        {
            int j = IndexOf(key);
            if (j < 0) continue;
            int h = (int)((uint)j * 2654435769u >> 7) & tableMask;
            while (true)
            {
                int at = table[h];
                if (at < 0)
                {
                    table[h] = n;
                    idx[n] = j;
                    val[n] = 1;
                    n++;
                    break;
                }
                if (idx[at] == j)
                {
                    val[at]++;
                    break;
                }
                h = (h + 1) & tableMask;
            }
        }
        for (int k = 0; k < n; k++)
        {
            float tf = val[k];
            float w = Options.SublinearTf ? 1f + MathF.Log(tf) : tf;
            val[k] = w * Idf[idx[k]];
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

    private int[] _table = new int[2048];

    /// <summary>A table whose first mask + 1 slots are empty (−1), with room for <paramref name="items"/> at load ≤ 1/2.</summary>
    public int[] PrepareTable(int items, out int mask)
    {
        int size = 256;
        while (size < items * 2) size <<= 1;
        if (size > _table.Length) _table = new int[size];
        _table.AsSpan(0, size).Fill(-1);
        mask = size - 1;
        return _table;
    }

    public void EnsureCapacity(int size)
    {
        if (Indices.Length >= size) return;
        int n = Math.Max(size, Indices.Length * 2);
        Indices = new int[n];
        Values = new float[n];
    }
}
