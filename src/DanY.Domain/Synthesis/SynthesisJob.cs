namespace DanY.Domain.Synthesis;

public enum JobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// A synthesis of one consultation to be run in the background. The row is the job's whole state:
/// a restart finds running jobs, puts them back in the queue and runs them again from the start
/// (the engine is deterministic and a run or fold is saved in one transaction, so the rerun gives the
/// same result and nothing is half-written).
/// </summary>
public sealed class SynthesisJob
{
    public const int StageMaxLength = 64;
    public const int ErrorMaxLength = 2000;

    private SynthesisJob()
    {
    }

    public SynthesisJob(int consultationId, string requestedBy, DateTimeOffset now, bool full = true)
    {
        ConsultationId = consultationId;
        Full = full;
        RequestedBy = requestedBy.Length > 256 ? requestedBy[..256] : requestedBy;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public int ConsultationId { get; private set; }
    public JobStatus Status { get; private set; } = JobStatus.Queued;

    /// <summary>Recompute everything; otherwise comments received since the latest run are folded into it (a full run when there is none).</summary>
    public bool Full { get; private set; } = true;

    /// <summary>Engine stage being run ("grouping"...), or "saving".</summary>
    public string Stage { get; private set; } = "";

    /// <summary>0 to 1.</summary>
    public double Progress { get; private set; }
    public int Attempts { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public long? RunId { get; private set; }
    public string? Error { get; private set; }

    public bool IsActive => Status is JobStatus.Queued or JobStatus.Running;

    public void Start(DateTimeOffset now)
    {
        Status = JobStatus.Running;
        StartedAt = now;
        Attempts++;
        Progress = 0;
        Stage = "";
        Error = null;
    }

    public void Report(string stage, double progress)
    {
        Stage = stage.Length > StageMaxLength ? stage[..StageMaxLength] : stage;
        Progress = Math.Clamp(progress, 0, 1);
    }

    public void Succeed(long runId, DateTimeOffset now)
    {
        Status = JobStatus.Succeeded;
        RunId = runId;
        Progress = 1;
        Stage = "done";
        FinishedAt = now;
    }

    public void Fail(string error, DateTimeOffset now)
    {
        Status = JobStatus.Failed;
        Error = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        FinishedAt = now;
    }

    /// <summary>After a restart: the interrupted run is redone from the start.</summary>
    public void Requeue()
    {
        Status = JobStatus.Queued;
        Stage = "";
        Progress = 0;
    }

    public static string StatusLabel(JobStatus status) => status switch
    {
        JobStatus.Queued => "Đang chờ",
        JobStatus.Running => "Đang chạy",
        JobStatus.Succeeded => "Đã xong",
        _ => "Lỗi",
    };
}
