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
        var wide = new ulong[Bins];
        Array.Fill(wide, ulong.MaxValue);
        var sig = wide;
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
        int same = 0;
        for (int i = 0; i < Bins; i++)
        {
            if (a[i] == b[i]) same++;
        }
        return same / (double)Bins;
    }

    /// <summary>Calls <paramref name="onCandidate"/>(earlier, later, similarity) for each verified pair, in a deterministic order.</summary>
    public static void FindPairs(IReadOnlyList<uint[]?> signatures, double minSimilarity, Action<int, int, double> onCandidate)
    {
        // Each bucket keeps its first member (the anchor of a big campaign) and its latest one.
        var buckets = new Dictionary<ulong, (int First, int Last)>[Bands];
        for (int b = 0; b < Bands; b++) buckets[b] = new Dictionary<ulong, (int, int)>();
        Span<int> seen = stackalloc int[2 * Bands];
        for (int doc = 0; doc < signatures.Count; doc++)
        {
            var sig = signatures[doc];
            if (sig is null) continue;
            int seenCount = 0;
            for (int band = 0; band < Bands; band++)
            {
                ulong key = (ulong)band;
                for (int r = 0; r < RowsPerBand; r++) key = StableHash.Combine(key, sig[band * RowsPerBand + r]);
                ref var bucket = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(buckets[band], key, out bool exists);
                if (!exists)
                {
                    bucket = (doc, doc);
                    continue;
                }
                Check(bucket.First, ref seenCount, seen);
                if (bucket.Last != bucket.First) Check(bucket.Last, ref seenCount, seen);
                bucket.Last = doc;
            }

            void Check(int other, ref int count, Span<int> done)
            {
                for (int k = 0; k < count; k++)
                {
                    if (done[k] == other) return;
                }
                done[count++] = other;
                double s = Similarity(sig, signatures[other]!);
                if (s >= minSimilarity) onCandidate(other, doc, s);
            }
        }
    }

    internal static int PopCount(ulong x) => BitOperations.PopCount(x);
}
