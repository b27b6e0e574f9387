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
    /// Calls <paramref name="onCandidate"/>(earlier, later, similarity) for each verified pair, in order of
    /// the later document. Each band's buckets are built in parallel; each document is then checked
    /// against its buckets' first member (the anchor of a big campaign) and the member before it,
    /// every other document at most once. <paramref name="keep"/>, if given, is asked in parallel whether
    /// a verified pair matters at all, so that only those are held and reported.
    /// </summary>
    public static void FindPairs(IReadOnlyList<uint[]?> signatures, double minSimilarity, Action<int, int, double> onCandidate, ParallelOptions? parallel = null, Func<int, int, double, bool>? keep = null)
    {
        parallel ??= new ParallelOptions();
        int docs = signatures.Count;
        var first = new int[Bands][];
        var previous = new int[Bands][];
        Parallel.For(0, Bands, parallel, band =>
        {
            var buckets = new Dictionary<ulong, (int First, int Last)>(Math.Min(docs, 1 << 20));
            var f = first[band] = new int[docs];
            var p = previous[band] = new int[docs];
            for (int doc = 0; doc < docs; doc++)
            {
                f[doc] = p[doc] = -1;
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
                f[doc] = bucket.First;
                p[doc] = bucket.Last;
                bucket.Last = doc;
            }
        });
        const int Chunk = 4096;
        int chunks = (docs + Chunk - 1) / Chunk;
        var found = new List<(int, int, double)>[chunks];
        Parallel.For(0, chunks, parallel, c =>
        {
            var pairs = new List<(int, int, double)>();
            Span<int> seen = stackalloc int[2 * Bands];
            for (int doc = c * Chunk; doc < Math.Min(docs, (c + 1) * Chunk); doc++)
            {
                var sig = signatures[doc];
                if (sig is null) continue;
                int count = 0;
                for (int band = 0; band < Bands; band++)
                {
                    Check(first[band][doc], ref count, seen);
                    Check(previous[band][doc], ref count, seen);
                }

                void Check(int other, ref int n, Span<int> done)
                {
                    if (other < 0) return;
                    for (int k = 0; k < n; k++)
                    {
                        if (done[k] == other) return;
                    }
                    done[n++] = other;
                    double s = Similarity(sig, signatures[other]!);
                    if (s >= minSimilarity && (keep is null || keep(other, doc, s))) pairs.Add((other, doc, s));
                }
            }
            found[c] = pairs;
        });
        foreach (var pairs in found)
        {
            foreach (var (a, b, s) in pairs) onCandidate(a, b, s);
        }
    }

    internal static int PopCount(ulong x) => BitOperations.PopCount(x);
}
