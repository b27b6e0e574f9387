namespace DanY.Domain.Monitoring;

/// <summary>One cell of the completeness and timeliness matrix.</summary>
public enum Timeliness
{
    OnTime,
    Late,
    Missing,
    Returned,

    /// <summary>Nothing sent yet, but the deadline has not passed.</summary>
    Pending,
}

public static class TimelinessRules
{
    /// <summary>
    /// Classifies a unit's report for a period. A report counts from its first submission, judged on the
    /// Vietnamese calendar day: sent on the due day is on time. A returned report stays "returned" until it
    /// is sent again; drafts count as nothing sent.
    /// </summary>
    public static Timeliness Classify(ReportStatus? status, DateTime? firstSubmittedUtc, DateOnly due, DateOnly today)
    {
        if (status is null or ReportStatus.Draft || firstSubmittedUtc is null)
            return today > due ? Timeliness.Missing : Timeliness.Pending;
        if (status == ReportStatus.Returned) return Timeliness.Returned;
        return VietnamTime.LocalDate(firstSubmittedUtc.Value) <= due ? Timeliness.OnTime : Timeliness.Late;
    }
}
