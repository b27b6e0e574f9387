using System.Globalization;
using System.Text.RegularExpressions;

namespace DanY.Documents.Plans;

/// <summary>The precision a time expression was written at.</summary>
public enum TimeUnit
{
    Day,
    Month,
    Quarter,
    HalfYear,
    Year,
}

/// <summary>
/// A time expression found in key text: the span it covers and the period it names, from its first to its
/// last day. "tháng 9/2025" is 2025-09-01..2025-09-30; "đầu tháng 3/2026" is 2026-03-01..2026-03-10;
/// "quý I, II/2025" is 2025-01-01..2025-06-30.
/// </summary>
public sealed record TimeExpression(int Index, int Length, DateOnly Start, DateOnly End, TimeUnit Unit)
{
    public int EndIndex => Index + Length;
}

/// <summary>
/// Finds dates and periods in Vietnamese text: "ngày 20 tháng 8 năm 2024", "03/7/2024", "30.3.2025",
/// "15/6" (year from context), "tháng 12/2024", "tháng 10 - 11/2025", "đầu/giữa/cuối tháng 3/2026",
/// "thượng/trung/hạ tuần tháng 9", "quý I, II/2025", "6 tháng đầu năm 2025", "cuối năm 2025", "năm 2025".
/// Parts of a month follow the usual thirds: đầu = 1–10, giữa = 11–20, cuối = 21–end.
/// </summary>
public static class DateExpressions
{
    private const string Year = @"(?:\s*(?:/|-|\.|năm)\s*(?<y>\d{4}))";

    private static readonly (Regex Pattern, Func<Match, int?, Raw?> Build)[] Patterns =
    [
        (VnText.Rx(@"ngày\s*(?<d>\d{1,2})\s*tháng\s*(?<m>\d{1,2})(?:\s*năm\s*(?<y>\d{4}))?(?!\d)"), DayMatch),
        (VnText.Rx(@"(?<![\d/.])(?<d0>\d{1,2})\s*-\s*(?<d>\d{1,2})\s*/\s*(?<m>\d{1,2})(?:\s*/\s*(?<y>\d{4}))?(?![\d/])"), DayRangeMatch),
        (VnText.Rx(@"(?<![\d/.])(?<d>\d{1,2})\s*(?<s>[/.-])\s*(?<m>\d{1,2})\s*\k<s>\s*(?<y>\d{4})(?!\d)"), DayMatch),
        (VnText.Rx(@"(?<![\d/])(?:06|6|sáu)\s*tháng\s*(?<part>đầu|cuối)\s*năm(?:\s*(?<y>\d{4}))?(?!\d)"), HalfMatch),
        (VnText.Rx(@"quý\s*(?<q>iv|iii|ii|i|[1-4])(?![a-zđ\d])(?<more>(?:\s*(?:,|và|-|đến)\s*(?:quý\s*)?(?:iv|iii|ii|i|[1-4])(?![a-zđ\d]))*)" + Year + "?"), QuarterMatch),
        (VnText.Rx(@"(?:(?<part>tuần đầu|tuần cuối|đầu|giữa|cuối|thượng tuần|trung tuần|hạ tuần)\s*)?tháng\s*(?<m>\d{1,2})(?:\s*(?:-|,|và|đến)\s*(?:tháng\s*)?(?<m2>\d{1,2}))?" + Year + @"?(?![\d/])"), MonthMatch),
        (VnText.Rx(@"(?<part>đầu|giữa|cuối)\s*năm\s*(?<y>\d{4})"), YearMatch),
        (VnText.Rx(@"năm\s*(?<y>\d{4})(?!\d)"), YearMatch),
        (VnText.Rx(@"(?<![\d/.\-])(?<d>\d{1,2})\s*/\s*(?<m>\d{1,2})(?![\d/])"), DayMatch),
    ];

    /// <summary>
    /// Finds the time expressions in <paramref name="key"/> (text from <see cref="VnText.Key"/>), left to
    /// right. An expression without a year takes it from the next expression that has one ("từ 15/10 đến
    /// 15/11/2025"), else from the previous one, else from <paramref name="reference"/> (the plan's date):
    /// the first such date not more than two months before the reference.
    /// </summary>
    public static IReadOnlyList<TimeExpression> Find(string key, DateOnly? reference = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        var raws = new List<Raw>();
        foreach (var (pattern, build) in Patterns)
        {
            foreach (Match match in pattern.Matches(key))
            {
                if (raws.Any(r => r.Index < match.Index + match.Length && match.Index < r.Index + r.Length)) continue;
                int? year = match.Groups["y"].Success ? int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
                if (build(match, year) is { } raw) raws.Add(raw);
            }
        }
        raws.Sort((a, b) => a.Index.CompareTo(b.Index));

        var result = new List<TimeExpression>(raws.Count);
        for (int i = 0; i < raws.Count; i++)
        {
            Raw raw = raws[i];
            int? year = raw.Year;
            if (year is null)
            {
                Raw? next = raws.Skip(i + 1).FirstOrDefault(r => r.Year is not null);
                Raw? previous = raws.Take(i).LastOrDefault(r => r.Year is not null);
                if (next is not null)
                {
                    year = next.Year;
                    // "từ 15/11 đến 15/01/2026": the start lies in the year before.
                    if (raw.Resolve(year!.Value) is { } s && next.Resolve(next.Year!.Value) is { } n && s.Start > n.End) year--;
                }
                else if (previous is not null) year = previous.Year;
                else if (reference is { } r)
                {
                    year = r.Year;
                    if (raw.Resolve(year.Value) is { } s && s.End < r.AddMonths(-2)) year++;
                }
            }
            if (year is null || year < 1900 || year > 2200) continue;
            if (raw.Resolve(year.Value) is { } period)
            {
                result.Add(new TimeExpression(raw.Index, raw.Length, period.Start, period.End, raw.Unit));
            }
        }
        return result;
    }

    /// <summary>The first full date (with a year) in a text, e.g. a header line "Hà Nội, ngày 03 tháng 02 năm 2025".</summary>
    public static DateOnly? FirstDate(string clean)
    {
        foreach (TimeExpression expression in Find(VnText.Key(clean)))
        {
            if (expression.Unit == TimeUnit.Day) return expression.Start;
        }
        return null;
    }

    private static Raw? DayMatch(Match m, int? year)
    {
        int day = Number(m, "d"), month = Number(m, "m");
        if (month is < 1 or > 12 || day is < 1 or > 31) return null;
        return new Raw(m.Index, m.Length, year, TimeUnit.Day, y => Day(y, month, day) is { } d ? (d, d) : null);
    }

    private static Raw? DayRangeMatch(Match m, int? year)
    {
        int first = Number(m, "d0"), day = Number(m, "d"), month = Number(m, "m");
        if (month is < 1 or > 12 || day is < 1 or > 31 || first < 1 || first >= day) return null;
        return new Raw(m.Index, m.Length, year, TimeUnit.Day,
            y => Day(y, month, first) is { } a && Day(y, month, day) is { } b ? (a, b) : null);
    }

    private static Raw? MonthMatch(Match m, int? year)
    {
        int month = Number(m, "m");
        if (month is < 1 or > 12) return null;
        int last = m.Groups["m2"].Success ? Number(m, "m2") : month;
        if (last < month || last > 12) last = month;
        string part = m.Groups["part"].Value;
        return new Raw(m.Index, m.Length, year, TimeUnit.Month, y =>
        {
            var start = new DateOnly(y, month, 1);
            var end = new DateOnly(y, last, DateTime.DaysInMonth(y, last));
            return part switch
            {
                "tuân đâu" => (start, new DateOnly(y, month, 7)),
                "tuân cuôi" => (new DateOnly(y, last, DateTime.DaysInMonth(y, last) - 6), end),
                "đâu" or "thương tuân" => (start, new DateOnly(y, month, 10)),
                "giưa" or "trung tuân" => (new DateOnly(y, month, 11), new DateOnly(y, month, 20)),
                "cuôi" or "ha tuân" => (new DateOnly(y, last, 21), end),
                _ => (start, end),
            };
        });
    }

    private static Raw? QuarterMatch(Match m, int? year)
    {
        var quarters = new List<int> { Quarter(m.Groups["q"].Value) };
        foreach (Match more in Regex.Matches(m.Groups["more"].Value, @"iv|iii|ii|i|[1-4]", RegexOptions.CultureInvariant))
        {
            quarters.Add(Quarter(more.Value));
        }
        int first = quarters.Min(), last = quarters.Max();
        return new Raw(m.Index, m.Length, year, TimeUnit.Quarter, y =>
        {
            int endMonth = last * 3;
            return (new DateOnly(y, first * 3 - 2, 1), new DateOnly(y, endMonth, DateTime.DaysInMonth(y, endMonth)));
        });
    }

    private static Raw? HalfMatch(Match m, int? year)
    {
        bool firstHalf = m.Groups["part"].Value == "đâu";
        return new Raw(m.Index, m.Length, year, TimeUnit.HalfYear, y => firstHalf
            ? (new DateOnly(y, 1, 1), new DateOnly(y, 6, 30))
            : (new DateOnly(y, 7, 1), new DateOnly(y, 12, 31)));
    }

    // "đầu năm" is read as the first quarter and "cuối năm" as the last, by analogy with the thirds of a month
    // being too fine for a year; "giữa năm" ends on 30 June.
    private static Raw? YearMatch(Match m, int? year) =>
        new(m.Index, m.Length, year, TimeUnit.Year, y => m.Groups["part"].Value switch
        {
            "đâu" => (new DateOnly(y, 1, 1), new DateOnly(y, 3, 31)),
            "giưa" => (new DateOnly(y, 4, 1), new DateOnly(y, 6, 30)),
            "cuôi" => (new DateOnly(y, 10, 1), new DateOnly(y, 12, 31)),
            _ => (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31)),
        });

    private static int Quarter(string text) => text switch
    {
        "i" or "1" => 1,
        "ii" or "2" => 2,
        "iii" or "3" => 3,
        _ => 4,
    };

    private static int Number(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static DateOnly? Day(int year, int month, int day) =>
        day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private sealed record Raw(int Index, int Length, int? Year, TimeUnit Unit, Func<int, (DateOnly Start, DateOnly End)?> Resolve);
}
