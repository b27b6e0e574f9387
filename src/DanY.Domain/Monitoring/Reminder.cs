namespace DanY.Domain.Monitoring;

public enum ReminderKind
{
    /// <summary>A few days before the deadline, to units that have not sent their report.</summary>
    BeforeDue,

    /// <summary>After the deadline, to units whose report is still missing or was returned.</summary>
    Overdue,
}

/// <summary>A reminder (đôn đốc) shown in the app to the unit's staff and sent through the e-mail outbox; one per unit, period and kind.</summary>
public sealed class Reminder
{
    public const int MessageMaxLength = 1_000;

    private Reminder()
    {
    }

    public Reminder(int unitId, int periodId, ReminderKind kind, string message, DateTime createdAt)
    {
        UnitId = unitId;
        PeriodId = periodId;
        Kind = kind;
        Message = message.Length > MessageMaxLength ? message[..MessageMaxLength] : message;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }
    public int UnitId { get; private set; }
    public int PeriodId { get; private set; }
    public ReportingPeriod? Period { get; private set; }
    public ReminderKind Kind { get; private set; }
    public string Message { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    /// <summary>How many e-mails went to the outbox for it.</summary>
    public int EmailsQueued { get; set; }
}
