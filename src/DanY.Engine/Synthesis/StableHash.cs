using System.Numerics;
using System.Runtime.CompilerServices;

namespace DanY.Engine.Synthesis;

/// <summary>
/// Hashes that are the same in every process and on every machine (string.GetHashCode and HashCode
/// are randomised per process, which would make results depend on the run).
/// </summary>
internal static class StableHash
{
    private const ulong Prime = 0x100000001B3UL;
    private const ulong Offset = 0xCBF29CE484222325UL;

    public static ulong Chars(ReadOnlySpan<char> s)
    {
        ulong h = Offset;
        foreach (char c in s)
        {
            h ^= c;
            h *= Prime;
        }
        return Mix(h);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong x)
    {
        // splitmix64 finaliser: spreads every input bit over the output.
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong a, ulong b) => Mix(BitOperations.RotateLeft(a, 17) ^ (b * 0x9E3779B97F4A7C15UL));

    public static ulong Sequence(ReadOnlySpan<ulong> values)
    {
        ulong h = 0x51ED270B27E2B3C1UL;
        foreach (ulong v in values) h = Combine(h, v);
        return Mix(h ^ (ulong)values.Length);
    }
}
