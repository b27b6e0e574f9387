using System.Text.RegularExpressions;

namespace DanY.Documents.Plans;

/// <summary>Units named in a clause: who leads, who supports, to whom and through whom it is sent.</summary>
public sealed record UnitRoles(IReadOnlyList<string> Lead, IReadOnlyList<string> Support, IReadOnlyList<string> Recipients, IReadOnlyList<string> Via)
{
    public static UnitRoles Empty { get; } = new([], [], [], []);
}

/// <summary>
/// Reads unit names from clean text by the words that introduce them ("Giao X chủ trì, phối hợp với Y",
/// "Đề nghị X ...", "X chủ trì", "do X chủ trì", "báo cáo về X qua Y", "gửi về X") and the verbs that end
/// them. A unit phrase must start with a unit noun (Ban, Văn phòng, Ủy ban, MTTQ, Liên đoàn, Công đoàn,
/// Hội, Đảng ủy, Khối, Thường trực, các tổ chức, ...); a list is split at commas and "và" only when every
/// part starts with one, so "Khối Dân vận các xã, thị trấn" and "Ban Tuyên giáo và Dân vận" stay whole.
/// </summary>
public static class UnitParser
{
    private const string UnitNoun =
        @"(?:các\s+)?(?:ban|văn phòng|ủy ban|ub|ubnd|ubmttq|mttq|mặt trận|liên đoàn|lđlđ|công đoàn|cđcs|cđ|hội(?!\s+(?:nghị|thảo|viên|đồng))|đoàn(?!\s+(?:viên|kết|thể dục))|tỉnh đoàn|thành đoàn|huyện đoàn|đảng ủy|đảng đoàn|đảng bộ|huyện ủy|tỉnh ủy|quận ủy|thành ủy|thị ủy|chi bộ|khối|thường trực|tổ chức|cơ quan|đơn vị|đoàn thể|phòng|sở(?!\s+kết)|trung tâm|cấp ủy|tổ|tiểu ban|bộ|công an|quân sự|trường|hđnd|tthđnd|bch|btv|lãnh đạo|bí thư|chủ tịch|xã|phường|địa phương|cán bộ|đồng chí)(?![\p{L}\d])";

    // Words that end a unit phrase: the verbs of plans and the linking words around a recipient.
    private const string Stop =
        @"(?:chủ trì|phối hợp|theo dõi|triển khai|tổ chức(?!\s+(?:chính trị|cơ sở|thành viên|công đoàn|đoàn|hội|đảng))|xây dựng|ban hành|tham mưu|báo cáo|tổng hợp|chỉ đạo|hướng dẫn|thực hiện|chuẩn bị|gửi|nắm|quán triệt|tuyên truyền|kiểm tra|đôn đốc|có trách nhiệm|chịu trách nhiệm|lấy ý kiến|phát huy|đẩy mạnh|tiếp tục|giúp|bố trí|phân công|cử|tập hợp|công bố|đưa|bảo đảm|đảm bảo|thảo luận|sẽ|chủ động|tăng cường|nghiên cứu|đề xuất|cung cấp|lựa chọn|rà soát|thống kê|vận động|tiếp nhận|giám sát|căn cứ|theo chức năng|yêu cầu|hoàn thành|cập nhật|đăng tải|phổ biến|biên soạn|phát hành|tiến hành|nắm bắt|tiếp thu|định kỳ|thường xuyên|vào ngày|trước|hàng tháng|hằng tháng|hàng quý|hằng quý|qua|để|vào|theo|chậm nhất|trong|trên cơ sở|về việc|kịp thời|đầy đủ|đúng|nghiêm túc|khi|sau|từ|đến|bằng|tại|với|cùng|(?:đầu|giữa|cuối)\s+(?:tháng|năm|quý)|tháng|ngày|quý\s+(?:i|ii|iii|iv|\d)|năm\s+\d|kịp thời)(?![\p{L}\d])";

    private static readonly Regex UnitStart = VnText.Rx(@"^\s*" + UnitNoun);
    private static readonly Regex StopWord = VnText.Rx(@"(?<![\p{L}\d])" + Stop);
    private static readonly Regex Given = VnText.Rx(@"(?<![\p{L}\d])(?<!tuyên\s)(?:giao(?:\s+cho)?|đề nghị|yêu cầu|phân công)\s+(?=" + UnitNoun + ")");
    private static readonly Regex LeadVerb = VnText.Rx(@"(?<![\p{L}\d])(?:chủ trì|làm đầu mối|là cơ quan thường trực)(?![\p{L}\d])");
    private static readonly Regex ByUnit = VnText.Rx(@"(?<![\p{L}\d])do\s+(?=" + UnitNoun + ")");
    private static readonly Regex SupportWith = VnText.Rx(@"(?<![\p{L}\d])phối hợp(?:\s+(?:chặt chẽ|với|cùng))*\s+(?=" + UnitNoun + ")");
    private static readonly Regex SendTo = VnText.Rx(@"(?<![\p{L}\d])(?:báo cáo|gửi|gửi báo cáo|gửi kết quả|gửi về)(?:\s+[^\s;.]+){0,10}?\s+(?:về|cho|lên|đến|tới)\s+(?=" + UnitNoun + @")|(?<![\p{L}\d])(?:báo cáo|gửi|gửi về)\s+(?=" + UnitNoun + ")");
    private static readonly Regex Through = VnText.Rx(@"(?<![\p{L}\d])(?:qua|thông qua)\s+(?=" + UnitNoun + ")");
    private static readonly Regex ListSplit = VnText.Rx(@"\s*(?:,|;|\s+và\s+)\s*");
    private static readonly Regex LeadingFiller = VnText.Rx(@"^\s*(?:căn cứ kế hoạch này\s*,\s*|trên cơ sở[^,]*,\s*|theo chức năng, nhiệm vụ\s*,?\s*|(?:định kỳ|hàng|hằng|mỗi|vào|trước|chậm nhất)[^,]{0,30},\s*)");

    /// <summary>Whether the text begins with a unit noun ("Ban Thường vụ Quận ủy", "UBND quận", "Các tổ chức cơ sở đảng").</summary>
    public static bool StartsWithUnit(string clean) => UnitStart.IsMatch(VnText.Key(clean));

    /// <summary>A heading that is only a unit name ("1. Ban Thường vụ Quận ủy", "3. UBND quận"), or null.</summary>
    public static string? HeadingUnit(string clean)
    {
        string key = VnText.Key(clean);
        if (!UnitStart.IsMatch(key)) return null;
        Match stop = StopWord.Match(key);
        return stop.Success ? null : Trim(clean);
    }

    public static UnitRoles Read(string clean)
    {
        ArgumentNullException.ThrowIfNull(clean);
        string key = VnText.Key(clean);
        var lead = new List<string>();
        var support = new List<string>();
        var recipients = new List<string>();
        var via = new List<string>();

        // "Giao X ...", "Đề nghị X ...".
        if (Given.Match(key) is { Success: true } given)
        {
            lead.AddRange(UnitsAt(clean, key, given.Index + given.Length));
        }
        // "do X chủ trì".
        if (lead.Count == 0 && ByUnit.Match(key) is { Success: true } by && LeadVerb.IsMatch(key))
        {
            lead.AddRange(UnitsAt(clean, key, by.Index + by.Length));
        }
        // "X chủ trì ..." or "X triển khai ...": the subject at the start of the clause.
        if (lead.Count == 0)
        {
            Match filler = LeadingFiller.Match(key);
            int at = filler.Success ? filler.Length : 0;
            if (UnitStart.IsMatch(key[at..]))
            {
                int end = UnitEnd(key, at);
                if (end < key.Length) lead.AddRange(Split(clean, key, at, end));
            }
        }
        foreach (Match match in SupportWith.Matches(key))
        {
            foreach (string unit in UnitsAt(clean, key, match.Index + match.Length))
            {
                if (!support.Contains(unit, StringComparer.Ordinal)) support.Add(unit);
            }
        }
        foreach (Match match in SendTo.Matches(key))
        {
            // A recipient is named: "Ban ...", "Thường trực ...", "các ..."; "báo cáo sơ kết" is not one.
            int at = match.Index + match.Length;
            if (at < clean.Length && char.IsLower(clean[at]) && !key[at..].StartsWith("cac ", StringComparison.Ordinal)) continue;
            foreach (string unit in UnitsAt(clean, key, at))
            {
                if (!recipients.Contains(unit, StringComparer.Ordinal)) recipients.Add(unit);
            }
        }
        foreach (Match match in Through.Matches(key))
        {
            foreach (string unit in UnitsAt(clean, key, match.Index + match.Length))
            {
                if (!via.Contains(unit, StringComparer.Ordinal)) via.Add(unit);
            }
        }
        return new UnitRoles(lead, support, recipients, via);
    }

    /// <summary>Splits a list of unit names ("Ban Dân vận Tỉnh ủy, Thường trực Huyện ủy") when every part is a unit.</summary>
    public static IReadOnlyList<string> SplitList(string clean)
    {
        string key = VnText.Key(clean);
        return Split(clean, key, 0, key.Length);
    }

    private static IReadOnlyList<string> UnitsAt(string clean, string key, int start)
    {
        int end = UnitEnd(key, start);
        return end > start ? Split(clean, key, start, end) : [];
    }

    private static int UnitEnd(string key, int start)
    {
        int end = key.Length;
        Match stop = StopWord.Match(key, start);
        if (stop.Success) end = stop.Index;
        foreach (char terminator in ".:;()\"")
        {
            int at = key.IndexOf(terminator, start);
            if (at >= 0 && at < end) end = at;
        }
        // A unit name is short; a long run without a verb is prose, not a name.
        return end - start > 160 ? start : end;
    }

    private static IReadOnlyList<string> Split(string clean, string key, int start, int end)
    {
        string whole = Trim(clean[start..end]);
        if (whole.Length == 0) return [];
        string wholeKey = VnText.Key(whole);
        var parts = new List<string>();
        int last = 0;
        foreach (Match separator in ListSplit.Matches(wholeKey))
        {
            parts.Add(whole[last..separator.Index]);
            last = separator.Index + separator.Length;
        }
        parts.Add(whole[last..]);
        parts = parts.Select(Trim).Where(p => p.Length > 0).ToList();
        // "Ban Dân vận các huyện ủy, thị ủy, thành ủy": lower-case parts qualify the first; "và các đoàn thể" is a unit.
        bool units = parts.Skip(1).All(p => !char.IsLower(p[0]) || VnText.Key(p).StartsWith("cac ", StringComparison.Ordinal));
        if (parts.Count > 1 && units && parts.All(p => UnitStart.IsMatch(VnText.Key(p)))) return parts;
        return [whole];
    }

    private static string Trim(string text) => text.Trim().Trim(',', ';', ':', '.', '-', ' ', '(', ')').Trim();
}
