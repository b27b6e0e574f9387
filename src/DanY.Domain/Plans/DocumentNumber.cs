using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DanY.Domain.Plans;

/// <summary>
/// Document numbers (số và ký hiệu) in both layouts: Party "Số 57-KH/ĐU" (number, hyphen, type, slash,
/// issuer) and state "Số: 08/KH-MTTQ" (number, slash, type, hyphen, issuer). Typed numbers carry stray
/// spaces ("Số 57 -KH/ĐU", "Số: 08 /KH-MTTQ", "273 - KH/QU"); the normal form has none.
/// </summary>
public static partial class DocumentNumber
{
    // Number, separator, then code groups joined by - or /, with optional spaces around the joins.
    [GeneratedRegex(@"^(?:s[ốôo]\s*:?\s*)?(?<num>\d{1,5})\s*(?<sep>[-/])\s*(?<code>[\p{L}\d]+(?:\s*[-/]\s*[\p{L}\d]+)*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\s*([-/])\s*", RegexOptions.CultureInvariant)]
    private static partial Regex JoinPattern();

    /// <summary>Normalises a number such as "Số 57 -KH/ĐU" to "57-KH/ĐU"; returns null when the text is not a document number.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        string clean = Clean(text);
        Match match = NumberPattern().Match(clean);
        if (!match.Success) return null;
        string code = JoinPattern().Replace(match.Groups["code"].Value, "$1");
        // A code needs letters: "30/6/2025" is a date, not a number.
        if (!code.Any(char.IsLetter)) return null;
        return match.Groups["num"].Value + match.Groups["sep"].Value + code;
    }

    /// <summary>
    /// The issuer part of the code: "BDVTW" for 171-KH/BDVTW, "MTTQ" for 08/KH-MTTQ, "MTTW-BTT" for
    /// 90/BC-MTTW-BTT. Used to recognise documents of the same issuer.
    /// </summary>
    public static string? IssuerCode(string? normalized)
    {
        if (string.IsNullOrEmpty(normalized)) return null;
        int firstSeparator = normalized.IndexOfAny(['-', '/']);
        if (firstSeparator < 0) return null;
        string code = normalized[(firstSeparator + 1)..];
        if (normalized[firstSeparator] == '-')
        {
            int slash = code.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? null : code[(slash + 1)..];
        }
        // State style: skip an optional year ("30/2020/NĐ-CP") and the type.
        string[] groups = code.Split('/');
        string last = groups[^1];
        int hyphen = last.IndexOf('-', StringComparison.Ordinal);
        return hyphen < 0 ? last : last[(hyphen + 1)..];
    }

    private static string Clean(string text)
    {
        string nfc = text.Normalize(NormalizationForm.FormC)
            .Replace('\u00D0', '\u0110').Replace('\u00F0', '\u0111')
            .Replace('\u2013', '-').Replace('\u2014', '-').Replace('\u2212', '-').Replace('\u2010', '-').Replace('\u2011', '-')
            .Replace('\u00A0', ' ');
        return nfc.Trim().Trim('*', '_', ' ').ToString(CultureInfo.InvariantCulture);
    }
}
