using DanY.Documents.Plans;
using DanY.Domain.Plans;

namespace DanY.Documents.Tests.Plans;

/// <summary>Layouts the golden plans do not show: parts numbered with figures, no parts, a lost header.</summary>
public sealed class ExtractorVariantTests
{
    private static Plan Extract(string text) => PlanExtractor.Extract(PlanTextReader.Read(text));

    [Fact]
    public void Parts_numbered_with_figures_in_capitals()
    {
        Plan plan = Extract("""
            HUYỆN ỦY ĐÔNG ANH
            Số 31-KH/HU
            Đông Anh, ngày 10/9/2024
            KẾ HOẠCH
            nắm tình hình Nhân dân
            Thực hiện Kế hoạch số 73-KH/TU ngày 01/9/2024 của Thành ủy, Ban Thường vụ Huyện ủy ban hành kế hoạch như sau:
            1. MỤC ĐÍCH, YÊU CẦU
            Báo cáo đầy đủ, kịp thời trước ngày 30/9/2024.
            2. NHIỆM VỤ
            - Đảng ủy các xã báo cáo kết quả về Ban Thường vụ Huyện ủy trước ngày 30/9/2024.
            """);
        Obligation obligation = Assert.Single(plan.Obligations);
        Assert.Equal(new DateOnly(2024, 9, 29), obligation.Due);
        Assert.Equal(["Đảng ủy các xã"], obligation.Lead);
        Assert.Equal(["Ban Thường vụ Huyện ủy"], obligation.Recipients);
    }

    [Fact]
    public void A_plan_without_parts_reads_every_paragraph_after_the_preamble()
    {
        Plan plan = Extract("""
            KẾ HOẠCH
            tổ chức hội nghị góp ý
            Căn cứ Kế hoạch số 12-KH/ĐU ngày 02/01/2025 của Đảng ủy phường, Chi bộ xây dựng kế hoạch như sau:
            - Tổ chức hội nghị góp ý vào ngày 15/01/2025.
            - Tổng hợp ý kiến, báo cáo Đảng ủy phường trước ngày 20/01/2025.
            """);
        Assert.Equal(2, plan.Obligations.Count);
        Assert.Equal(ObligationKind.Conference, plan.Obligations[0].Kind);
        Assert.Equal(new DateOnly(2025, 1, 15), plan.Obligations[0].Due);
        Assert.Equal(new DateOnly(2025, 1, 19), plan.Obligations[1].Due);
        Assert.Equal("CHI BỘ", plan.Issuer);
    }

    [Fact]
    public void Number_and_date_after_a_lost_header()
    {
        Plan plan = Extract("""
            ## KẾ HOẠCH Tổ chức lấy ý kiến Nhân dân

            Số 57 -KH/ĐU

            *Hà Nội, ngày 20 tháng 8 năm 2024*

            Thực hiện Kế hoạch số 258-KH/QU ngày 15/7/2024 của Quận ủy, Đảng ủy phường xây dựng kế hoạch như sau:

            ## I. NỘI DUNG

            Văn phòng Đảng ủy tổng hợp ý kiến, báo cáo Thường trực Đảng ủy trước ngày 15/9/2024.
            """);
        Assert.Equal("57-KH/ĐU", plan.Number);
        Assert.Equal(new DateOnly(2024, 8, 20), plan.Date);
        Assert.Equal("ĐẢNG ỦY PHƯỜNG", plan.Issuer);
        Assert.Equal("Tổ chức lấy ý kiến Nhân dân", plan.Title);
        Assert.Equal(new DateOnly(2024, 9, 14), Assert.Single(plan.Obligations).Due);
    }

    [Fact]
    public void Justified_spacing_in_the_body_is_not_a_table()
    {
        Plan plan = Extract("KẾ HOẠCH\nnắm tình hình\nCăn cứ Kế hoạch số 5-KH/TU ngày 02/01/2025 của Tỉnh ủy,\nI. NỘI DUNG\n- Các xã    báo cáo    về Ban Dân vận    trước ngày 20/01/2025.");
        Assert.Equal(new DateOnly(2025, 1, 19), Assert.Single(plan.Obligations).Due);
    }
}
