using DanY.Domain.Monitoring;
using DanY.Domain.Units;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DanY.Infrastructure.Monitoring;

/// <summary>
/// Demo situation monitoring for the demo province: the monthly report on the 15th from every commune to
/// the provincial Party committee through its propaganda and mass-mobilisation board, with six past months
/// of reports in a realistic mix (mostly on time, some late, some missing, a few returned), and cadre
/// statistics of the three demo wards. Deterministic: the same units always get the same story.
/// </summary>
public sealed class MonitoringDemoSeeder(DanYDbContext db)
{
    public const string MonthlyTitle = "Báo cáo tình hình Nhân dân hằng tháng (ngày 15 hằng tháng)";
    public const int MonthsOfHistory = 6;

    private static readonly string[] Generals =
    [
        "Tình hình kinh tế - xã hội trên địa bàn ổn định; an ninh chính trị, trật tự an toàn xã hội được giữ vững. Nhân dân phấn khởi trước kết quả sắp xếp đơn vị hành chính và vận hành chính quyền địa phương hai cấp.",
        "Tình hình địa bàn cơ bản ổn định. Giá cả một số mặt hàng thiết yếu tăng nhẹ; sản xuất nông nghiệp vụ mùa đạt khá; các khu công nghiệp duy trì việc làm cho người lao động.",
        "An ninh trật tự ổn định, không phát sinh vụ việc phức tạp kéo dài. Công tác chuẩn bị đại hội đảng bộ các cấp được triển khai đúng kế hoạch, tạo không khí phấn khởi trong Nhân dân.",
    ];

    private static readonly string[] Moods =
    [
        "Đa số cán bộ, đảng viên và Nhân dân tin tưởng vào sự lãnh đạo của Đảng, đồng tình với chủ trương tinh gọn bộ máy; một bộ phận còn băn khoăn về thủ tục hành chính sau sáp nhập.",
        "Nhân dân quan tâm đến việc giải quyết thủ tục hành chính tại trung tâm phục vụ hành chính công của phường, xã; phấn khởi với kết quả xây dựng nông thôn mới.",
        "Người lao động quan tâm đến việc làm, thu nhập cuối năm; người cao tuổi và cựu chiến binh đồng tình với chính sách an sinh xã hội.",
    ];

    private static readonly string[] Opinions =
    [
        "Nhân dân quan tâm đến giá điện, giá xăng dầu và giá thực phẩm tăng vào dịp cuối năm.",
        "Dư luận quan tâm đến tiến độ giải phóng mặt bằng các dự án giao thông và việc bồi thường, hỗ trợ tái định cư.",
        "Nhân dân quan tâm đến ô nhiễm môi trường tại cụm công nghiệp và việc thu gom, xử lý rác thải sinh hoạt.",
        "Dư luận đồng tình với công tác phòng, chống tham nhũng, lãng phí; đề nghị tiếp tục xử lý nghiêm các sai phạm.",
    ];

    public async Task SeedAsync(IReadOnlyDictionary<string, Unit> byCode, DateOnly today, CancellationToken ct = default)
    {
        if (!byCode.TryGetValue(DanY.Infrastructure.Seed.DemoSeeder.DemoProvinceCode, out var province)
            || !byCode.TryGetValue("24.TU", out var committee) || !byCode.TryGetValue("24.TU.BTGDV", out var board)) return;
        var obligation = new ReportingObligation(MonthlyTitle, province.Id, UnitLevel.Commune, UnitKind.AdministrativeArea, committee.Id, board.Id);
        obligation.ScheduleMonthly(15);
        db.ReportingObligations.Add(obligation);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);

        var from = today.AddMonths(-MonthsOfHistory);
        var specs = obligation.PeriodsDueBetween(from, today.AddMonths(1));
        var periods = specs.Select(s => new ReportingPeriod(obligation, s)).ToList();
        db.ReportingPeriods.AddRange(periods);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);

        var communes = await db.Units.Where(u => u.ParentId == province.Id && u.Level == UnitLevel.Commune && u.Kind == UnitKind.AdministrativeArea)
            .OrderBy(u => u.Code).ToListAsync(ct).ConfigureAwait(false);
        var past = periods.Where(p => p.Due < today).ToList();
        foreach (var unit in communes)
        {
            for (int i = 0; i < past.Count; i++)
            {
                var period = past[i];
                bool latest = i == past.Count - 1;
                int roll = Roll(unit.Code, period.Key);
                // The latest month has more missing reports: people are still chasing them.
                if (roll < (latest ? 18 : 8)) continue;
                var report = new SituationReport(unit.Id, period);
                int h = Roll(period.Key, unit.Code);
                var counts = new SituationCounts(h % 7, h % 11 == 0 ? 1 : 0, h % 13 == 0 ? 1 : 0, h % 5, 0);
                counts = counts with { Resolved = Math.Min(counts.TotalCases, h % 6) };
                var content = new SituationContent
                {
                    GeneralSituation = Generals[h % Generals.Length],
                    MoodsOverall = Moods[(h / 3) % Moods.Length],
                    GroupMoods = new Dictionary<SocialGroup, string>
                    {
                        [SocialGroup.Workers] = "Công nhân, người lao động quan tâm đến việc làm, tiền lương, thưởng cuối năm.",
                        [SocialGroup.Farmers] = "Nông dân phấn khởi vì vụ mùa được giá; lo lắng về giá vật tư nông nghiệp.",
                    },
                    PublicOpinion = Opinions[(h / 7) % Opinions.Length],
                    ComplicatedCases = counts.TotalCases == 0 ? "Không phát sinh vụ việc phức tạp." : $"Tiếp nhận {counts.Complaints} đơn thư khiếu nại, tố cáo; phát hiện {counts.HostileContent} tin, bài xấu độc trên mạng xã hội.",
                    HandlingResults = "Các vụ việc được chuyển cơ quan có thẩm quyền giải quyết theo quy định; đã định hướng thông tin kịp thời.",
                    ForecastAndRecommendations = "Dự báo thời gian tới tình hình cơ bản ổn định. Đề nghị cấp trên quan tâm chỉ đạo giải quyết dứt điểm các vụ việc tồn đọng.",
                };
                var dueStart = new DateTime(period.Due.Year, period.Due.Month, period.Due.Day, 2, 0, 0, DateTimeKind.Utc);
                // About 1 in 8 of the sent reports arrive late (1 to 6 days after the 15th); the others 1 to 6 days early.
                var sentAt = roll < 20 ? dueStart.AddDays(1 + h % 6) : dueStart.AddDays(-(h % 7)).AddHours(h % 5);
                report.Edit(content, counts, sentAt);
                report.Submit(sentAt);
                if (roll >= 20 && roll < 25) report.Return("Đề nghị bổ sung số liệu đơn thư và kết quả giải quyết.", "Ban Tuyên giáo và Dân vận Tỉnh ủy", sentAt.AddDays(2));
                else if (!latest) report.Accept("Ban Tuyên giáo và Dân vận Tỉnh ủy", sentAt.AddDays(3));
                db.SituationReports.Add(report);
            }
        }

        foreach (var ward in new[] { DanY.Infrastructure.Seed.DemoSeeder.WardA, DanY.Infrastructure.Seed.DemoSeeder.WardB, DanY.Infrastructure.Seed.DemoSeeder.WardC })
        {
            if (!byCode.TryGetValue(ward, out var w)) continue;
            int h = Roll(ward, "cadres");
            var stat = new CadreStatistic(w.Id, CongressLevel.Commune, "2025-2030");
            stat.Set(27 + h % 8, 2 + h % 2, 3 + h % 3, DateTime.UtcNow);
            db.CadreStatistics.Add(stat);
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    /// <summary>A stable 0..99 roll from two strings (FNV-1a), so demo data is the same on every machine.</summary>
    internal static int Roll(string a, string b)
    {
        uint hash = 2166136261;
        foreach (char c in string.Concat(a, "|", b))
        {
            hash ^= c;
            hash *= 16777619;
        }
        return (int)(hash % 100);
    }
}
