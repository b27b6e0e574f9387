using System.Globalization;
using System.Text.RegularExpressions;
using DanY.Domain.Plans;

namespace DanY.Documents.Plans;

/// <summary>What the schedule stage read from one clause, with the spans it used.</summary>
public sealed record Schedule
{
    public DateOnly? Start { get; init; }

    public DateOnly? Due { get; init; }

    public RecurrenceRule? Recurrence { get; init; }

    public bool Ongoing { get; init; }

    public RelativeSchedule? Relative { get; init; }

    /// <summary>Where the first time phrase (with its connector) begins, or -1.</summary>
    public int FirstIndex { get; init; } = -1;

    /// <summary>The spans of the clause that were read as time phrases, connectors included.</summary>
    public IReadOnlyList<(int Start, int End)> Spans { get; init; } = [];

    public bool IsEmpty => Start is null && Due is null && Recurrence is null && !Ongoing && Relative is null;
}

/// <summary>Options of the plan reader that are a matter of reading, not of fact.</summary>
public sealed record PlanReadingOptions
{
    /// <summary>
    /// "trước ngày X" (before day X) is read literally: the last acceptable day is X − 1, so "trước 01/7/2025"
    /// gives 2025-06-30 and "trước ngày 20 hàng tháng" gives BYMONTHDAY=19. Set false to read it as
    /// "by day X". "chậm nhất ngày X", "đến ngày X", "hạn X" are always inclusive.
    /// </summary>
    public bool BeforeIsExclusive { get; init; } = true;

    public static PlanReadingOptions Default { get; } = new();
}

/// <summary>
/// Reads the schedule of a clause: recurrence ("vào ngày 15 hàng tháng" → FREQ=MONTHLY;BYMONTHDAY=15,
/// "hàng quý" → FREQ=MONTHLY;INTERVAL=3, "6 tháng" → FREQ=MONTHLY;INTERVAL=6, "hằng năm" → FREQ=YEARLY),
/// windows ("bắt đầu từ tháng 12/2024, đến ngày 30/3/2025"), deadlines ("trước 01/7/2025", "đến tháng
/// 9/2025", "chậm nhất ngày 15/9"), periods ("trong tháng 02/2025", "quý I, II/2025", "đầu tháng 3/2026"),
/// ongoing work ("thường xuyên") and times tied to a congress ("trước, trong và sau Đại hội").
/// </summary>
public static class ScheduleParser
{
    // The connector that may stand before "ngày N" in a recurring day ("vào", "trước", "chậm nhất là vào");
    // one fragment so that the three day-of-period patterns cannot drift apart.
    private const string DayConnector = @"(?<pre>(?:vào|trước|chậm nhất(?: là)?(?: vào)?)\s*)?";

    private static readonly Regex MonthlyOnDay = VnText.Rx(DayConnector + @"(?:ngày\s*)(?<d>\d{1,2})\s*(?:của\s*)?(?:hàng|hằng|mỗi|các)\s*tháng");
    private static readonly Regex MonthlyThenDay = VnText.Rx(@"(?:hàng|hằng|mỗi)\s*tháng\s*[(,]?\s*" + DayConnector + @"ngày\s*(?<d>\d{1,2})(?!\s*[/\d])\s*\)?");
    private static readonly Regex QuarterEndOnDay = VnText.Rx(DayConnector + @"(?:ngày\s*)(?<d>\d{1,2})\s*(?:của\s*)?(?:tháng\s*)?cuối\s*(?:mỗi\s*|hàng\s*|hằng\s*|của\s*)?quý");
    private static readonly Regex Monthly = VnText.Rx(@"(?:hàng|hằng|mỗi)\s*tháng|định kỳ\s*(?:hàng\s*|hằng\s*)?tháng|theo tháng(?!\s*\d)");
    private static readonly Regex Quarterly = VnText.Rx(@"(?:hàng|hằng|mỗi)\s*quý|định kỳ\s*(?:hàng\s*|hằng\s*)?quý|theo quý(?!\s*(?:định|chế|trình|mô|hoạch|tắc|luật))");
    private static readonly Regex HalfYearly = VnText.Rx(@"(?<!trong\s)(?<![\d/])(?:06|6|sáu)\s*tháng(?!\s*(?:đầu|cuối)\s*năm)(?!\s*/)(?:\s*(?:một|1)\s*lần)?");
    private static readonly Regex Yearly = VnText.Rx(@"(?:hàng|hằng|mỗi)\s*năm|định kỳ\s*(?:hàng\s*|hằng\s*)?năm");
    // "Báo cáo tháng", "báo cáo quý", "báo cáo năm": the periodic reports themselves, not "báo cáo năm 2025".
    private static readonly Regex MonthlyReport = VnText.Rx(@"(?<![\p{L}])báo cáo\s+(?:định kỳ\s+)?tháng(?!\s*\d)(?![\p{L}])");
    private static readonly Regex QuarterlyReport = VnText.Rx(@"(?<![\p{L}])báo cáo\s+(?:định kỳ\s+)?quý(?!\s*(?:i|ii|iii|iv|\d)(?![\p{L}]))(?![\p{L}])");
    private static readonly Regex YearlyReport = VnText.Rx(@"(?<![\p{L}])báo cáo\s+(?:tổng kết\s+)?năm(?!\s*\d)(?![\p{L}])");
    private static readonly Regex Weekly = VnText.Rx(@"(?:hàng|hằng|mỗi)\s*tuần");
    private static readonly Regex Daily = VnText.Rx(@"(?:hàng|hằng|mỗi)\s*ngày");
    private static readonly Regex OngoingPattern = VnText.Rx(@"thường xuyên|thời gian\s*(?:thực hiện)?\s*:\s*liên tục");
    private static readonly Regex CongressPattern = VnText.Rx(
        @"(?<timing>(?:trước|trong|sau)(?:\s*(?:,|và)\s*(?:trước|trong|sau))*)(?:\s*khi)?(?:\s*(?:kết thúc|bế mạc|diễn ra|tổ chức|khai mạc))?\s*(?<event>đại hội[^,.;:()]{0,90})");
    private static readonly Regex Filler = VnText.Rx(@"^[\s,]*(?:(?:là|vào|ngày|hết|khi|nhất|thời hạn|trong|trước|từ|tháng)[\s,]*)*$");
    private static readonly Regex OffsetDays = VnText.Rx(@"(?<n>\d{1,3})\s*ngày");

    // Connectors are looked for in the words just before an expression; the nearest one wins.
    private static readonly Regex Connector = VnText.Rx(
        @"(?<from>bắt đầu từ|kể từ|từ)|(?<until>cho đến hết|đến hết|cho đến|đến|tới|-)|(?<before>trước)|(?<by>chậm nhất|muộn nhất|hạn chót|hạn cuối|không quá|hoàn thành|xong)|(?<within>trong)|(?<after>sau)");

    public static Schedule Parse(string key, DateOnly? reference = null, PlanReadingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        options ??= PlanReadingOptions.Default;
        int first = int.MaxValue;
        char[] masked = key.ToCharArray();
        var spans = new List<(int Start, int End)>();

        RecurrenceRule? recurrence = null;
        // "ngày 15 hàng tháng" and "hàng tháng (trước ngày 18)": the first one written is the clause's own.
        Match? onDay = new[] { FirstMatch(MonthlyOnDay, key), FirstMatch(MonthlyThenDay, key) }
            .Where(m => m is not null).OrderBy(m => m!.Index).FirstOrDefault();
        if (onDay is not null)
        {
            recurrence = new RecurrenceRule(RecurrenceFrequency.Monthly, 1, Day(onDay, options));
            Mask(masked, onDay, ref first, spans);
        }
        else if (FirstMatch(QuarterEndOnDay, key) is { } quarterEnd)
        {
            recurrence = new RecurrenceRule(RecurrenceFrequency.Yearly, 1, Day(quarterEnd, options)) { ByMonth = [3, 6, 9, 12] };
            Mask(masked, quarterEnd, ref first, spans);
        }
        else
        {
            foreach (var (pattern, rule) in new[]
            {
                (Monthly, new RecurrenceRule(RecurrenceFrequency.Monthly)),
                (MonthlyReport, new RecurrenceRule(RecurrenceFrequency.Monthly)),
                (QuarterlyReport, new RecurrenceRule(RecurrenceFrequency.Monthly, 3)),
                (Quarterly, new RecurrenceRule(RecurrenceFrequency.Monthly, 3)),
                (HalfYearly, new RecurrenceRule(RecurrenceFrequency.Monthly, 6)),
                (Yearly, new RecurrenceRule(RecurrenceFrequency.Yearly)),
                (YearlyReport, new RecurrenceRule(RecurrenceFrequency.Yearly)),
                (Weekly, new RecurrenceRule(RecurrenceFrequency.Weekly)),
                (Daily, new RecurrenceRule(RecurrenceFrequency.Daily)),
            })
            {
                if (FirstMatch(pattern, key) is { } match)
                {
                    recurrence = rule;
                    // "hàng quý", "6 tháng" read well in a title; only the time phrases with a day are cut out.
                    for (int i = match.Index; i < match.Index + match.Length; i++) masked[i] = ' ';
                    first = Math.Min(first, match.Index);
                    break;
                }
            }
        }

        bool ongoing = false;
        if (FirstMatch(OngoingPattern, key) is { } ongoingMatch)
        {
            ongoing = true;
            first = Math.Min(first, ongoingMatch.Index);
            spans.Add((ongoingMatch.Index, ongoingMatch.Index + ongoingMatch.Length));
        }

        RelativeSchedule? relative = null;
        if (FirstMatch(CongressPattern, key) is { } congress)
        {
            var timing = new List<RelativeTiming>();
            foreach (string word in congress.Groups["timing"].Value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                RelativeTiming? t = word switch { "trươc" => RelativeTiming.Before, "trong" => RelativeTiming.During, "sau" => RelativeTiming.After, _ => null };
                if (t is { } value && !timing.Contains(value)) timing.Add(value);
            }
            int windowStart = Math.Max(0, congress.Index - 30);
            Match offset = OffsetDays.Match(key, windowStart, Math.Min(key.Length, congress.Index + congress.Length + 20) - windowStart);
            relative = new RelativeSchedule(congress.Groups["event"].Value.Trim(), timing,
                offset.Success ? int.Parse(offset.Groups["n"].Value, CultureInfo.InvariantCulture) : null);
            // Masked from the date search, but left in the title: the congress is what the work is about.
            for (int i = congress.Index; i < congress.Index + congress.Length; i++) masked[i] = ' ';
        }

        DateOnly? start = null, due = null;
        IReadOnlyList<TimeExpression> expressions = DateExpressions.Find(new string(masked), reference);
        var connected = new List<(TimeExpression Expression, string? Connector, int ConnectorIndex)>();
        int previousEnd = 0;
        foreach (TimeExpression expression in expressions)
        {
            var (connector, connectorIndex) = ConnectorBefore(key, previousEnd, expression.Index);
            previousEnd = expression.EndIndex;
            connected.Add((expression, connector, connectorIndex));
        }
        // "báo cáo tổng kết năm 2025 trước ngày 30/11/2025": with a deadline present, a bare period names
        // the subject of the work, not its time.
        bool anyConnector = connected.Any(c => c.Connector is not null and not "within");
        TimeExpression? from = null;
        foreach (var (expression, connector, connectorIndex) in connected)
        {
            if (anyConnector && connector is null && expression.Unit != TimeUnit.Day) continue;
            first = Math.Min(first, connectorIndex >= 0 ? connectorIndex : expression.Index);
            spans.Add((connectorIndex >= 0 ? connectorIndex : expression.Index, expression.EndIndex));
            switch (connector)
            {
                case "from":
                    from = expression;
                    start = Min(start, expression.Start);
                    break;
                case "until" when from is not null:
                    due = Max(due, expression.End);
                    from = null;
                    break;
                case "until" or "by":
                    due = Max(due, expression.End);
                    break;
                case "before":
                    due = Max(due, options.BeforeIsExclusive || expression.Unit != TimeUnit.Day
                        ? expression.Start.AddDays(-1)
                        : expression.Start);
                    break;
                case "after":
                    start = Min(start, expression.End.AddDays(1));
                    break;
                default:
                    // "trong tháng 02/2025", "quý I, II/2025", "đầu tháng 3/2026": a deadline at the end of the
                    // period (the issue lists them as deadlines); only "từ ..." opens a window.
                    due = Max(due, expression.End);
                    break;
            }
        }
        if (start is { } s && due is { } d && d < s) start = null;
        // "báo cáo sơ kết 6 tháng trước ngày 15/6/2025" is one report with a date, not a six-monthly rule.
        if (recurrence is { Frequency: RecurrenceFrequency.Monthly, Interval: 6 } && connected.Any(c => c.Expression.Unit == TimeUnit.Day)) recurrence = null;

        return new Schedule
        {
            Start = start,
            Due = due,
            Recurrence = recurrence,
            Ongoing = ongoing,
            Relative = relative,
            FirstIndex = first == int.MaxValue ? -1 : first,
            Spans = spans,
        };
    }

    private static (string? Name, int Index) ConnectorBefore(string key, int from, int index)
    {
        int windowStart = Math.Max(from, index - 24);
        string window = key[windowStart..index];
        // Only a connector that reaches the expression: "đến ngày 30/3", "trước 01/7", "trong tháng" (the
        // "tháng" belongs to the expression), "từ ngày".
        Match? best = null;
        foreach (Match match in Connector.Matches(window))
        {
            string rest = window[(match.Index + match.Length)..];
            if (Filler.IsMatch(rest))
            {
                best = match;
            }
        }
        if (best is null) return (null, -1);
        foreach (string name in new[] { "from", "until", "before", "by", "within", "after" })
        {
            if (best.Groups[name].Success)
            {
                // "chậm nhất trước ngày X" is still "before"; "hoàn thành trước X" too.
                return (name, windowStart + best.Index);
            }
        }
        return (null, -1);
    }

    private static int Day(Match match, PlanReadingOptions options)
    {
        int day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        bool before = match.Groups["pre"].Value.StartsWith("trươc", StringComparison.Ordinal);
        return before && options.BeforeIsExclusive && day > 1 ? day - 1 : day;
    }

    private static Match? FirstMatch(Regex pattern, string key)
    {
        Match match = pattern.Match(key);
        return match.Success ? match : null;
    }

    private static void Mask(char[] masked, Match match, ref int first, List<(int Start, int End)> spans)
    {
        spans.Add((match.Index, match.Index + match.Length));
        for (int i = match.Index; i < match.Index + match.Length; i++) masked[i] = ' ';
        first = Math.Min(first, match.Index);
    }

    private static DateOnly? Min(DateOnly? a, DateOnly b) => a is { } x && x < b ? x : b;

    private static DateOnly? Max(DateOnly? a, DateOnly b) => a is { } x && x > b ? x : b;
}
