using System.Text;
using DanY.Documents.Plans;
using DanY.Domain.Plans;

namespace DanY.Documents.Tests.Plans;

public sealed class DocumentNumberTests
{
    [Theory]
    [InlineData("Số 57 -KH/ĐU", "57-KH/ĐU")]
    [InlineData("Số: 08 /KH-MTTQ", "08/KH-MTTQ")]
    [InlineData("Số: 08 /KH-LĐLĐ", "08/KH-LĐLĐ")]
    [InlineData("Số 273 - KH/QU", "273-KH/QU")]
    [InlineData("**Số 73-KH/BDVTU**", "73-KH/BDVTU")]
    [InlineData("Số 171 – KH / BDVTW", "171-KH/BDVTW")]
    [InlineData("Số:90/BC-MTTW-BTT", "90/BC-MTTW-BTT")]
    [InlineData("30/2020/NĐ-CP", "30/2020/NĐ-CP")]
    [InlineData("Số 12-KH/ÐU", "12-KH/ĐU")]
    public void Normalizes_party_and_state_numbers(string raw, string expected) =>
        Assert.Equal(expected, DocumentNumber.Normalize(raw));

    [Theory]
    [InlineData("30/6/2025")]
    [InlineData("Số")]
    [InlineData("")]
    [InlineData("Nguyễn Văn A")]
    public void Rejects_what_is_not_a_number(string raw) => Assert.Null(DocumentNumber.Normalize(raw));

    [Theory]
    [InlineData("171-KH/BDVTW", "BDVTW")]
    [InlineData("08/KH-MTTQ", "MTTQ")]
    [InlineData("90/BC-MTTW-BTT", "MTTW-BTT")]
    [InlineData("30/2020/NĐ-CP", "CP")]
    public void Issuer_code(string number, string code) => Assert.Equal(code, DocumentNumber.IssuerCode(number));
}

public sealed class VnTextTests
{
    [Fact]
    public void Key_has_the_length_of_the_clean_text_and_ignores_tone_placement()
    {
        string clean = VnText.Clean("Đảng uỷ   phường hoà  bình");
        Assert.Equal("Đảng uỷ phường hoà bình", clean);
        Assert.Equal(clean.Length, VnText.Key(clean).Length);
        Assert.Equal(VnText.Key("Đảng ủy phường hòa bình"), VnText.Key(clean));
        Assert.NotEqual(VnText.Key("năm"), VnText.Key("nam"));
    }

    [Fact]
    public void Clean_composes_nfd_and_repairs_eth()
    {
        string nfd = "Ðảng ủy".Normalize(NormalizationForm.FormD);
        Assert.Equal("Đảng ủy", VnText.Clean(nfd));
    }
}

public sealed class DateExpressionTests
{
    [Theory]
    [InlineData("ngày 20 tháng 8 năm 2024", "2024-08-20", "2024-08-20")]
    [InlineData("ngày 03/7/2024", "2024-07-03", "2024-07-03")]
    [InlineData("ngày 3-7-2024", "2024-07-03", "2024-07-03")]
    [InlineData("30.3.2025", "2025-03-30", "2025-03-30")]
    [InlineData("tháng 12/2024", "2024-12-01", "2024-12-31")]
    [InlineData("tháng 02/2025", "2025-02-01", "2025-02-28")]
    [InlineData("tháng 9 năm 2025", "2025-09-01", "2025-09-30")]
    [InlineData("tháng 10 - 11/2025", "2025-10-01", "2025-11-30")]
    [InlineData("đầu tháng 3/2026", "2026-03-01", "2026-03-10")]
    [InlineData("giữa tháng 10/2025", "2025-10-11", "2025-10-20")]
    [InlineData("cuối tháng 2/2024", "2024-02-21", "2024-02-29")]
    [InlineData("hạ tuần tháng 11/2025", "2025-11-21", "2025-11-30")]
    [InlineData("quý I, II/2025", "2025-01-01", "2025-06-30")]
    [InlineData("quý IV năm 2025", "2025-10-01", "2025-12-31")]
    [InlineData("quý 3/2025", "2025-07-01", "2025-09-30")]
    [InlineData("6 tháng đầu năm 2025", "2025-01-01", "2025-06-30")]
    [InlineData("6 tháng cuối năm 2025", "2025-07-01", "2025-12-31")]
    [InlineData("năm 2025", "2025-01-01", "2025-12-31")]
    [InlineData("ngày 15 - 20/9/2025", "2025-09-15", "2025-09-20")]
    public void Reads_a_period(string text, string start, string end)
    {
        TimeExpression expression = Assert.Single(DateExpressions.Find(VnText.Key(text)));
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), expression.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), expression.End);
    }

    [Fact]
    public void Year_comes_from_the_next_expression_then_from_the_reference()
    {
        var range = DateExpressions.Find(VnText.Key("từ ngày 15/10 đến ngày 15/11/2025"));
        Assert.Equal(new DateOnly(2025, 10, 15), range[0].Start);
        var across = DateExpressions.Find(VnText.Key("từ 15/12 đến 15/01/2026"));
        Assert.Equal(new DateOnly(2025, 12, 15), across[0].Start);
        var referenced = DateExpressions.Find(VnText.Key("trước ngày 15/12"), new DateOnly(2024, 9, 5));
        Assert.Equal(new DateOnly(2024, 12, 15), referenced[0].Start);
        var nextYear = DateExpressions.Find(VnText.Key("trước ngày 15/01"), new DateOnly(2024, 9, 5));
        Assert.Equal(new DateOnly(2025, 1, 15), nextYear[0].Start);
    }

    [Theory]
    [InlineData("nhiệm kỳ 2025 - 2030")]
    [InlineData("Kế hoạch số 171-KH/BDVTW")]
    [InlineData("Nghị định 30/2020/NĐ-CP")]
    [InlineData("ngày 31/2/2025")]
    [InlineData("tháng 13/2025")]
    [InlineData("13 phường")]
    public void Finds_no_date_where_there_is_none(string text) =>
        Assert.Empty(DateExpressions.Find(VnText.Key(text), new DateOnly(2025, 1, 1)));
}

public sealed class ScheduleParserTests
{
    private static readonly DateOnly Reference = new(2024, 8, 20);

    private static Schedule Parse(string text, PlanReadingOptions? options = null) =>
        ScheduleParser.Parse(VnText.Key(VnText.Clean(text)), Reference, options);

    [Theory]
    [InlineData("vào ngày 15 hàng tháng tổng hợp, báo cáo", "FREQ=MONTHLY;BYMONTHDAY=15")]
    [InlineData("báo cáo trước ngày 20 hằng tháng", "FREQ=MONTHLY;BYMONTHDAY=19")]
    [InlineData("chậm nhất ngày 20 hằng tháng", "FREQ=MONTHLY;BYMONTHDAY=20")]
    [InlineData("định kỳ hàng tháng (trước ngày 18) báo cáo", "FREQ=MONTHLY;BYMONTHDAY=17")]
    [InlineData("Định kỳ hằng tháng, trước ngày 18, các xã báo cáo để tổng hợp báo cáo Tỉnh ủy trước ngày 20 hằng tháng", "FREQ=MONTHLY;BYMONTHDAY=17")]
    [InlineData("báo cáo hàng tháng", "FREQ=MONTHLY")]
    [InlineData("báo cáo hàng quý", "FREQ=MONTHLY;INTERVAL=3")]
    [InlineData("báo cáo 6 tháng và năm", "FREQ=MONTHLY;INTERVAL=6")]
    [InlineData("tổng kết hằng năm", "FREQ=YEARLY")]
    [InlineData("giao ban hàng tuần", "FREQ=WEEKLY")]
    [InlineData("vào ngày 25 của tháng cuối quý", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=25")]
    [InlineData("- Báo cáo tháng: gửi về Ban Dân vận", "FREQ=MONTHLY")]
    [InlineData("- Báo cáo quý: gửi về Ban Dân vận", "FREQ=MONTHLY;INTERVAL=3")]
    [InlineData("- Báo cáo năm: gửi về Ban Dân vận", "FREQ=YEARLY")]
    public void Reads_recurrence(string text, string rrule) => Assert.Equal(rrule, Parse(text).Recurrence?.ToString());

    [Theory]
    [InlineData("Báo cáo bắt đầu từ tháng 12/2024, đến ngày 30/3/2025.", "2024-12-01", "2025-03-30")]
    [InlineData("Báo cáo từ tháng 3/2025, đến 30/6/2025", "2025-03-01", "2025-06-30")]
    [InlineData("Lấy ý kiến từ ngày 03/02/2025 đến ngày 15/6/2025.", "2025-02-03", "2025-06-15")]
    [InlineData("Đăng tải: từ 01/8/2024 - 31/8/2024.", "2024-08-01", "2024-08-31")]
    public void Reads_windows(string text, string start, string due)
    {
        Schedule schedule = Parse(text);
        Assert.Equal(start, schedule.Start?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(due, schedule.Due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("hoàn thành trước 01/7/2025.", "2025-06-30")]
    [InlineData("thực hiện trong quý I, II/2025.", "2025-06-30")]
    [InlineData("hoàn thành trong tháng 02/2025.", "2025-02-28")]
    [InlineData("gửi về đầu tháng 3/2026.", "2026-03-10")]
    [InlineData("Thời gian: tháng 9/2024", "2024-09-30")]
    [InlineData("Thời gian: cuối tháng 11/2025", "2025-11-30")]
    [InlineData("hoàn thành trước **01/7/2025**.", "2025-06-30")]
    [InlineData("chậm nhất ngày 20/8/2024", "2024-08-20")]
    [InlineData("thời gian thực hiện đến tháng 9/2025.", "2025-09-30")]
    [InlineData("hoàn thành giữa tháng 10/2025", "2025-10-20")]
    [InlineData("gửi trước tháng 9/2025", "2025-08-31")]
    [InlineData("hoàn thành năm 2025.", "2025-12-31")]
    [InlineData("hoàn thành trong tháng 01/7/2025", "2025-07-01")]
    [InlineData("báo cáo tổng kết năm 2025 trước ngày 30/11/2025", "2025-11-29")]
    [InlineData("gửi trước ngày 15/12", "2024-12-14")]
    public void Reads_deadlines(string text, string due)
    {
        Schedule schedule = Parse(text.Replace("**", "", StringComparison.Ordinal));
        Assert.Null(schedule.Start);
        Assert.Equal(due, schedule.Due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Before_can_be_read_inclusively()
    {
        var inclusive = new PlanReadingOptions { BeforeIsExclusive = false };
        Assert.Equal(new DateOnly(2025, 7, 1), Parse("hoàn thành trước 01/7/2025", inclusive).Due);
        Assert.Equal("FREQ=MONTHLY;BYMONTHDAY=20", Parse("trước ngày 20 hằng tháng", inclusive).Recurrence?.ToString());
    }

    [Theory]
    [InlineData("Thời gian: Thường xuyên.")]
    [InlineData("thường xuyên theo dõi, nắm tình hình")]
    [InlineData("Thời gian thực hiện: liên tục")]
    public void Reads_ongoing_work(string text)
    {
        Schedule schedule = Parse(text);
        Assert.True(schedule.Ongoing);
        Assert.Null(schedule.Due);
    }

    [Fact]
    public void Reads_times_tied_to_a_congress()
    {
        Schedule around = Parse("theo dõi tình hình trước, trong và sau Đại hội Đảng các cấp.");
        Assert.NotNull(around.Relative);
        Assert.Equal([RelativeTiming.Before, RelativeTiming.During, RelativeTiming.After], around.Relative!.Timing);
        Assert.Null(around.Due);

        Schedule after = Parse("báo cáo chậm nhất 10 ngày sau khi kết thúc Đại hội.");
        Assert.Equal([RelativeTiming.After], after.Relative!.Timing);
        Assert.Equal(10, after.Relative.OffsetDays);

        Schedule noTerm = Parse("Thống kê sau đại hội đảng bộ các cấp nhiệm kỳ 2025 - 2030, hoàn thành năm 2025.");
        Assert.Equal(new DateOnly(2025, 12, 31), noTerm.Due);
    }

    [Theory]
    [InlineData("chuẩn bị kinh phí theo quy định hiện hành")]
    [InlineData("Văn phòng chuẩn bị các điều kiện")]
    [InlineData("trong 6 tháng qua")]
    public void Finds_no_schedule_in_plain_work(string text) => Assert.True(Parse(text).IsEmpty);

    [Fact]
    public void A_named_month_is_not_a_recurrence()
    {
        Schedule schedule = Parse("báo cáo tháng 9/2025 của các xã");
        Assert.Null(schedule.Recurrence);
        Assert.Equal(new DateOnly(2025, 9, 30), schedule.Due);
    }
}

public sealed class UnitParserTests
{
    [Fact]
    public void Giao_x_chu_tri_phoi_hop_voi_y()
    {
        UnitRoles roles = UnitParser.Read("Giao Ban Dân vận Huyện ủy chủ trì, phối hợp với Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội huyện triển khai thực hiện Kế hoạch");
        Assert.Equal(["Ban Dân vận Huyện ủy"], roles.Lead);
        Assert.Equal(["Mặt trận Tổ quốc", "các đoàn thể chính trị - xã hội huyện"], roles.Support);
    }

    [Fact]
    public void Report_to_x_through_y()
    {
        UnitRoles roles = UnitParser.Read("vào ngày 15 hàng tháng tổng hợp, báo cáo về Ban Thường vụ Huyện ủy qua Ban Dân vận Huyện ủy.");
        Assert.Equal(["Ban Thường vụ Huyện ủy"], roles.Recipients);
        Assert.Equal(["Ban Dân vận Huyện ủy"], roles.Via);
    }

    [Theory]
    [InlineData("Đề nghị Ban Thường trực Ủy ban MTTQ tỉnh chỉ đạo các xã triển khai.", "Ban Thường trực Ủy ban MTTQ tỉnh")]
    [InlineData("Khối Dân vận các xã, thị trấn, cơ quan, đơn vị trực thuộc Huyện ủy ban hành Kế hoạch thực hiện.", "Khối Dân vận các xã, thị trấn, cơ quan, đơn vị trực thuộc Huyện ủy")]
    [InlineData("Hội nghị do Ban Thường vụ Quận ủy chủ trì", "Ban Thường vụ Quận ủy")]
    [InlineData("Ban Tuyên giáo Quận ủy xây dựng hướng dẫn tổng hợp ý kiến.", "Ban Tuyên giáo Quận ủy")]
    [InlineData("Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì tổng hợp.", "Ban Tuyên giáo và Dân vận Tỉnh ủy")]
    [InlineData("Đối với Đại hội chi bộ: Ban Dân vận các huyện ủy báo cáo về Ban Dân vận Tỉnh ủy trước ngày 15/4/2025.", "Ban Dân vận các huyện ủy")]
    [InlineData("Định kỳ hằng tháng, trước ngày 18, các công đoàn cấp trên trực tiếp cơ sở báo cáo tình hình.", "các công đoàn cấp trên trực tiếp cơ sở")]
    [InlineData("Ban Công tác Mặt trận các khu dân cư tổ chức lấy ý kiến Nhân dân.", "Ban Công tác Mặt trận các khu dân cư")]
    [InlineData("Sở Tư pháp chủ trì thẩm định.", "Sở Tư pháp")]
    public void Reads_the_lead(string text, string lead) => Assert.Equal([lead], UnitParser.Read(text).Lead);

    [Fact]
    public void A_list_of_units_is_split_and_keeps_its_qualifiers() =>
        Assert.Equal(["Mặt trận Tổ quốc", "các đoàn thể cùng cấp"], UnitParser.Read("Mặt trận Tổ quốc và các đoàn thể cùng cấp tổ chức hội nghị.").Lead);

    [Fact]
    public void Plain_work_has_no_units()
    {
        UnitRoles roles = UnitParser.Read("Hội nghị lấy ý kiến góp ý của đại diện một số doanh nghiệp trên địa bàn quận.");
        Assert.Empty(roles.Lead);
        Assert.Empty(UnitParser.Read("báo cáo sơ kết 6 tháng trước ngày 15/6/2025").Recipients);
    }

    [Fact]
    public void Heading_units()
    {
        Assert.Equal("Ban Thường vụ Quận ủy", UnitParser.HeadingUnit("Ban Thường vụ Quận ủy"));
        Assert.Equal("UBND quận", UnitParser.HeadingUnit("UBND quận"));
        Assert.Null(UnitParser.HeadingUnit("Hội nghị phản biện, lấy ý kiến góp ý của MTTQ"));
        Assert.Null(UnitParser.HeadingUnit("Gửi lấy ý kiến nhân dân"));
    }
}

public sealed class KindClassifierTests
{
    [Theory]
    [InlineData("tổng hợp, báo cáo Ban Dân vận Tỉnh ủy", ObligationKind.Report)]
    [InlineData("Xây dựng báo cáo tình hình Nhân dân", ObligationKind.Report)]
    [InlineData("Chỉ đạo đưa Báo cáo chính trị lên Cổng thông tin điện tử quận", ObligationKind.Task)]
    [InlineData("Hội nghị lấy ý kiến góp ý vào dự thảo Báo cáo chính trị", ObligationKind.Conference)]
    [InlineData("Công bố dự thảo để lấy ý kiến rộng rãi của Nhân dân", ObligationKind.Consultation)]
    [InlineData("Khối Dân vận ban hành Kế hoạch thực hiện để tổng hợp ý kiến góp ý", ObligationKind.Plan)]
    [InlineData("các xã xây dựng kế hoạch thực hiện", ObligationKind.Plan)]
    [InlineData("triển khai thực hiện Kế hoạch đảm bảo, hiệu quả", ObligationKind.Task)]
    [InlineData("Tổ chức toạ đàm với trí thức", ObligationKind.Conference)]
    [InlineData("Văn phòng chuẩn bị kinh phí cho các hội nghị theo quy định", ObligationKind.Task)]
    [InlineData("Phối hợp với các cơ quan phục vụ các hội nghị lấy ý kiến", ObligationKind.Consultation)]
    public void Classifies_by_verbs(string text, ObligationKind kind) => Assert.Equal(kind, KindClassifier.Classify(VnText.Key(text)));
}
