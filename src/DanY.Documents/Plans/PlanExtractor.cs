using System.Text.RegularExpressions;
using DanY.Domain.Plans;

namespace DanY.Documents.Plans;

/// <summary>
/// Reads a plan from its lines, whatever their source: zones (<see cref="PlanLayout"/>), header
/// (<see cref="HeaderParser"/>), basis (<see cref="BasisParser"/>), recipients (<see cref="RecipientsParser"/>)
/// and, in the parts that ask for work, obligations: each sentence is cut into clauses at ";", a clause that
/// is plain work without a time is folded into the next, and each clause gets a kind
/// (<see cref="KindClassifier"/>), a schedule (<see cref="ScheduleParser"/>) and units (<see cref="UnitParser"/>),
/// falling back to what its heading says ("1. Ban Thường vụ Quận ủy", "1.1. Hội nghị do ... chủ trì").
/// The parts on aims and requirements (MỤC ĐÍCH, YÊU CẦU) and the closing "Trên đây là ..." give none.
/// </summary>
public static class PlanExtractor
{
    private static readonly Regex NonActionSection = VnText.Rx(@"mục đích|yêu cầu|mục tiêu|chỉ tiêu|quan điểm|đánh giá|kết quả đạt được|bối cảnh|tình hình");
    private static readonly Regex ActionSection = VnText.Rx(@"nội dung|nhiệm vụ|giải pháp|tổ chức thực hiện|thời gian|tiến độ|phân công|chế độ|báo cáo|hội nghị|lấy ý kiến");
    private static readonly Regex Closing = VnText.Rx(@"^(?:trên đây là|nơi nhận)");
    private static readonly Regex IssuerSentence = VnText.Rx(@"(?:ban hành|xây dựng|triển khai|đề ra|lập)\s+(?:bản\s+)?(?:kế hoạch|chương trình|hướng dẫn)|(?:triển khai|tổ chức) thực hiện\s+(?:cụ thể\s+)?như sau");
    private static readonly Regex Label = VnText.Rx(
        @"^(?<label>thời gian(?:\s+(?:thực hiện|hoàn thành|tổ chức))?|thời hạn(?:\s+hoàn thành)?|tiến độ(?:\s+thực hiện)?|(?:đơn vị|cơ quan)\s+(?:chủ trì|thực hiện|phụ trách)|chủ trì|thực hiện|trách nhiệm|(?:đơn vị|cơ quan)\s+phối hợp|phối hợp)\s*:\s*(?<value>.+)$");
    private static readonly Regex TimeLead = VnText.Rx(@"^thời (?:gian|hạn)(?![\p{L}])");
    private static readonly Regex SentenceEnd = new(@"(?<=[.!?])\s+(?=[\p{Lu}\d""“(])|(?<=\./\.)\s*", RegexOptions.CultureInvariant);
    private static readonly Regex Abbreviation = new(@"(?:^|\s)(?:TP|Tp|TX|TT|ThS|TS|PGS|GS|Q|P|v\.v)\.$", RegexOptions.CultureInvariant);
    private static readonly Regex TrailingFiller = VnText.Rx(@"(?:[\s,;:.\-]|(?<![\p{L}])(?:thực hiện|hoàn thành|bắt đầu|vào|từ|trong|là|chậm nhất|trước|đến|ngày|thời gian|định kỳ|và)(?![\p{L}]))+$");
    private static readonly Regex LeadingFiller = VnText.Rx(@"^(?:[\s,;:\-]|(?<![\p{L}])(?:thực hiện|hoàn thành|bắt đầu|vào|từ|trong|là|và|được)(?![\p{L}]))+");
    private static readonly Regex TitleSpaces = new(@"\s{2,}", RegexOptions.CultureInvariant);
    private static readonly Regex SpaceBeforePunctuation = new(@"\s+([,;:.])", RegexOptions.CultureInvariant);
    private static readonly Regex RepeatedPunctuation = new(@"([,;:.])(?:\s*[,;:.])+", RegexOptions.CultureInvariant);
    private static readonly Regex TableHeaderContent = VnText.Rx(@"nội dung|công việc|nhiệm vụ|hoạt động");
    private static readonly Regex TableHeaderLead = VnText.Rx(@"chủ trì|thực hiện|phụ trách|đơn vị|trách nhiệm");
    private static readonly Regex TableHeaderSupport = VnText.Rx(@"phối hợp");
    private static readonly Regex TableHeaderTime = VnText.Rx(@"thời gian|thời hạn|tiến độ");

    /// <summary>Reads a plan from any source's lines.</summary>
    public static Plan Extract(IReadOnlyList<SourceLine> lines, PlanReadingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        options ??= PlanReadingOptions.Default;
        PlanZones zones = PlanLayout.Split(lines);
        PlanHeader header = HeaderParser.Read(zones.Header);

        int firstSection = IndexOf(zones.Body, b => b.IsSection);
        int preambleEnd = firstSection >= 0 ? firstSection : IndexOf(zones.Body, b => b.IsHeading || b.Marker is not null);
        if (preambleEnd < 0) preambleEnd = Math.Min(zones.Body.Count, 3);
        var preamble = zones.Body.Take(preambleEnd).Select(b => b.Text).ToList();
        IReadOnlyList<PlanReference> basis = BasisParser.Read(preamble);

        string? issuer = header.Issuer ?? IssuerFromPreamble(preamble);
        // A header that lost its table may leave "Số ..." and "Hà Nội, ngày ..." among the first paragraphs.
        string? number = header.Number ?? preamble.Where(p => PlanLayout.NumberLine.IsMatch(VnText.Key(p))).Select(DocumentNumber.Normalize).FirstOrDefault(n => n is not null);
        DateOnly? date = header.Date ?? preamble.Where(p => p.Length < 90 && PlanLayout.PlaceDate.IsMatch(VnText.Key(p))).Select(DateExpressions.FirstDate).FirstOrDefault(d => d is not null);
        DateOnly? reference = date ?? basis.Where(b => b.Date is not null).Select(b => b.Date).Max();

        var obligations = ReadObligations(zones.Body.Skip(preambleEnd).ToList(), firstSection >= 0, reference, options);
        return new Plan
        {
            Number = number,
            Date = date,
            Issuer = issuer,
            SuperiorBody = header.SuperiorBody,
            Title = zones.Title,
            Basis = basis,
            Obligations = obligations,
            Recipients = RecipientsParser.Read(zones.Recipients),
        };
    }

    /// <summary>"..., Ban Thường vụ Huyện ủy ban hành kế hoạch thực hiện như sau:" → "BAN THƯỜNG VỤ HUYỆN ỦY".</summary>
    private static string? IssuerFromPreamble(IReadOnlyList<string> preamble)
    {
        foreach (string paragraph in preamble.Reverse())
        {
            string key = VnText.Key(paragraph);
            foreach (Match match in IssuerSentence.Matches(key))
            {
                int from = key.LastIndexOfAny([',', ';', '"', ':'], Math.Max(0, match.Index - 1)) + 1;
                string candidate = paragraph[from..match.Index].Trim();
                if (candidate.Length is > 2 and < 120 && UnitParser.StartsWithUnit(candidate))
                {
                    return candidate.ToUpperInvariant();
                }
            }
        }
        return null;
    }

    private static List<Obligation> ReadObligations(IReadOnlyList<Block> blocks, bool hasSections, DateOnly? reference, PlanReadingOptions options)
    {
        var obligations = new List<Obligation>();
        bool active = !hasSections;
        var headings = new SortedDictionary<int, Block>();
        int sinceHeading = 0;
        int[]? tableColumns = null;

        foreach (Block block in blocks)
        {
            if (block.IsSection)
            {
                string key = VnText.Key(block.Text);
                active = ActionSection.IsMatch(key) || !NonActionSection.IsMatch(key);
                headings.Clear();
                tableColumns = null;
                continue;
            }
            if (!active) continue;

            if (block.Cells is { } cells)
            {
                if (TableColumns(cells) is { } columns)
                {
                    tableColumns = columns;
                    continue;
                }
                if (tableColumns is not null && FromTableRow(cells, tableColumns, reference, options) is { } row) obligations.Add(row);
                continue;
            }
            tableColumns = null;

            if (block.IsHeading)
            {
                Schedule headingSchedule = ScheduleParser.Parse(VnText.Key(block.Text), reference, options);
                if (headingSchedule.Due is null && headingSchedule.Recurrence is null)
                {
                    foreach (int deeper in headings.Keys.Where(k => k >= block.Level).ToList()) headings.Remove(deeper);
                    headings[block.Level] = block;
                    sinceHeading = obligations.Count;
                    continue;
                }
            }

            Match label = Label.Match(VnText.Key(block.Text));
            if (label.Success)
            {
                ApplyLabel(obligations, block, label, headings, sinceHeading, reference, options);
                continue;
            }

            foreach (string sentence in Sentences(block.Text))
            {
                if (Closing.IsMatch(VnText.Key(sentence))) continue;
                obligations.AddRange(FromSentence(sentence, headings, reference, options));
            }
        }
        return obligations;
    }

    private static IEnumerable<Obligation> FromSentence(string sentence, SortedDictionary<int, Block> headings, DateOnly? reference, PlanReadingOptions options)
    {
        var clauses = Clauses(sentence)
            .Select(c => (Text: c, Key: VnText.Key(c)))
            .Select(c => (c.Text, c.Key, Kind: KindClassifier.Classify(c.Key), Schedule: ScheduleParser.Parse(c.Key, reference, options)))
            .ToList();
        // Plain work without a time folds into the clause after it: "Giao X chủ trì ... triển khai Kế hoạch;
        // theo dõi ... vào ngày 15 hàng tháng, báo cáo ..." is one monthly report led by X.
        for (int i = clauses.Count - 2; i >= 0; i--)
        {
            if (clauses[i].Kind == ObligationKind.Task && clauses[i].Schedule.IsEmpty)
            {
                string text = clauses[i].Text + "; " + clauses[i + 1].Text;
                clauses[i + 1] = (text, VnText.Key(text), clauses[i + 1].Kind, clauses[i + 1].Schedule);
                clauses.RemoveAt(i);
            }
        }
        if (clauses.Count > 1 && clauses[^1].Kind == ObligationKind.Task && clauses[^1].Schedule.IsEmpty)
        {
            string text = clauses[^2].Text + "; " + clauses[^1].Text;
            clauses[^2] = (text, VnText.Key(text), clauses[^2].Kind, clauses[^2].Schedule);
            clauses.RemoveAt(clauses.Count - 1);
        }

        UnitRoles sentenceUnits = UnitParser.Read(sentence);
        var (headingLead, headingKind, headingTitle) = Context(headings);
        foreach (var clause in clauses)
        {
            Schedule schedule = ScheduleParser.Parse(clause.Key, reference, options);
            UnitRoles units = UnitParser.Read(clause.Text);
            ObligationKind kind = clause.Kind;
            // Plain work under "2. Tổ chức hội nghị lấy ý kiến ..." is part of that conference.
            if (kind == ObligationKind.Task && headingKind is { } hint) kind = hint;
            IReadOnlyList<string> lead = units.Lead.Count > 0 ? units.Lead : sentenceUnits.Lead.Count > 0 ? sentenceUnits.Lead : headingLead;
            yield return new Obligation
            {
                Kind = kind,
                Title = Title(clause.Text, schedule, headingTitle),
                Start = schedule.Start,
                Due = schedule.Due,
                Recurrence = schedule.Recurrence,
                Ongoing = schedule.Ongoing,
                Relative = schedule.Relative,
                Lead = lead,
                Support = units.Support.Count > 0 ? units.Support : sentenceUnits.Support,
                Recipients = units.Recipients,
                Via = units.Via,
                Source = sentence,
            };
        }
    }

    /// <summary>"- Thời gian: Tháng 9/2024", "- Chủ trì: Ban Thường trực" under a task: fill in that task.</summary>
    private static void ApplyLabel(List<Obligation> obligations, Block block, Match label, SortedDictionary<int, Block> headings,
        int sinceHeading, DateOnly? reference, PlanReadingOptions options)
    {
        string name = label.Groups["label"].Value;
        string value = block.Text.Substring(label.Groups["value"].Index, label.Groups["value"].Length).Trim();
        Obligation target;
        if (obligations.Count > sinceHeading)
        {
            target = obligations[^1];
            obligations.RemoveAt(obligations.Count - 1);
        }
        else
        {
            var (headingLead, headingKind, headingTitle) = Context(headings);
            if (headingTitle is null) return;
            target = new Obligation
            {
                Kind = headingKind ?? ObligationKind.Task,
                Title = headingTitle,
                Lead = headingLead,
                Source = headingTitle,
            };
        }
        string source = target.Source + " " + (block.Marker is null ? "" : block.Marker + " ") + block.Text;
        if (name.StartsWith("thơi", StringComparison.Ordinal) || name.StartsWith("tiên đô", StringComparison.Ordinal))
        {
            Schedule schedule = ScheduleParser.Parse(VnText.Key(value), reference, options);
            target = target with
            {
                Start = schedule.Start ?? target.Start,
                Due = schedule.Due ?? target.Due,
                Recurrence = schedule.Recurrence ?? target.Recurrence,
                Ongoing = target.Ongoing || schedule.Ongoing || VnText.Key(value).StartsWith("liên tuc", StringComparison.Ordinal),
                Relative = schedule.Relative ?? target.Relative,
                Source = source,
            };
        }
        else
        {
            IReadOnlyList<string> units = UnitParser.SplitList(value.TrimEnd('.', ';'));
            target = name.Contains("phôi hơp", StringComparison.Ordinal)
                ? target with { Support = units, Source = source }
                : target with { Lead = units, Source = source };
        }
        obligations.Add(target);
    }

    private static Obligation? FromTableRow(IReadOnlyList<string> cells, int[] columns, DateOnly? reference, PlanReadingOptions options)
    {
        string Cell(int i) => i >= 0 && i < cells.Count ? cells[i].Replace('\n', ' ').Trim() : "";
        string content = Cell(columns[0]);
        if (content.Length < 4) return null;
        string time = Cell(columns[3]);
        Schedule schedule = ScheduleParser.Parse(VnText.Key(time.Length > 0 ? time : content), reference, options);
        string lead = Cell(columns[1]), support = Cell(columns[2]);
        return new Obligation
        {
            Kind = KindClassifier.Classify(VnText.Key(content)),
            Title = Shorten(content),
            Start = schedule.Start,
            Due = schedule.Due,
            Recurrence = schedule.Recurrence,
            Ongoing = schedule.Ongoing || VnText.Key(time).StartsWith("liên tuc", StringComparison.Ordinal),
            Relative = schedule.Relative,
            Lead = lead.Length > 0 ? UnitParser.SplitList(lead) : [],
            Support = support.Length > 0 ? UnitParser.SplitList(support) : [],
            Recipients = UnitParser.Read(content).Recipients,
            Source = string.Join(" | ", cells.Select(c => c.Replace('\n', ' ').Trim()).Where(c => c.Length > 0)),
        };
    }

    /// <summary>Column indices (content, lead, support, time) when the row is the header of a task table.</summary>
    private static int[]? TableColumns(IReadOnlyList<string> cells)
    {
        var keys = cells.Select(c => VnText.Key(c)).ToList();
        int content = keys.FindIndex(k => TableHeaderContent.IsMatch(k));
        int time = keys.FindIndex(k => TableHeaderTime.IsMatch(k));
        int support = keys.FindIndex(k => TableHeaderSupport.IsMatch(k) && k.Length < 40);
        int lead = keys.FindIndex(k => TableHeaderLead.IsMatch(k) && !TableHeaderSupport.IsMatch(k) && k.Length < 40);
        if (content < 0 || (time < 0 && lead < 0) || keys.Any(k => k.Length > 60)) return null;
        return [content, lead, support, time];
    }

    private static (IReadOnlyList<string> Lead, ObligationKind? Kind, string? Title) Context(SortedDictionary<int, Block> headings)
    {
        IReadOnlyList<string> lead = [];
        ObligationKind? kind = null;
        string? title = null;
        foreach (Block heading in headings.Values)
        {
            title = heading.Text;
            if (UnitParser.HeadingUnit(heading.Text) is { } unit) lead = [unit];
            else if (UnitParser.Read(heading.Text).Lead is { Count: > 0 } named) lead = named;
            ObligationKind headingKind = KindClassifier.Classify(VnText.Key(heading.Text));
            if (headingKind != ObligationKind.Task) kind = headingKind;
        }
        return (lead, kind, title);
    }

    /// <summary>The clause without its time phrases, lead-in ("Thời gian") and trailing link words.</summary>
    private static string Title(string clause, Schedule schedule, string? headingTitle)
    {
        var kept = clause.ToCharArray();
        foreach (var (from, to) in schedule.Spans)
        {
            for (int i = from; i < to && i < kept.Length; i++) kept[i] = '\u0001';
        }
        string text = TitleSpaces.Replace(new string(kept).Replace("\u0001", " ", StringComparison.Ordinal), " ");
        text = SpaceBeforePunctuation.Replace(text, "$1");
        text = RepeatedPunctuation.Replace(text, "$1").Trim();
        for (int round = 0; round < 3; round++)
        {
            string key = VnText.Key(text);
            if (TimeLead.Match(key) is { Success: true } lead) text = text[lead.Length..].Trim();
            key = VnText.Key(text);
            if (LeadingFiller.Match(key) is { Success: true, Length: > 0 } leading) text = text[leading.Length..].Trim();
            key = VnText.Key(text);
            if (TrailingFiller.Match(key) is { Success: true, Length: > 0 } trailing) text = text[..trailing.Index].Trim();
        }
        text = text.Trim('.', ';', ',', ':', ' ', '-');
        if (text.Length < 8) text = headingTitle ?? clause;
        return Shorten(char.ToUpperInvariant(text[0]) + text[1..]);
    }

    private static string Shorten(string text)
    {
        const int Max = 200;
        if (text.Length <= Max) return text;
        int cut = text.LastIndexOf(' ', Max);
        return text[..(cut > 100 ? cut : Max)].TrimEnd(',', ';', ' ') + "…";
    }

    /// <summary>Sentences of a paragraph; "TP. Hồ Chí Minh" does not end one.</summary>
    public static IEnumerable<string> Sentences(string paragraph)
    {
        int start = 0;
        foreach (Match end in SentenceEnd.Matches(paragraph))
        {
            string candidate = paragraph[start..end.Index];
            if (Abbreviation.IsMatch(candidate)) continue;
            if (candidate.Trim().Length > 0) yield return candidate.Trim();
            start = end.Index + end.Length;
        }
        string rest = paragraph[start..].Trim();
        if (rest.Length > 0) yield return rest;
    }

    /// <summary>Clauses of a sentence, cut at ";" outside quotes and brackets.</summary>
    public static List<string> Clauses(string sentence)
    {
        var clauses = new List<string>();
        int depth = 0, start = 0;
        bool quoted = false;
        for (int i = 0; i < sentence.Length; i++)
        {
            char c = sentence[i];
            if (c is '“' or '”' or '"') quoted = c == '“' || (c == '"' && !quoted);
            if (c == '”') quoted = false;
            if (c == '(') depth++;
            if (c == ')' && depth > 0) depth--;
            if (c == ';' && depth == 0 && !quoted)
            {
                if (sentence[start..i].Trim().Length > 0) clauses.Add(sentence[start..i].Trim());
                start = i + 1;
            }
        }
        if (sentence[start..].Trim().Length > 0) clauses.Add(sentence[start..].Trim());
        return clauses;
    }

    private static int IndexOf(IReadOnlyList<Block> blocks, Func<Block, bool> predicate)
    {
        for (int i = 0; i < blocks.Count; i++) if (predicate(blocks[i])) return i;
        return -1;
    }
}
