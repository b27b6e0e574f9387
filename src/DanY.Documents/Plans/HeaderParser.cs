using System.Text.RegularExpressions;
using DanY.Domain.Plans;

namespace DanY.Documents.Plans;

/// <summary>What the header block (everything above "KẾ HOẠCH") says.</summary>
public sealed record PlanHeader(string? Number, DateOnly? Date, string? Issuer, string? SuperiorBody);

/// <summary>
/// Reads the header block in either layout. Party (36-HD): superior body in plain caps, issuing body in bold
/// caps under it, "*", "Số 57-KH/ĐU"; right column "ĐẢNG CỘNG SẢN VIỆT NAM" and "Hà Nội, ngày ...". State
/// (NĐ 30, used by the Front and the unions): issuing body (under its superior when there is one), "Số:
/// 08/KH-LĐLĐ"; right column the national heading and the date. The block may come as separate lines, as a
/// table, or as columns run together on one line; national headings, place-and-date and marks are removed
/// and the upper-case prefixes that remain are the organisation lines.
/// </summary>
public static class HeaderParser
{
    private static readonly Regex NationalHeading = VnText.Rx(
        @"đảng cộng sản việt nam|cộng hòa xã hội chủ nghĩa việt nam|cộng hoà xã hội chủ nghĩa việt nam|độc lập\s*-\s*tự do\s*-\s*hạnh phúc");
    private static readonly Regex NumberStart = VnText.Rx(@"(?<![\p{L}])(?:số|so)\s*:?\s*\d");
    private static readonly Regex DateLine = VnText.Rx(@"ngày\s*(?:\d{1,2}|\.+|…+|\s)\s*(?:tháng|/)");
    private static readonly Regex Marks = VnText.Rx(@"^(?:mật|tối mật|tuyệt mật|khẩn|thượng khẩn|hỏa tốc|dự thảo|lưu hành nội bộ)$");
    private static readonly Regex OrgNoun = VnText.Rx(
        @"(?<![\p{L}])(?:ban|ủy|ủy ban|đảng|hội|đoàn|liên đoàn|mặt trận|mttq|văn phòng|công đoàn|khối|chi bộ|thường trực|ubnd|hđnd|lđlđ|tổng|cục|sở|phòng|trung tâm|bch|btv)(?![\p{L}])");

    private static readonly Regex BareBoard = VnText.Rx(@"^(?!.*(?<![\p{L}])ủy(?![\p{L}]))(?:ban|văn phòng|ủy ban kiểm tra)(?:\s+[\p{L}]+){0,5}$");
    private static readonly Regex Committee = VnText.Rx(@"^(?:tỉnh ủy|thành ủy|huyện ủy|quận ủy|thị ủy|đảng ủy)(?![\p{L}])");

    public static PlanHeader Read(IReadOnlyList<SourceLine> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        string? number = null;
        DateOnly? date = null;
        var fragments = new List<(string Text, bool Bold)>();
        foreach (var (text, bold) in Expand(header))
        {
            string key = VnText.Key(text);
            if (number is null && NumberStart.Match(key) is { Success: true } numberAt)
            {
                number = DocumentNumber.Normalize(text[numberAt.Index..]);
            }
            if (date is null && DateLine.IsMatch(key))
            {
                date = DateExpressions.FirstDate(text);
            }
            string org = OrganisationPrefix(text);
            if (org.Length >= 2) fragments.Add((org, bold));
        }

        // A fragment without an organisation noun continues the one above: "ỦY BAN MTTQ VIỆT NAM / TỈNH QUẢNG NAM".
        var lines = new List<(string Text, bool Bold)>();
        foreach (var fragment in fragments)
        {
            if (lines.Count > 0 && !OrgNoun.IsMatch(VnText.Key(fragment.Text)))
            {
                lines[^1] = (lines[^1].Text + " " + fragment.Text, lines[^1].Bold || fragment.Bold);
            }
            else
            {
                lines.Add(fragment);
            }
        }
        if (lines.Count == 0) return new PlanHeader(number, date, null, null);

        string? superior = null;
        string issuer;
        if (lines.Count > 1 && lines.Any(l => l.Bold) && lines.Any(l => !l.Bold) && !lines[0].Bold)
        {
            superior = string.Join(' ', lines.TakeWhile(l => !l.Bold).Select(l => l.Text));
            issuer = string.Join(' ', lines.SkipWhile(l => !l.Bold).TakeWhile(l => l.Bold).Select(l => l.Text));
        }
        else if (lines.Count > 1)
        {
            superior = lines[0].Text;
            issuer = string.Join(' ', lines.Skip(1).Select(l => l.Text));
        }
        else
        {
            issuer = lines[0].Text;
        }
        issuer = issuer.ToUpperInvariant();
        superior = superior?.ToUpperInvariant();
        // "TỈNH ỦY QUẢNG NGÃI / BAN DÂN VẬN": the body's name is "BAN DÂN VẬN TỈNH ỦY".
        if (superior is not null && BareBoard.IsMatch(VnText.Key(issuer)) && Committee.Match(VnText.Key(superior)) is { Success: true } committee)
        {
            issuer = issuer + " " + superior.Substring(committee.Index, committee.Length);
        }
        return new PlanHeader(number, date, issuer, superior);
    }

    private static IEnumerable<(string Text, bool Bold)> Expand(IReadOnlyList<SourceLine> header)
    {
        foreach (SourceLine line in header)
        {
            if (line.Cells is null)
            {
                yield return (line.Text, line.Bold);
                continue;
            }
            foreach (string cell in line.Cells)
            {
                foreach (string part in cell.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    yield return (part, line.Bold);
                }
            }
        }
    }

    /// <summary>The leading upper-case words of a header line, once national headings are taken out.</summary>
    private static string OrganisationPrefix(string text)
    {
        string key = VnText.Key(text);
        string kept = text;
        foreach (Match match in NationalHeading.Matches(key).Reverse())
        {
            kept = kept.Remove(match.Index, match.Length).Insert(match.Index, "\u0001");
        }
        var words = new List<string>();
        foreach (string word in kept.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Contains('\u0001', StringComparison.Ordinal)) break;
            string bare = word.Trim('*', ',', ';', '.', ':', '"', '“', '”');
            if (bare.Length == 0) continue;
            bool upper = VnText.IsUpper(bare) || bare.All(c => char.IsDigit(c) || c is '-' or '–' or '&');
            if (!upper) break;
            words.Add(bare);
        }
        string org = string.Join(' ', words).Trim('-', ' ');
        if (org.Length == 0 || Marks.IsMatch(VnText.Key(org))) return "";
        // "KẾ HOẠCH" and other type names are not organisations.
        if (VnText.Key(org) is "kê hoach" or "hương dân" or "chương trinh" or "đê an") return "";
        return org;
    }
}
