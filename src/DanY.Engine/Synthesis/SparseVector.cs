namespace DanY.Engine.Synthesis;

/// <summary>Sorted sparse vector of feature keys and weights, unit length.</summary>
internal readonly struct SparseVector(ulong[] keys, float[] values)
{
    public ulong[] Keys { get; } = keys;

    public float[] Values { get; } = values;

    public int Length => Keys?.Length ?? 0;

    public static SparseVector From(Dictionary<ulong, float> features)
    {
        var keys = new ulong[features.Count];
        var values = new float[features.Count];
        int i = 0;
        double norm = 0;
        foreach (var (k, v) in features)
        {
            keys[i] = k;
            values[i] = v;
            norm += (double)v * v;
            i++;
        }
        Array.Sort(keys, values);
        if (norm > 0)
        {
            float scale = (float)(1.0 / Math.Sqrt(norm));
            for (int j = 0; j < values.Length; j++) values[j] *= scale;
        }
        return new SparseVector(keys, values);
    }

    /// <summary>From distinct keys in insertion order (the norm is summed in that order); takes ownership of the arrays.</summary>
    public static SparseVector FromOrdered(ulong[] keys, float[] values)
    {
        double norm = 0;
        foreach (float v in values) norm += (double)v * v;
        Array.Sort(keys, values);
        if (norm > 0)
        {
            float scale = (float)(1.0 / Math.Sqrt(norm));
            for (int j = 0; j < values.Length; j++) values[j] *= scale;
        }
        return new SparseVector(keys, values);
    }

    public static float Dot(SparseVector a, SparseVector b)
    {
        var ak = a.Keys;
        var bk = b.Keys;
        if (ak is null || bk is null) return 0;
        var av = a.Values;
        var bv = b.Values;
        int i = 0, j = 0;
        float sum = 0;
        // Branch-light merge: both cursors advance on a match; the products are added in key order,
        // so the sum is the same bit for bit as any other key-ordered evaluation.
        while (i < ak.Length && j < bk.Length)
        {
            ulong x = ak[i], y = bk[j];
            if (x == y) sum += av[i] * bv[j];
            i += x <= y ? 1 : 0;
            j += y <= x ? 1 : 0;
        }
        return sum;
    }
}
