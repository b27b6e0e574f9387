using System.Reflection;
using System.Text.Json;
using DanY.Domain.Accounts;
using DanY.Domain.Auditing;
using DanY.Domain.Units;
using DanY.Engine.Text;
using DanY.Infrastructure.Auditing;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DanY.Infrastructure.Data;

/// <summary>
/// The one DbContext of DanY. Features add their entities with an <see cref="IEntityTypeConfiguration{T}"/>
/// in this assembly (picked up by <see cref="ModelBuilder.ApplyConfigurationsFromAssembly"/>) and a
/// DbSet here. Saving maintains unit paths and folded names, and writes the audit log for every
/// <see cref="IAuditable"/> entity, in the same transaction.
/// </summary>
public sealed class DanYDbContext(DbContextOptions<DanYDbContext> options, ICurrentActor? actor = null)
    : IdentityDbContext<StaffUser>(options)
{
    private static readonly JsonSerializerOptions AuditJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly ICurrentActor _actor = actor ?? SystemActor.Instance;

    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<ReportingLine> ReportingLines => Set<ReportingLine>();
    public DbSet<UnitRoleAssignment> UnitRoles => Set<UnitRoleAssignment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Domain.Consultations.Congress> Congresses => Set<Domain.Consultations.Congress>();
    public DbSet<Domain.Consultations.Draft> Drafts => Set<Domain.Consultations.Draft>();
    public DbSet<Domain.Consultations.DraftVersion> DraftVersions => Set<Domain.Consultations.DraftVersion>();
    public DbSet<Domain.Consultations.DraftSection> DraftSections => Set<Domain.Consultations.DraftSection>();
    public DbSet<Domain.Consultations.Consultation> Consultations => Set<Domain.Consultations.Consultation>();
    public DbSet<Domain.Consultations.ConsultationDraft> ConsultationDrafts => Set<Domain.Consultations.ConsultationDraft>();
    public DbSet<Domain.Consultations.Conference> Conferences => Set<Domain.Consultations.Conference>();
    public DbSet<Domain.Consultations.Comment> Comments => Set<Domain.Consultations.Comment>();
    public DbSet<Domain.Consultations.CommentIdentity> CommentIdentities => Set<Domain.Consultations.CommentIdentity>();
    public DbSet<Domain.Monitoring.IssuedPlan> IssuedPlans => Set<Domain.Monitoring.IssuedPlan>();
    public DbSet<Domain.Monitoring.ReportingObligation> ReportingObligations => Set<Domain.Monitoring.ReportingObligation>();
    public DbSet<Domain.Monitoring.ReportingPeriod> ReportingPeriods => Set<Domain.Monitoring.ReportingPeriod>();
    public DbSet<Domain.Monitoring.SituationReport> SituationReports => Set<Domain.Monitoring.SituationReport>();
    public DbSet<Domain.Monitoring.ReportAttachment> ReportAttachments => Set<Domain.Monitoring.ReportAttachment>();
    public DbSet<Domain.Monitoring.CadreStatistic> CadreStatistics => Set<Domain.Monitoring.CadreStatistic>();
    public DbSet<Domain.Monitoring.Reminder> Reminders => Set<Domain.Monitoring.Reminder>();
    public DbSet<Domain.Labelling.LabelSet> LabelSets => Set<Domain.Labelling.LabelSet>();
    public DbSet<Domain.Labelling.CommentLabel> CommentLabels => Set<Domain.Labelling.CommentLabel>();
    public DbSet<Domain.Labelling.LabelModel> LabelModels => Set<Domain.Labelling.LabelModel>();
    public DbSet<Domain.Labelling.LabelSuggestion> LabelSuggestions => Set<Domain.Labelling.LabelSuggestion>();
    public DbSet<Domain.Labelling.LabellingJob> LabellingJobs => Set<Domain.Labelling.LabellingJob>();
    public DbSet<Domain.Labelling.ModerationDecision> ModerationDecisions => Set<Domain.Labelling.ModerationDecision>();
    public DbSet<Domain.Labelling.ReportItemLabel> ReportItemLabels => Set<Domain.Labelling.ReportItemLabel>();
    public DbSet<Domain.Synthesis.SynthesisJob> SynthesisJobs => Set<Domain.Synthesis.SynthesisJob>();
    public DbSet<Domain.Synthesis.SynthesisRun> SynthesisRuns => Set<Domain.Synthesis.SynthesisRun>();
    public DbSet<Domain.Synthesis.SynthesisGroup> SynthesisGroups => Set<Domain.Synthesis.SynthesisGroup>();
    public DbSet<Domain.Synthesis.SynthesisMember> SynthesisMembers => Set<Domain.Synthesis.SynthesisMember>();
    public DbSet<Domain.Synthesis.SynthesisAssignment> SynthesisAssignments => Set<Domain.Synthesis.SynthesisAssignment>();

    /// <summary>Off only for bulk loads by the system (the first seed); staff changes are always audited.</summary>
    public bool AuditingEnabled { get; set; } = true;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DanYDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        NormaliseUnits();
        var pending = AuditingEnabled ? CapturePending() : [];
        var newUnits = ChangeTracker.Entries<Unit>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (pending.Count == 0 && newUnits.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);

        // Paths need the generated ids and audit rows need the final values: two saves, one transaction.
        bool ownTransaction = Database.CurrentTransaction is null;
        var transaction = ownTransaction ? await Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
        try
        {
            int count = await base.SaveChangesAsync(true, cancellationToken).ConfigureAwait(false);
            await AssignPathsAsync(newUnits, cancellationToken).ConfigureAwait(false);
            var now = DateTimeOffset.UtcNow;
            foreach (var p in pending)
            {
                AuditEntries.Add(new AuditEntry
                {
                    At = now,
                    Actor = _actor.Id,
                    ActorName = _actor.Name,
                    EntityType = p.Entry.Metadata.ClrType.Name,
                    EntityId = KeyOf(p.Entry),
                    Action = p.Action,
                    Before = p.Before,
                    After = p.Action == AuditAction.Deleted ? null : Snapshot(p.Entry, current: true),
                });
            }
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
            if (transaction is not null) await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return count;
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void NormaliseUnits()
    {
        foreach (var entry in ChangeTracker.Entries<Unit>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            var name = entry.Property(u => u.Name);
            string normalised = VietnameseText.Normalize(entry.Entity.Name);
            if (!string.Equals(normalised, entry.Entity.Name, StringComparison.Ordinal)) name.CurrentValue = normalised;
            string folded = VietnameseText.Fold(normalised);
            if (!string.Equals(folded, entry.Entity.NameFolded, StringComparison.Ordinal)) entry.Entity.NameFolded = folded;
        }
        ChangeTracker.DetectChanges();
    }

    private async Task AssignPathsAsync(List<Unit> newUnits, CancellationToken cancellationToken)
    {
        var remaining = newUnits.Where(u => string.Equals(u.Path, "/", StringComparison.Ordinal)).ToList();
        var pendingIds = remaining.Select(u => u.Id).ToHashSet();
        var known = new Dictionary<int, string>();
        while (remaining.Count > 0)
        {
            var next = new List<Unit>();
            foreach (var unit in remaining)
            {
                if (unit.ParentId is not int parentId)
                {
                    unit.SetPath("/");
                    known[unit.Id] = unit.Path;
                    continue;
                }
                string? parentPath = known.GetValueOrDefault(parentId)
                    ?? (unit.Parent is { } p && !string.Equals(p.Path, "/", StringComparison.Ordinal) ? p.Path : null);
                if (parentPath is null && !pendingIds.Contains(parentId))
                {
                    parentPath = await Units.AsNoTracking().Where(u => u.Id == parentId).Select(u => u.Path)
                        .SingleAsync(cancellationToken).ConfigureAwait(false);
                }
                if (parentPath is null)
                {
                    next.Add(unit);
                    continue;
                }
                unit.SetPath(parentPath);
                known[unit.Id] = unit.Path;
            }
            if (next.Count == remaining.Count) throw new InvalidOperationException("Cycle in new units' parents.");
            remaining = next;
            pendingIds = remaining.Select(u => u.Id).ToHashSet();
        }
    }

    private List<PendingAudit> CapturePending()
    {
        var list = new List<PendingAudit>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is not IAuditable) continue;
            switch (entry.State)
            {
                case EntityState.Added:
                    list.Add(new PendingAudit(entry, AuditAction.Created, null));
                    break;
                case EntityState.Modified:
                    list.Add(new PendingAudit(entry, AuditAction.Updated, Snapshot(entry, current: false)));
                    break;
                case EntityState.Deleted:
                    list.Add(new PendingAudit(entry, AuditAction.Deleted, Snapshot(entry, current: false)));
                    break;
            }
        }
        return list;
    }

    private static string Snapshot(EntityEntry entry, bool current)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.PropertyInfo?.GetCustomAttribute<NotAuditedAttribute>() is not null) continue;
            object? value = current ? property.CurrentValue : property.OriginalValue;
            values[property.Metadata.Name] = value is Enum e ? e.ToString() : value;
        }
        return JsonSerializer.Serialize(values, AuditJson);
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties
            .Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));

    private sealed record PendingAudit(EntityEntry Entry, AuditAction Action, string? Before);
}
