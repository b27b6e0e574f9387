using System.Globalization;
using System.Text;

namespace DanY.Engine.Text;

/// <summary>
/// Canonical forms of Vietnamese text. Input may be NFC or NFD, use either tone-mark placement
/// (hoà/hòa, thuỷ/thủy) or carry misplaced marks (qủa, lựơng); output is NFC with the traditional
/// placement (hòa, thủy, khỏe, ủy), the convention of state documents and of underthesea.
/// </summary>
public static class VietnameseText
{
    // Combining tone marks: grave (huyền), acute (sắc), tilde (ngã), hook (hỏi), dot below (nặng).
    private const string ToneMarks = "\u0300\u0301\u0303\u0309\u0323";

    /// <summary>NFC, one tone-mark convention, Unicode look-alikes repaired (ð → đ). Case is kept.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) return text;
        // Eth (ð, Ð) is typed for đ by some keyboards and OCR.
        string nfd = text.Replace('\u00F0', '\u0111').Replace('\u00D0', '\u0110').Normalize(NormalizationForm.FormD);
        var output = new StringBuilder(nfd.Length);
        int i = 0;
        while (i < nfd.Length)
        {
            if (!IsWordChar(nfd[i]))
            {
                output.Append(nfd[i]);
                i++;
                continue;
            }
            int start = i;
            while (i < nfd.Length && IsWordChar(nfd[i])) i++;
            AppendSyllable(output, nfd.AsSpan(start, i - start));
        }
        return output.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Lower-cased, diacritics removed and đ folded to d, whatever the input's Unicode form or tone
    /// placement: the form in which "de nghi tang luong" matches "Đề nghị tăng lương".
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) return text;
        return string.Create(FoldedLength(text), text, static (span, source) => FoldInto(source, span));
    }

    /// <summary>Length of <see cref="Fold(string)"/>'s result for <paramref name="text"/>.</summary>
    public static int FoldedLength(ReadOnlySpan<char> text)
    {
        int n = 0;
        foreach (char c in text)
        {
            if (FoldTable[c] != '\0') n++;
        }
        return n;
    }

    /// <summary>Folds <paramref name="text"/> into <paramref name="destination"/>; returns the number of chars written.</summary>
    public static int FoldInto(ReadOnlySpan<char> text, Span<char> destination)
    {
        int n = 0;
        foreach (char c in text)
        {
            char f = FoldTable[c];
            if (f != '\0') destination[n++] = f;
        }
        return n;
    }

    /// <summary>
    /// The key under which two texts count as the same submission: NFC, case folded, runs of
    /// white space collapsed and trimmed. Tone placement and diacritics are kept (a copy typed
    /// without accents is a near duplicate, not an exact one).
    /// </summary>
    public static string ExactKey(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string nfc = IsAsciiOrNfc(text) ? text : text.Normalize(NormalizationForm.FormC);
        var output = new StringBuilder(nfc.Length);
        bool space = false;
        foreach (char c in nfc)
        {
            if (char.IsWhiteSpace(c))
            {
                space = output.Length > 0;
                continue;
            }
            if (space) output.Append(' ');
            space = false;
            output.Append(char.ToLowerInvariant(c));
        }
        return output.ToString();
    }

    /// <summary>Runs of white space (tabs, no-break spaces, line breaks) become one space; ends trimmed.</summary>
    public static string CollapseWhitespace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                space = output.Length > 0;
                continue;
            }
            if (space) output.Append(' ');
            space = false;
            output.Append(c);
        }
        return output.ToString();
    }

    /// <summary>
    /// A 128-bit hash of <see cref="ExactKey(string)"/> computed without building the key (allocation-free
    /// for NFC input): the duplicate test on millions of comments.
    /// </summary>
    public static (ulong, ulong) ExactKeyHash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ReadOnlySpan<char> span = text;
        foreach (char c in span)
        {
            if (c >= '\u0300' && c <= '\u036F')
            {
                span = text.Normalize(NormalizationForm.FormC);
                break;
            }
        }
        ulong h1 = 0xCBF29CE484222325UL, h2 = 0x84222325CBF29CE4UL;
        bool space = false, any = false;
        foreach (char raw in span)
        {
            if (char.IsWhiteSpace(raw))
            {
                space = any;
                continue;
            }
            if (space)
            {
                h1 = (h1 ^ ' ') * 0x100000001B3UL;
                h2 = (h2 ^ ' ') * 0x1000193UL + 0x9E3779B97F4A7C15UL;
            }
            space = false;
            any = true;
            char c = LowerInvariant(raw);
            h1 = (h1 ^ c) * 0x100000001B3UL;
            h2 = (h2 ^ c) * 0x1000193UL + 0x9E3779B97F4A7C15UL;
        }
        return (h1, h2 ^ (h1 >> 29));
    }

    // char.ToLowerInvariant goes through ICU for every non-ASCII letter, which dominated exact-key
    // hashing; the mapping is cached per code unit ('\0' = not looked up yet).
    private static readonly char[] LowerCache = new char[char.MaxValue + 1];

    private static char LowerInvariant(char c)
    {
        if (c < 0x80) return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        char lower = LowerCache[c];
        if (lower == '\0')
        {
            lower = char.ToLowerInvariant(c);
            LowerCache[c] = lower;
        }
        return lower;
    }

    private static bool IsAsciiOrNfc(string text)
    {
        foreach (char c in text)
        {
            if (c >= '\u0300' && c <= '\u036F') return false;
        }
        return text.IsNormalized(NormalizationForm.FormC);
    }

    // One entry per UTF-16 code unit: the folded letter, or '\0' for a combining mark (dropped).
    private static readonly char[] FoldTable = BuildFoldTable();

    private static char[] BuildFoldTable()
    {
        var table = new char[char.MaxValue + 1];
        Span<char> one = stackalloc char[1];
        for (int i = 0; i <= char.MaxValue; i++)
        {
            char c = (char)i;
            if (char.IsSurrogate(c))
            {
                table[i] = c;
                continue;
            }
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                table[i] = '\0';
                continue;
            }
            if (c is '\u0111' or '\u0110' or '\u00F0' or '\u00D0')
            {
                table[i] = 'd';
                continue;
            }
            char baseChar = c;
            if (c >= '\u00C0' && char.IsLetter(c))
            {
                string decomposed = c.ToString().Normalize(NormalizationForm.FormD);
                if (decomposed.Length > 0 && char.IsLetter(decomposed[0])) baseChar = decomposed[0];
            }
            table[i] = char.ToLowerInvariant(baseChar);
        }
        return table;
    }

    private static bool IsWordChar(char c) =>
        char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    // A syllable in NFD: strip its tone mark (the first one found wins), then put it back on the
    // vowel that carries it under the traditional rules.
    private static void AppendSyllable(StringBuilder output, ReadOnlySpan<char> syllable)
    {
        char tone = '\0';
        Span<char> bare = syllable.Length <= 64 ? stackalloc char[syllable.Length] : new char[syllable.Length];
        int n = 0;
        foreach (char c in syllable)
        {
            if (ToneMarks.Contains(c, StringComparison.Ordinal))
            {
                if (tone == '\0') tone = c;
                continue;
            }
            bare[n++] = c;
        }
        bare = bare[..n];
        if (tone == '\0')
        {
            output.Append(bare);
            return;
        }
        int target = ToneTarget(bare);
        if (target < 0)
        {
            // Not a Vietnamese syllable shape (no vowel): keep the mark where the writer put it.
            output.Append(syllable);
            return;
        }
        for (int k = 0; k < bare.Length; k++)
        {
            output.Append(bare[k]);
            // The tone goes after the base vowel and its shape mark (circumflex, breve, horn).
            bool lastOfLetter = k + 1 >= bare.Length || !IsShapeMark(bare[k + 1]);
            if (lastOfLetter && LetterStart(bare, k) == target) output.Append(tone);
        }
    }

    private static bool IsShapeMark(char c) => c is '\u0302' or '\u0306' or '\u031B';

    private static int LetterStart(ReadOnlySpan<char> s, int k)
    {
        while (k > 0 && IsShapeMark(s[k])) k--;
        return k;
    }

    private static bool IsVowelBase(char c) => char.ToLowerInvariant(c) is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    /// <summary>Index (in the NFD, toneless span) of the base letter that takes the tone, or -1.</summary>
    internal static int ToneTarget(ReadOnlySpan<char> s)
    {
        // Letters as (start index, has shape mark).
        Span<int> vowels = stackalloc int[8];
        Span<bool> shaped = stackalloc bool[8];
        int count = 0;
        int firstVowel = -1, lastVowelEnd = -1;
        for (int k = 0; k < s.Length; k++)
        {
            if (IsShapeMark(s[k])) continue;
            if (IsVowelBase(s[k]))
            {
                if (firstVowel >= 0 && lastVowelEnd != k) break; // a second vowel run: not one syllable
                if (count == vowels.Length) return -1;
                if (firstVowel < 0) firstVowel = k;
                vowels[count] = k;
                shaped[count] = k + 1 < s.Length && IsShapeMark(s[k + 1]);
                count++;
                lastVowelEnd = shaped[count - 1] ? k + 2 : k + 1;
            }
            else if (firstVowel >= 0)
            {
                break;
            }
        }
        if (count == 0) return -1;
        bool hasFinal = lastVowelEnd < s.Length && char.IsLetter(s[lastVowelEnd]);

        // "qu" and "gi" before another vowel: the u / i belongs to the initial consonant.
        int from = 0;
        if (count > 1 && firstVowel > 0)
        {
            char before = char.ToLowerInvariant(s[firstVowel - 1]);
            char v = char.ToLowerInvariant(s[firstVowel]);
            if ((before == 'q' && v == 'u') || (before == 'g' && v == 'i' && !shaped[0])) from = 1;
        }
        int len = count - from;

        // A vowel with a shape mark takes the tone; of two (ươ), the second.
        for (int k = count - 1; k >= from; k--)
        {
            if (shaped[k]) return vowels[k];
        }
        if (len == 1) return vowels[from];
        if (hasFinal) return vowels[count - 1];
        if (len == 2) return vowels[from];
        return vowels[from + 1];
    }
}
