using System.Text.RegularExpressions;
using DanY.Domain.Plans;

namespace DanY.Documents.Plans;

/// <summary>
/// Reads the documents a plan rests on from its opening paragraphs ("Căn cứ ...", "Thực hiện ..."):
/// "Kế hoạch số 171-KH/BDVTW ngày 03/7/2024 của Ban Dân vận Trung ương “về ...”" gives number, date, issuer
/// and subject. Documents named inside a quoted subject are part of that subject, not a basis of this plan.
/// A reference without "của ..." takes the issuer of another reference with the same issuer code.
/// </summary>
public static class BasisParser
{
    private const string Types =
        "chỉ thị|kế hoạch|nghị quyết|quyết định|hướng dẫn|kết luận|công văn|thông báo|thông tri|quy định|chương trình|đề án|nghị định|thông tư|quy chế|điều lệ|văn bản|tờ trình|báo cáo";

    private static readonly Regex Reference = VnText.Rx(
        @"(?<![\p{L}])(?<type>" + Types + @")(?:\s+liên tịch)?(?:\s+số)?\s*:?\s*(?<num>\d{1,5}\s*[-/]\s*[\p{L}\d]+(?:\s*[-/]\s*[\p{L}\d]+)*)" +
        @"(?:\s*,?\s*(?:ban hành\s*)?(?:ngày|ngay)\s*(?<date>\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4}))?" +
        @"(?:\s*,?\s*(?:của|do)\s+(?<issuer>[^""();,.]+?)(?=\s*(?:""|\(|;|,|\.|$|(?<![\p{L}])về(?![\p{L}])|(?<![\p{L}])ngày(?![\p{L}])|v/v|ban hành)))?");

    private static readonly Regex Relation = VnText.Rx(@"(?<![\p{L}])(?<basis>căn cứ|trên cơ sở|theo)(?![\p{L}])|(?<impl>thực hiện|triển khai|thi hành|quán triệt)(?![\p{L}])");
    private static readonly Regex Subject = VnText.Rx(@"^\s*,?\s*(?:về(?:\s+việc)?\s*)?""(?<s>[^""]{3,400})""");

    public static IReadOnlyList<PlanReference> Read(IEnumerable<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var references = new List<PlanReference>();
        foreach (string paragraph in paragraphs)
        {
            string key = VnText.Key(paragraph);
            var quoted = QuotedRanges(key);
            foreach (Match match in Reference.Matches(key))
            {
                if (quoted.Any(q => match.Index > q.Start && match.Index < q.End)) continue;
                string? number = DocumentNumber.Normalize(paragraph.Substring(match.Groups["num"].Index, match.Groups["num"].Length));
                if (number is null || references.Any(r => r.Number == number)) continue;
                DateOnly? date = match.Groups["date"].Success
                    ? DateExpressions.FirstDate("ngày " + paragraph.Substring(match.Groups["date"].Index, match.Groups["date"].Length))
                    : null;
                string? issuer = match.Groups["issuer"].Success
                    ? paragraph.Substring(match.Groups["issuer"].Index, match.Groups["issuer"].Length).Trim()
                    : null;
                if (string.IsNullOrEmpty(issuer)) issuer = null;
                string? subject = null;
                if (Subject.Match(key[(match.Index + match.Length)..]) is { Success: true } s)
                {
                    int at = match.Index + match.Length + s.Groups["s"].Index;
                    subject = paragraph.Substring(at, s.Groups["s"].Length).Trim();
                }
                string type = paragraph.Substring(match.Groups["type"].Index, match.Groups["type"].Length);
                references.Add(new PlanReference
                {
                    DocumentType = char.ToUpperInvariant(type[0]) + type[1..],
                    Number = number,
                    Date = date,
                    Issuer = issuer,
                    Subject = subject,
                    Relation = RelationBefore(key, match.Index),
                });
            }
        }
        // "Kế hoạch số 211-KH/QU, ngày 15/3/2024 về ..." after "... 238-KH/QU ... của Quận ủy": same issuer code.
        for (int i = 0; i < references.Count; i++)
        {
            if (references[i].Issuer is not null) continue;
            string? code = DocumentNumber.IssuerCode(references[i].Number);
            PlanReference? same = references.FirstOrDefault(r => r.Issuer is not null && DocumentNumber.IssuerCode(r.Number) == code);
            if (same is not null) references[i] = references[i] with { Issuer = same.Issuer };
        }
        return references;
    }

    private static ReferenceRelation RelationBefore(string key, int index)
    {
        ReferenceRelation relation = ReferenceRelation.Basis;
        foreach (Match match in Relation.Matches(key[..index]))
        {
            relation = match.Groups["impl"].Success ? ReferenceRelation.Implements : ReferenceRelation.Basis;
        }
        return relation;
    }

    private static List<(int Start, int End)> QuotedRanges(string key)
    {
        var ranges = new List<(int, int)>();
        int open = -1;
        for (int i = 0; i < key.Length; i++)
        {
            if (key[i] != '"') continue;
            if (open < 0) open = i;
            else
            {
                ranges.Add((open, i));
                open = -1;
            }
        }
        return ranges;
    }
}
