using DanY.Documents.Reports;

namespace DanY.Documents.Tests.Reports;

/// <summary>Two reports as staff would produce them: a Party synthesis report and a union situation report.</summary>
internal static class SampleReports
{
    public static ReportDocument PartySynthesis(bool withChart = true) => new()
    {
        System = DocumentSystem.Party,
        SuperiorBody = "Đảng bộ tỉnh Quảng Ninh",
        IssuingBody = "Đảng ủy xã Đông Tiến",
        Number = "15-BC/ĐU",
        Place = "Đông Tiến",
        Date = new DateOnly(2026, 2, 5),
        Summary = "tổng hợp ý kiến góp ý vào dự thảo các văn kiện trình Đại hội đại biểu Đảng bộ tỉnh lần thứ XVI",
        Body =
        [
            new ReportParagraph("Thực hiện Kế hoạch số 57-KH/TU ngày 10/10/2025 của Ban Thường vụ Tỉnh ủy về tổ chức lấy ý kiến góp ý vào dự thảo các văn kiện, Ban Thường vụ Đảng ủy xã báo cáo kết quả như sau:"),
            new ReportHeading(1, "Tình hình tổ chức lấy ý kiến"),
            new ReportHeading(2, "Công tác tuyên truyền, quán triệt"),
            new ReportParagraph("Đảng ủy đã tổ chức 12 hội nghị với 1.245 lượt cán bộ, đảng viên và Nhân dân tham dự; đăng tải toàn văn dự thảo trên cổng thông tin điện tử của xã."),
            new ReportHeading(2, "Số lượng ý kiến"),
            new ReportTable(
                ["Kênh tiếp nhận", "Số ý kiến", "Tỷ lệ (%)"],
                [["Hội nghị", "1.832", "61,2"], ["Trực tuyến", "904", "30,2"], ["Văn bản, thư góp ý", "258", "8,6"], ["Tổng cộng", "2.994", "100"]],
                [3, 1.2, 1.2], "Bảng 1. Số ý kiến theo kênh tiếp nhận", BoldLastRow: true),
            .. withChart
                ? new ReportBlock[] { new ReportImage(ReportCharts.Bar("Số ý kiến theo kênh", ["Hội nghị", "Trực tuyến", "Văn bản"], [1832, 904, 258], "Số ý kiến"), 140, "Hình 1. Số ý kiến theo kênh tiếp nhận") }
                : [],
            new ReportHeading(1, "Kết quả tổng hợp ý kiến"),
            new ReportHeading(2, "Ý kiến chung"),
            new ReportParagraph([new ReportRun("Thống nhất cao", Bold: true), new ReportRun(" (2.731/2.994 ý kiến): các ý kiến đánh giá dự thảo được chuẩn bị công phu, bố cục chặt chẽ.")]),
            new ReportHeading(2, "Ý kiến cụ thể"),
            new ReportHeading(3, "Về dự thảo Báo cáo chính trị"),
            new ReportBullet("Đa số ý kiến (1.204/2.010) đề nghị bổ sung giải pháp hỗ trợ người cao tuổi sử dụng dịch vụ công trực tuyến."),
            new ReportBullet("Một số ý kiến (87) đề nghị làm rõ lộ trình sắp xếp trụ sở dôi dư sau hợp nhất."),
            new ReportHeading(3, "Về dự thảo Báo cáo kiểm điểm"),
            new ReportParagraph("Có ý kiến đề nghị đánh giá sâu hơn nguyên nhân chủ quan của hạn chế."),
            new ReportHeading(1, "Kiến nghị, đề xuất"),
            new ReportParagraph("Đề nghị Ban Thường vụ Tỉnh ủy quan tâm chỉ đạo bố trí đủ biên chế cho các xã sau sắp xếp."),
        ],
        Signature = new ReportSignature("T/M Ban Thường vụ", "Phó Bí thư"),
        Recipients = ["Ban Tuyên giáo và Dân vận Tỉnh ủy (b/c)", "Các đồng chí Đảng ủy viên", "Lưu Văn phòng Đảng ủy"],
    };

    public static ReportDocument UnionSituation() => new()
    {
        System = DocumentSystem.State,
        SuperiorBody = "Tổng Liên đoàn Lao động Việt Nam",
        IssuingBody = "Liên đoàn Lao động tỉnh Quảng Ninh",
        Number = "05/BC-LĐLĐ",
        Place = "Quảng Ninh",
        Date = new DateOnly(2026, 3, 15),
        Summary = "Tình hình tư tưởng, tâm trạng của công nhân, viên chức, người lao động tháng 3 năm 2026",
        Body =
        [
            new ReportHeading(1, "Tình hình chung"),
            new ReportParagraph("Tình hình tư tưởng của đoàn viên, người lao động trên địa bàn tỉnh cơ bản ổn định; đa số yên tâm công tác, gắn bó với doanh nghiệp."),
            new ReportHeading(1, "Những vấn đề người lao động quan tâm"),
            new ReportHeading(2, "Việc làm, thu nhập"),
            new ReportParagraph("Có 3 doanh nghiệp chậm trả lương với 412 lao động bị ảnh hưởng, tăng 1 doanh nghiệp so với tháng trước."),
            new ReportHeading(2, "Tranh chấp lao động"),
            new ReportTable(["Chỉ tiêu", "Tháng 2", "Tháng 3", "Tăng/giảm"], [["Ngừng việc tập thể", "1", "2", "+1"], ["Đơn thư khiếu nại", "14", "9", "-5"]]),
            new ReportHeading(1, "Dự báo và kiến nghị"),
            new ReportParagraph("Dự báo tình hình quan hệ lao động quý II có thể phát sinh phức tạp tại các doanh nghiệp dệt may."),
        ],
        Signature = new ReportSignature("TM. Ban Thường vụ", "Chủ tịch", "Nguyễn Văn Minh"),
        Recipients = ["Tổng Liên đoàn Lao động Việt Nam (b/c)", "Thường trực Tỉnh ủy (b/c)", "Lưu: VT, TG"],
    };
}
