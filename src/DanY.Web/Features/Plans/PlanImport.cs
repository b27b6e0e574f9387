using System.Globalization;
using DanY.Domain.Monitoring;
using DanY.Domain.Plans;
using DanY.Domain.Units;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Plans;

/// <summary>One obligation of the extracted plan as staff confirm or correct it on the import page.</summary>
public sealed class ObligationRow
{
    public bool Include { get; set; } = true;
    public string Kind { get; set; } = "task";
    public string Title { get; set; } = "";
    public string? Start { get; set; }
    public string? Due { get; set; }
    public string? RRule { get; set; }
    public bool Ongoing { get; set; }
    public string? Lead { get; set; }
    public string? Recipients { get; set; }
    public string? Source { get; set; }

    /// <summary>Track it as a reporting obligation (deadlines, matrix, reminders).</summary>
    public bool Track { get; set; }
}

public sealed class PlanForm
{
    public int UnitId { get; set; }
    public string? Number { get; set; }
    public string? Date { get; set; }
    public string? Issuer { get; set; }
    public string? Title { get; set; }
    public string? Basis { get; set; }
    public string? Recipients { get; set; }
    public int? ParentPlanId { get; set; }

    /// <summary>Who reports under the tracked obligations: units of this level below the plan's unit.</summary>
    public string ReporterLevel { get; set; } = nameof(UnitLevel.Commune);

    /// <summary>The subtree the reporters are taken from (e.g. the province); the plan's unit when empty.</summary>
    public int? ReportersRootId { get; set; }

    public List<ObligationRow> Obligations { get; set; } = [];

    public static PlanForm From(Plan plan, int unitId)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new PlanForm
        {
            UnitId = unitId,
            Number = plan.Number,
            Date = Iso(plan.Date),
            Issuer = plan.Issuer,
            Title = plan.Title,
            Basis = string.Join("\n", plan.Basis.Select(b => string.Join(" ", new[]
            {
                b.DocumentType, "số " + b.Number, b.Date is { } d ? "ngày " + DisplayDate.Of(d) : null, b.Issuer is { Length: > 0 } i ? "của " + i : null,
            }.Where(s => s is not null)))),
            Recipients = string.Join("\n", plan.Recipients.Select(r => r.Name)),
            Obligations = plan.Obligations.Select(o => new ObligationRow
            {
                Kind = o.Kind.ToString().ToLowerInvariant(),
                Title = o.Title,
                Start = Iso(o.Start),
                Due = Iso(o.Due),
                RRule = o.Recurrence?.ToString(),
                Ongoing = o.Ongoing,
                Lead = string.Join("; ", o.Lead),
                Recipients = string.Join("; ", o.Recipients),
                Source = o.Source,
                Track = o.Kind == ObligationKind.Report && (o.Recurrence is not null || o.Due is not null),
            }).ToList(),
        };
    }

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Turns a confirmed form into a stored plan, its tasks and its tracked reporting obligations.</summary>
public static class PlanImport
{
    public static DateOnly? ParseDate(string? text, string field, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)) return iso;
        if (DateOnly.TryParseExact(text, ["dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var vn)) return vn;
        errors.Add($"{field}: ngày \"{text}\" không hợp lệ (dd/mm/yyyy) / invalid date.");
        return null;
    }

    public static async Task<(IssuedPlan? Plan, List<string> Errors, int Tracked)> SaveAsync(DanYDbContext db, PlanForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<string>();
        var date = ParseDate(form.Date, "Ngày ban hành", errors);
        if (string.IsNullOrWhiteSpace(form.Title)) errors.Add("Cần nhập trích yếu của kế hoạch / The plan's title is required.");
        if (!Enum.TryParse<UnitLevel>(form.ReporterLevel, out var level)) errors.Add("Cấp đơn vị báo cáo không hợp lệ / Invalid reporter level.");
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == form.UnitId, ct);
        if (unit is null) errors.Add("Đơn vị không tồn tại / Unknown unit.");
        IssuedPlan? parent = form.ParentPlanId is int pid ? await db.IssuedPlans.SingleOrDefaultAsync(p => p.Id == pid, ct) : null;
        var rows = new List<(ObligationRow Row, DateOnly? Start, DateOnly? Due)>();
        for (int i = 0; i < form.Obligations.Count; i++)
        {
            var row = form.Obligations[i];
            if (!row.Include) continue;
            string label = $"Nội dung {i + 1}";
            var start = ParseDate(row.Start, label + ", bắt đầu", errors);
            var due = ParseDate(row.Due, label + ", hạn", errors);
            if (string.IsNullOrWhiteSpace(row.Title)) errors.Add($"{label}: cần có nội dung / a title is required.");
            if (start is { } s && due is { } d && d < s) errors.Add($"{label}: hạn trước ngày bắt đầu / due before start.");
            if (row.Track && MonthDay(row.RRule) is null && due is null)
                errors.Add($"{label}: cần lịch lặp (ngày trong tháng) hoặc hạn để theo dõi báo cáo / a schedule or a due date is needed to track it.");
            rows.Add((row, start, due));
        }
        if (errors.Count > 0) return (null, errors, 0);

        IssuedPlan plan;
        try
        {
            plan = new IssuedPlan(unit!.Id, form.Number, date, form.Issuer ?? "", form.Title!, parent)
            {
                Basis = Truncate(form.Basis, 8000),
                Recipients = Truncate(form.Recipients, 8000),
            };
            foreach (var (row, start, due) in rows)
                plan.AddTask(row.Title, row.Lead ?? "", "", start, due, row.Ongoing ? "Thường xuyên" : row.RRule);
        }
        catch (MonitoringValidationException e)
        {
            return (null, [e.Message], 0);
        }
        db.IssuedPlans.Add(plan);
        await db.SaveChangesAsync(ct);

        int tracked = 0;
        foreach (var (row, start, due) in rows.Where(r => r.Row.Track))
        {
            var obligation = new ReportingObligation(Truncate(row.Title, ReportingObligation.TitleMaxLength), form.ReportersRootId ?? unit!.Id, level, null, unit!.Id, null) { PlanId = plan.Id };
            string rrule = (row.RRule ?? "").ToUpperInvariant();
            if (MonthDay(rrule) is int day && rrule.Contains("INTERVAL=3", StringComparison.Ordinal)) obligation.ScheduleQuarterly(day, start, due);
            else if (MonthDay(rrule) is int day2) obligation.ScheduleMonthly(day2, start, due);
            else obligation.ScheduleWindow(start ?? due!.Value, due!.Value);
            db.ReportingObligations.Add(obligation);
            tracked++;
        }
        await db.SaveChangesAsync(ct);
        return (plan, [], tracked);
    }

    /// <summary>BYMONTHDAY of a monthly RRULE; "hàng tháng" without a day counts as the last day.</summary>
    public static int? MonthDay(string? rrule)
    {
        if (string.IsNullOrWhiteSpace(rrule)) return null;
        rrule = rrule.ToUpperInvariant();
        if (!rrule.Contains("FREQ=MONTHLY", StringComparison.Ordinal)) return null;
        foreach (var part in rrule.Split(';'))
        {
            if (part.StartsWith("BYMONTHDAY=", StringComparison.Ordinal) && int.TryParse(part.AsSpan(11), NumberStyles.None, CultureInfo.InvariantCulture, out int day) && day is >= 1 and <= 31)
                return day;
        }
        return 31;
    }

    private static string Truncate(string? text, int max)
    {
        text = (text ?? "").Trim();
        return text.Length > max ? text[..max] : text;
    }
}
