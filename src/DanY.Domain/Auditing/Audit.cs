namespace DanY.Domain.Auditing;

/// <summary>Marks an entity whose every change is written to the audit log (who, when, before/after).</summary>
public interface IAuditable
{
}

/// <summary>Marks a property whose value must never reach the audit log (secrets, personal data).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute
{
}

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}

/// <summary>One change to one entity. Written by the persistence layer, never edited.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>Staff account id, or "system" for the CLI and the seeder.</summary>
    public string Actor { get; set; } = "";
    public string ActorName { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public AuditAction Action { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}
