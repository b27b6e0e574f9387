using System.Text.RegularExpressions;
using DanY.Domain.Plans;

namespace DanY.Documents.Plans;

/// <summary>
/// The kind of an obligation from its verbs, most specific deliverable first: a report ("báo cáo", but not
/// the Political Report "Báo cáo chính trị" or a draft report under discussion), else a conference
/// ("hội nghị", "hội thảo", "tọa đàm"), a consultation ("lấy ý kiến", "góp ý", "xin ý kiến", "phản biện"),
/// a plan ("xây dựng/ban hành kế hoạch"), whichever of these three comes first, else a task.
/// </summary>
public static class KindClassifier
{
    private static readonly Regex Report = VnText.Rx(@"(?<!dự thảo\s(?:các\s)?)(?<![\p{L}])báo cáo(?!\s*(?:chính trị|viên|tổng kết\s*\d|tổng kết một số|của ban chấp hành))(?![\p{L}])");
    private static readonly Regex Conference = VnText.Rx(@"(?<![\p{L}])(?:hội nghị|hội thảo|tọa đàm|toạ đàm)(?![\p{L}])");
    private static readonly Regex Consultation = VnText.Rx(@"(?<![\p{L}])(?:lấy ý kiến|góp ý|xin ý kiến|tổng hợp ý kiến|phản biện|ý kiến góp ý)(?![\p{L}])");
    private static readonly Regex PlanWork = VnText.Rx(@"(?<![\p{L}])(?:xây dựng|ban hành|lập|cụ thể hóa(?:\s+bằng)?)\s+(?:các\s+|chương trình,\s*)?(?:kế hoạch|chương trình hành động)(?![\p{L}])");

    public static ObligationKind Classify(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Report.IsMatch(key)) return ObligationKind.Report;
        // Otherwise the first of them: "ban hành Kế hoạch ... tổng hợp ý kiến góp ý" is a plan,
        // "tổ chức hội nghị lấy ý kiến" a conference.
        (ObligationKind Kind, int Index) first = (ObligationKind.Task, int.MaxValue);
        foreach (var (pattern, kind) in new[] { (Conference, ObligationKind.Conference), (Consultation, ObligationKind.Consultation), (PlanWork, ObligationKind.Plan) })
        {
            Match match = pattern.Match(key);
            if (match.Success && match.Index < first.Index) first = (kind, match.Index);
        }
        return first.Kind;
    }
}
