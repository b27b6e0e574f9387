using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DanY.Documents.Plans;

/// <summary>
/// Text forms the plan reader works on. <see cref="Clean"/> gives the text shown to people (NFC, one space,
/// look-alikes repaired). <see cref="Key"/> gives a matching form of exactly the same length, so that a match
/// found in the key is cut from the clean text at the same offsets: lower case, tone marks dropped (so that
/// old and new tone placement, "hoà"/"hòa", "uỷ"/"ủy", compare equal) but vowel quality kept, so "năm" (year)
/// and "nam" stay apart. Documents must not depend on the Engine, hence this small local copy.
/// </summary>
public static partial class VnText
{
    private const string ToneMarks = "\u0300\u0301\u0303\u0309\u0323";
    private static readonly char[] KeyTable = BuildKeyTable();

    [GeneratedRegex(@"[ \t\u00A0\u2000-\u200A\u202F\u205F\u3000]+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    /// <summary>NFC, zero-width characters removed, eth repaired (ð → đ), runs of spaces collapsed, trimmed.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string nfc = text.Replace('\u00F0', '\u0111').Replace('\u00D0', '\u0110').Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(nfc.Length);
        foreach (char c in nfc)
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD') continue;
            // A tone mark NFC could not compose has nothing to sit on: drop it rather than break matching.
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(c == '\t' ? ' ' : c);
        }
        return Spaces().Replace(builder.ToString(), " ").Trim();
    }

    /// <summary>The matching form of a cleaned text; same length, character for character.</summary>
    public static string Key(string clean)
    {
        ArgumentNullException.ThrowIfNull(clean);
        return string.Create(clean.Length, clean, static (span, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                char c = source[i];
                span[i] = c < KeyTable.Length ? KeyTable[c] : c switch
                {
                    '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
                    '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' => '"',
                    '\u2018' or '\u2019' => '\'',
                    _ => char.ToLowerInvariant(c),
                };
            }
        });
    }

    /// <summary>
    /// Turns a pattern written in ordinary Vietnamese into a pattern over <see cref="Key"/> text, leaving
    /// regex escapes (\S, \p{Lu}) alone.
    /// </summary>
    public static string KeyPattern(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        string nfc = pattern.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(nfc.Length);
        for (int i = 0; i < nfc.Length; i++)
        {
            char c = nfc[i];
            if (c == '\\' && i + 1 < nfc.Length)
            {
                builder.Append(c).Append(nfc[++i]);
                if ((nfc[i] is 'p' or 'P') && i + 1 < nfc.Length && nfc[i + 1] == '{')
                {
                    int close = nfc.IndexOf('}', i);
                    builder.Append(nfc, i + 1, close - i);
                    i = close;
                }
                continue;
            }
            builder.Append(Key(c.ToString()));
        }
        return builder.ToString();
    }

    /// <summary>
    /// A culture-invariant regex over key text from a pattern written in ordinary Vietnamese. Interpreted, not
    /// compiled: a plan is a few pages, and compiling the stage patterns cost ~4 s of start-up per CLI run
    /// against ~0.6 s in all (measured on the shared machine).
    /// </summary>
    public static Regex Rx(string pattern) =>
        new(KeyPattern(pattern), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

    /// <summary>True when the text has letters and none of them is lower case ("BAN DÂN VẬN TỈNH ỦY").</summary>
    public static bool IsUpper(string text)
    {
        bool letters = false;
        foreach (char c in text)
        {
            if (!char.IsLetter(c)) continue;
            letters = true;
            if (char.IsLower(c)) return false;
        }
        return letters;
    }

    private static char[] BuildKeyTable()
    {
        var table = new char[0x2000];
        for (int i = 0; i < table.Length; i++)
        {
            char c = (char)i;
            string decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            var kept = new StringBuilder(decomposed.Length);
            foreach (char d in decomposed)
            {
                if (!ToneMarks.Contains(d, StringComparison.Ordinal)) kept.Append(d);
            }
            string recomposed = kept.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant();
            table[i] = recomposed.Length == 1 ? recomposed[0] : char.ToLowerInvariant(c);
        }
        return table;
    }
}
