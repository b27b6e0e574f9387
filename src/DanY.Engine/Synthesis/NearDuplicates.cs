using System.Numerics;

namespace DanY.Engine.Synthesis;

/// <summary>
/// Near-duplicate candidates by one-permutation MinHash over word 3-shingles of the folded text,
/// banded LSH, then verified on the estimated Jaccard similarity.
/// </summary>
internal static class NearDuplicates
{
    public const int Bins = 64;
    private const int RowsPerBand = 4;
    private const int Bands = Bins / RowsPerBand;

    // 32-bit minima: half the memory of 64-bit ones at a million comments, and collisions of
    // unrelated minima (1 in 4 billion) do not move a Jaccard estimate over 64 bins.
    public static uint[] Signature(ReadOnlySpan<ulong> tokens)
    {
        Span<ulong> sig = stackalloc ulong[Bins];
        sig.Fill(ulong.MaxValue);
        if (tokens.Length == 0)
        {
            var none = new uint[Bins];
            Array.Fill(none, uint.MaxValue);
            return none;
        }
        int shingles = Math.Max(1, tokens.Length - 2);
        for (int i = 0; i < shingles; i++)
        {
            ulong h = tokens.Length < 3
                ? StableHash.Mix(tokens[i] ^ 0x1234567UL)
                : StableHash.Combine(StableHash.Combine(tokens[i], tokens[i + 1]), tokens[i + 2]);
            int bin = (int)(h >> 58);
            ulong v = h & 0x03FF_FFFF_FFFF_FFFFUL;
            if (v < sig[bin]) sig[bin] = v;
        }
        // Densify: an empty bin borrows from the next filled one, with a bin-specific twist.
        for (int b = 0; b < Bins; b++)
        {
            if (sig[b] != ulong.MaxValue) continue;
            for (int step = 1; step < Bins; step++)
            {
                ulong other = sig[(b + step) % Bins];
                if (other != ulong.MaxValue && other < (1UL << 58))
                {
                    sig[b] = StableHash.Mix(other + (ulong)step) >> 6;
                    break;
                }
            }
        }
        var result = new uint[Bins];
        for (int b = 0; b < Bins; b++) result[b] = (uint)(sig[b] >> 26);
        return result;
    }

    public static double Similarity(uint[] a, uint[] b)
    {
        // Equal lanes, counted 8 (AVX2) or 4 at a time.
        var va = System.Runtime.InteropServices.MemoryMarshal.Cast<uint, Vector<uint>>(a.AsSpan(0, Bins));
        var vb = System.Runtime.InteropServices.MemoryMarshal.Cast<uint, Vector<uint>>(b.AsSpan(0, Bins));
        var acc = Vector<uint>.Zero;
        for (int i = 0; i < va.Length; i++) acc -= Vector.Equals(va[i], vb[i]);
        int same = (int)Vector.Sum(acc);
        for (int i = va.Length * Vector<uint>.Count; i < Bins; i++)
        {
            if (a[i] == b[i]) same++;
        }
        return same / (double)Bins;
    }

    /// <summary>
    /// Calls <paramref name="onCandidate"/>(earlier, later, similarity) for each verified pair. Bands are
    /// searched in parallel; a pair found in several bands is reported once per band, which callers that
    /// only join sets (union-find) do not notice, so results do not depend on thread timing.
    /// </summary>
    public static void FindPairs(IReadOnlyList<uint[]?> signatures, double minSimilarity, Action<int, int, double> onCandidate, ParallelOptions? parallel = null)
    {
        int docs = signatures.Count;
        var found = new List<(int, int, double)>[Bands];
        Parallel.For(0, Bands, parallel ?? new ParallelOptions(), band =>
        {
            // Each bucket keeps its first member (the anchor of a big campaign) and its latest one.
            var buckets = new Dictionary<ulong, (int First, int Last)>(Math.Min(docs, 1 << 20));
            var pairs = new List<(int, int, double)>();
            for (int doc = 0; doc < docs; doc++)
            {
                var sig = signatures[doc];
                if (sig is null) continue;
                ulong key = (ulong)band;
                for (int r = 0; r < RowsPerBand; r++) key = StableHash.Combine(key, sig[band * RowsPerBand + r]);
                ref var bucket = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(buckets, key, out bool exists);
                if (!exists)
                {
                    bucket = (doc, doc);
                    continue;
                }
                double s = Similarity(sig, signatures[bucket.First]!);
                if (s >= minSimilarity) pairs.Add((bucket.First, doc, s));
                if (bucket.Last != bucket.First)
                {
                    s = Similarity(sig, signatures[bucket.Last]!);
                    if (s >= minSimilarity) pairs.Add((bucket.Last, doc, s));
                }
                bucket.Last = doc;
            }
            found[band] = pairs;
        });
        var seen = new HashSet<(int, int)>();
        foreach (var pairs in found)
        {
            foreach (var (a, b, s) in pairs)
            {
                if (seen.Add((a, b))) onCandidate(a, b, s);
            }
        }
    }

    internal static int PopCount(ulong x) => BitOperations.PopCount(x);
}
