namespace DanY.Domain.Monitoring;

/// <summary>Vietnamese labels of the report parts, counts, states and timeliness.</summary>
public static class MonitoringLabels
{
    public const string GeneralSituation = "Tình hình chung";
    public const string MoodsOverall = "Tư tưởng, tâm trạng các tầng lớp Nhân dân";
    public const string PublicOpinion = "Dư luận xã hội nổi bật, những vấn đề Nhân dân quan tâm";
    public const string ComplicatedCases = "Tình hình phức tạp";
    public const string HandlingResults = "Kết quả nắm, định hướng, giải quyết";
    public const string Forecast = "Dự báo và kiến nghị, đề xuất";

    public const string Complaints = "Đơn thư khiếu nại, tố cáo";
    public const string MassPetitions = "Khiếu kiện đông người";
    public const string Hotspots = "Điểm nóng, nguy cơ điểm nóng";
    public const string HostileContent = "Thông tin xấu độc trên không gian mạng";
    public const string Resolved = "Vụ việc đã giải quyết";

    public static string Of(SocialGroup group) => group switch
    {
        SocialGroup.Workers => "Công nhân, người lao động",
        SocialGroup.Farmers => "Nông dân",
        SocialGroup.Intellectuals => "Trí thức",
        SocialGroup.Business => "Doanh nhân",
        SocialGroup.Youth => "Thanh niên",
        SocialGroup.Women => "Phụ nữ",
        SocialGroup.Veterans => "Cựu chiến binh",
        SocialGroup.EthnicMinorities => "Đồng bào dân tộc thiểu số",
        SocialGroup.Religious => "Đồng bào tôn giáo",
        _ => group.ToString(),
    };

    public static string Of(ReportStatus status) => status switch
    {
        ReportStatus.Draft => "Nháp",
        ReportStatus.Submitted => "Đã gửi",
        ReportStatus.Returned => "Trả lại để sửa",
        ReportStatus.Accepted => "Đã tiếp nhận",
        _ => status.ToString(),
    };

    public static string Of(Timeliness t) => t switch
    {
        Timeliness.OnTime => "Đúng hạn",
        Timeliness.Late => "Chậm",
        Timeliness.Missing => "Chưa nộp",
        Timeliness.Returned => "Bị trả lại",
        Timeliness.Pending => "Chưa đến hạn",
        _ => t.ToString(),
    };
}
