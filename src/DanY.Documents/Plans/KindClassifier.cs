using System.Text.RegularExpressions;
using DanY.Domain.Plans;

namespace DanY.Documents.Plans;

/// <summary>
/// The kind of an obligation from its verbs, most specific deliverable first: a report ("báo cáo", but not
/// the Political Report "Báo cáo chính trị" or a draft report under discussion), then a conference
/// ("hội nghị", "hội thảo", "tọa đàm"), a consultation ("lấy ý kiến", "góp ý", "xin ý kiến", "phản biện"),
/// a plan ("xây dựng/ban hành kế hoạch"), else a task.
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
        if (Conference.IsMatch(key)) return ObligationKind.Conference;
        if (Consultation.IsMatch(key)) return ObligationKind.Consultation;
        if (PlanWork.IsMatch(key)) return ObligationKind.Plan;
        return ObligationKind.Task;
    }
}
