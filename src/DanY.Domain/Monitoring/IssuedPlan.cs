using DanY.Domain.Auditing;

namespace DanY.Domain.Monitoring;

/// <summary>
/// A plan (kế hoạch) kept in the system once staff confirmed its reading: number, date, issuer, the
/// documents it rests on, its tasks, and the parent plan it implements ("Căn cứ Kế hoạch này ... xây dựng
/// kế hoạch thực hiện"), so that a unit's implementation plan stays tied to its parent's.
/// </summary>
public sealed class IssuedPlan : IAuditable
{
    public const int NumberMaxLength = 64;
    public const int TextMaxLength = 1024;

    private readonly List<PlanTask> _tasks = [];

    private IssuedPlan()
    {
    }

    public IssuedPlan(int unitId, string? number, DateOnly? date, string issuer, string title, IssuedPlan? parent = null)
    {
        UnitId = unitId;
        Number = Limit(number, NumberMaxLength);
        Date = date;
        Issuer = Limit(issuer, TextMaxLength) ?? "";
        Title = Limit(title, TextMaxLength) ?? "";
        if (Title.Length == 0) throw new MonitoringValidationException("Kế hoạch cần có trích yếu / A plan needs a title.");
        ParentPlan = parent;
        ParentPlanId = parent?.Id;
    }

    public int Id { get; private set; }

    /// <summary>The unit that owns the plan in DanY (the issuer, or the unit that imported it).</summary>
    public int UnitId { get; private set; }

    public string? Number { get; private set; }
    public DateOnly? Date { get; private set; }
    public string Issuer { get; private set; } = "";
    public string Title { get; private set; } = "";

    /// <summary>Basis documents as printed, one per line ("171-KH/BDVTW ngày 03/7/2024 của Ban Dân vận Trung ương").</summary>
    public string Basis { get; set; } = "";

    /// <summary>"Nơi nhận", one per line.</summary>
    public string Recipients { get; set; } = "";

    public int? ParentPlanId { get; private set; }
    public IssuedPlan? ParentPlan { get; private set; }

    public IReadOnlyList<PlanTask> Tasks => _tasks;

    public void LinkParent(IssuedPlan? parent)
    {
        if (parent is not null && ReferenceEquals(parent, this)) throw new MonitoringValidationException("Kế hoạch không thể thực hiện chính nó / A plan cannot implement itself.");
        ParentPlan = parent;
        ParentPlanId = parent?.Id;
    }

    public PlanTask AddTask(string title, string lead, string support, DateOnly? start, DateOnly? due, string? schedule)
    {
        var task = new PlanTask(this, title, lead, support, start, due, schedule);
        _tasks.Add(task);
        return task;
    }

    internal static string? Limit(string? text, int max)
    {
        if (text is null) return null;
        text = text.Trim();
        if (text.Length > max) throw new MonitoringValidationException($"Nội dung quá dài (tối đa {max} ký tự) / Text too long (at most {max} characters).");
        return text;
    }
}

/// <summary>A task of a plan, with its lead and supporting units and its time frame.</summary>
public sealed class PlanTask : IAuditable
{
    private PlanTask()
    {
    }

    internal PlanTask(IssuedPlan plan, string title, string lead, string support, DateOnly? start, DateOnly? due, string? schedule)
    {
        Plan = plan;
        Title = IssuedPlan.Limit(title, 2048) ?? "";
        if (Title.Length == 0) throw new MonitoringValidationException("Nhiệm vụ cần có nội dung / A task needs a title.");
        Lead = IssuedPlan.Limit(lead, IssuedPlan.TextMaxLength) ?? "";
        Support = IssuedPlan.Limit(support, IssuedPlan.TextMaxLength) ?? "";
        Start = start;
        Due = due;
        Schedule = IssuedPlan.Limit(schedule, 256);
        if (start is { } s && due is { } d && d < s) throw new MonitoringValidationException("Hạn hoàn thành trước ngày bắt đầu / The due date is before the start.");
    }

    public int Id { get; private set; }
    public int PlanId { get; private set; }
    public IssuedPlan? Plan { get; private set; }
    public string Title { get; private set; } = "";
    public string Lead { get; private set; } = "";
    public string Support { get; private set; } = "";
    public DateOnly? Start { get; private set; }
    public DateOnly? Due { get; private set; }

    /// <summary>RRULE or a human description ("Thường xuyên").</summary>
    public string? Schedule { get; private set; }
}
