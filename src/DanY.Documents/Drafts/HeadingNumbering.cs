using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DanY.Documents.Drafts;

/// <summary>The numbering style that starts a heading.</summary>
public enum NumberingKind
{
    /// <summary>"Phần thứ nhất", "PHẦN I", "Chương 2".</summary>
    Part,

    /// <summary>"I.", "II-", "IV –".</summary>
    Roman,

    /// <summary>"1.", "1.1.", "2.3.1", "1-", "1)".</summary>
    Arabic,

    /// <summary>"a)", "đ)".</summary>
    Letter,
}

/// <summary>A parsed heading number.</summary>
/// <param name="Kind">Style of numbering.</param>
/// <param name="Numbers">Part/Roman: one number; Arabic: each dotted component; Letter: empty.</param>
/// <param name="Letter">The letter of a Letter label.</param>
/// <param name="Label">The label as written, trimmed.</param>
/// <param name="Rest">The heading text after the label (may be empty: "PHẦN THỨ NHẤT" alone).</param>
public sealed record HeadingLabel(NumberingKind Kind, IReadOnlyList<int> Numbers, string Letter, string Label, string Rest);

/// <summary>Recognises the numbering conventions of Vietnamese Party and state documents.</summary>
public static partial class HeadingNumbering
{
    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["nhat"] = 1, ["mot"] = 1, ["hai"] = 2, ["ba"] = 3, ["tu"] = 4, ["bon"] = 4, ["nam"] = 5,
        ["sau"] = 6, ["bay"] = 7, ["tam"] = 8, ["chin"] = 9, ["muoi"] = 10,
    };

    /// <summary>Parses the numbering at the start of a heading or paragraph; null when there is none.</summary>
    public static HeadingLabel? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Normalize(NormalizationForm.FormC).Trim();
        if (t.Length == 0) return null;

        Match m = PartOrdinal().Match(t);
        if (m.Success && Ordinals.TryGetValue(FoldAscii(m.Groups[2].Value), out int ordinal))
        {
            return new HeadingLabel(NumberingKind.Part, [ordinal], "", m.Groups[1].Value.Trim(), CleanRest(m.Groups[3].Value));
        }
        m = PartNumber().Match(t);
        if (m.Success)
        {
            string n = m.Groups[2].Value;
            int value = char.IsAsciiDigit(n[0]) ? int.Parse(n, CultureInfo.InvariantCulture) : RomanToInt(n.ToUpperInvariant());
            if (value > 0) return new HeadingLabel(NumberingKind.Part, [value], "", m.Groups[1].Value.Trim(), CleanRest(m.Groups[3].Value));
        }
        m = Roman().Match(t);
        if (m.Success)
        {
            int value = RomanToInt(m.Groups[1].Value);
            if (value > 0) return new HeadingLabel(NumberingKind.Roman, [value], "", m.Groups[1].Value + m.Groups[2].Value.Trim(), m.Groups[3].Value.Trim());
        }
        m = Arabic().Match(t);
        if (m.Success)
        {
            string[] parts = m.Groups[1].Value.Split('.');
            bool dotted = parts.Length > 1;
            string sep = m.Groups[2].Value.Trim();
            // "2025 là năm..." or "3 xã": a bare number without separator is text, not a heading.
            if (dotted || sep.Length > 0)
            {
                int[] numbers = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
                return new HeadingLabel(NumberingKind.Arabic, numbers, "", m.Groups[1].Value + sep, m.Groups[3].Value.Trim());
            }
        }
        m = Letter().Match(t);
        if (m.Success)
        {
            return new HeadingLabel(NumberingKind.Letter, [], m.Groups[1].Value, m.Groups[1].Value + ")", m.Groups[2].Value.Trim());
        }
        return null;
    }

    /// <summary>Roman numeral for 1..3999.</summary>
    public static string ToRoman(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 3999);
        (int, string)[] table =
        [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ];
        var sb = new StringBuilder();
        foreach ((int v, string s) in table)
        {
            while (value >= v)
            {
                sb.Append(s);
                value -= v;
            }
        }
        return sb.ToString();
    }

    /// <summary>Value of a canonical Roman numeral, 0 when it is not one ("IIII", "VX").</summary>
    public static int RomanToInt(string roman)
    {
        ArgumentNullException.ThrowIfNull(roman);
        int total = 0, prev = 0;
        for (int i = roman.Length - 1; i >= 0; i--)
        {
            int v = roman[i] switch { 'I' => 1, 'V' => 5, 'X' => 10, 'L' => 50, 'C' => 100, _ => 0 };
            if (v == 0) return 0;
            total += v < prev ? -v : v;
            prev = Math.Max(prev, v);
        }
        return total is > 0 and < 400 && string.Equals(ToRoman(total), roman, StringComparison.Ordinal) ? total : 0;
    }

    internal static string FoldAscii(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    private static string CleanRest(string rest) => rest.Trim().TrimStart(':', '.', '-', '–', '—').Trim();

    [GeneratedRegex(@"^((?:PHẦN|CHƯƠNG)\s+THỨ\s+(\p{L}+))\b\s*(.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex PartOrdinal();

    [GeneratedRegex(@"^((?:PHẦN|CHƯƠNG)\s+([IVXL]{1,6}|\d{1,2}))(?![\p{L}\d])\s*(.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex PartNumber();

    [GeneratedRegex(@"^([IVXL]{1,6})(\s*[\.\-–—:]|\s*\))\s+(\S.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Roman();

    [GeneratedRegex(@"^(\d{1,2}(?:\.\d{1,2}){0,4})(\.|\s*[\-–—\)]|)\s+(\S.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Arabic();

    [GeneratedRegex(@"^([a-zđ])\s*\)\s*(\S.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Letter();
}
