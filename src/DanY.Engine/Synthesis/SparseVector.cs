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

    public static float Dot(SparseVector a, SparseVector b)
    {
        int i = 0, j = 0;
        float sum = 0;
        var ak = a.Keys;
        var bk = b.Keys;
        if (ak is null || bk is null) return 0;
        while (i < ak.Length && j < bk.Length)
        {
            ulong x = ak[i], y = bk[j];
            if (x == y)
            {
                sum += a.Values[i] * b.Values[j];
                i++;
                j++;
            }
            else if (x < y) i++;
            else j++;
        }
        return sum;
    }
}
