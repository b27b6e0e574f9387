using DanY.Documents.Plans;
using DanY.Domain.Plans;

namespace DanY.Documents.Tests.Plans;

/// <summary>The two real plans in ../shared/seeds, read at run time (never copied into the repository).</summary>
public sealed class SeedPlanTests
{
    private static Plan Seed(string prefix)
    {
        string? folder = TestFiles.SeedsFolder();
        Assert.SkipWhen(folder is null, "../shared/seeds is absent in this checkout; the seed plans cannot be read.");
        return PlanReader.ReadFile(Directory.GetFiles(folder!, prefix + "_*.txt").Single());
    }

    [Fact]
    public void District_plan_000()
    {
        Plan plan = Seed("000");
        Assert.Null(plan.Number);
        Assert.Null(plan.Date);
        Assert.Equal("BAN THƯỜNG VỤ HUYỆN ỦY", plan.Issuer);
        Assert.StartsWith("triển khai theo dõi nắm tình hình Nhân dân đối với Đại hội Đảng các cấp; tổ chức lấy ý kiến", plan.Title, StringComparison.Ordinal);
        Assert.Equal(["35-CT/TW", "171-KH/BDVTW", "73-KH/BDVTU"], plan.Basis.Select(b => b.Number));
        Assert.Equal([new DateOnly(2024, 6, 14), new DateOnly(2024, 7, 3), new DateOnly(2024, 8, 12)], plan.Basis.Select(b => b.Date!.Value));
        Assert.Equal(["Bộ Chính trị", "Ban Dân vận Trung ương", "Ban Dân vận Tỉnh ủy"], plan.Basis.Select(b => b.Issuer));
        Assert.Equal("73-KH/BDVTU", plan.Parent?.Number);
        Plan provincial = PlanReader.ReadFile(Path.Combine(TestFiles.PlansFolder(), "ban-dan-van-tinh-uy.md"));
        Assert.True(plan.Implements(provincial));
        Assert.False(provincial.Implements(plan));

        var windows = plan.Obligations.Where(o => o.Start is not null).Select(o => (o.Kind, o.Start, o.Due)).ToList();
        Assert.Equal(
        [
            (ObligationKind.Report, new DateOnly(2024, 12, 1), new DateOnly(2025, 3, 30)),
            (ObligationKind.Report, new DateOnly(2025, 3, 1), new DateOnly(2025, 6, 30)),
            (ObligationKind.Report, new DateOnly(2025, 7, 1), new DateOnly(2025, 8, 31)),
            (ObligationKind.Report, new DateOnly(2025, 9, 1), new DateOnly(2025, 10, 31)),
            (ObligationKind.Report, new DateOnly(2025, 12, 1), new DateOnly(2026, 3, 31)),
        ], windows.Select(w => (w.Kind, w.Start!.Value, w.Due!.Value)));

        var monthly = plan.Obligations.Where(o => o.Recurrence is not null).ToList();
        Assert.Equal(2, monthly.Count);
        Assert.All(monthly, o => Assert.Equal("FREQ=MONTHLY;BYMONTHDAY=15", o.Recurrence!.ToString()));
        Assert.Equal(["Ban Dân vận Huyện ủy"], monthly[0].Lead);
        Assert.Equal(["Ban Dân vận Tỉnh ủy", "Thường trực Huyện ủy"], monthly[0].Recipients);
        Assert.Equal(["Ban Thường vụ Huyện ủy"], monthly[1].Recipients);
        Assert.Equal(["Ban Dân vận Huyện ủy"], monthly[1].Via);
        Assert.Contains(plan.Obligations, o => o.Kind == ObligationKind.Plan && o.Lead.SequenceEqual(["Khối Dân vận các xã, thị trấn, cơ quan, đơn vị trực thuộc Huyện ủy"]));
        Assert.DoesNotContain(plan.Obligations, o => o.Source.StartsWith("Tham mưu cấp ủy", StringComparison.Ordinal));
        Assert.Equal(6, plan.Recipients.Count);
    }

    [Fact]
    public void Hanoi_district_plan_003()
    {
        Plan plan = Seed("003");
        Assert.Equal("273-KH/QU", plan.Number);
        Assert.Equal(new DateOnly(2025, 2, 3), plan.Date);
        Assert.Equal("BAN THƯỜNG VỤ QUẬN ỦY", plan.Issuer);
        Assert.StartsWith("Tổ chức thảo luận, lấy ý kiến góp ý", plan.Title, StringComparison.Ordinal);
        Assert.Equal(["238-KH/QU", "211-KH/QU"], plan.Basis.Select(b => b.Number));
        Assert.Equal([new DateOnly(2024, 8, 1), new DateOnly(2024, 3, 15)], plan.Basis.Select(b => b.Date!.Value));

        var dated = plan.Obligations.Where(o => o.Due is not null).Select(o => (o.Start, o.Due!.Value)).ToList();
        Assert.Equal(
        [
            (null, new DateOnly(2025, 6, 30)),
            (null, new DateOnly(2025, 6, 30)),
            (new DateOnly(2025, 2, 3), new DateOnly(2025, 6, 15)),
            (null, new DateOnly(2025, 6, 30)),
            (null, new DateOnly(2025, 2, 28)),
            (null, new DateOnly(2025, 7, 1)),
        ], dated);
        Assert.Equal(ObligationKind.Conference, plan.Obligations.First(o => o.Due is not null).Kind);
        Assert.Equal(["Các ban Đảng", "Văn phòng Quận ủy"], plan.Obligations.Single(o => o.Source.StartsWith("Theo chức năng", StringComparison.Ordinal)).Lead);
        Assert.Equal(3, plan.Obligations.Count(o => o.Kind == ObligationKind.Conference && o.Lead.SequenceEqual(["Ban Thường vụ Quận ủy"]) && o.Source.StartsWith("Hội nghị", StringComparison.Ordinal)));
        Assert.Equal(["Thường trực TU", "Các Ban Đảng và VPTU", "Thường trực QU", "TTHĐND - lãnh đạo UBND quận", "Các ban đảng, VP Quận ủy", "UB MTTQ và các tổ chức CT-XH quận", "Các tổ chức cơ sở đảng trực thuộc"], plan.Recipients.Select(r => r.Name));
    }
}
