using DanY.Domain.Monitoring;
using DanY.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanY.Infrastructure.Monitoring;

internal sealed class IssuedPlanConfiguration : IEntityTypeConfiguration<IssuedPlan>
{
    public void Configure(EntityTypeBuilder<IssuedPlan> b)
    {
        b.ToTable("plans");
        b.Property(p => p.Number).HasMaxLength(IssuedPlan.NumberMaxLength);
        b.Property(p => p.Issuer).HasMaxLength(IssuedPlan.TextMaxLength);
        b.Property(p => p.Title).HasMaxLength(IssuedPlan.TextMaxLength);
        b.Property(p => p.Basis).HasMaxLength(8000);
        b.Property(p => p.Recipients).HasMaxLength(8000);
        b.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.ParentPlan).WithMany().HasForeignKey(p => p.ParentPlanId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(p => p.Tasks).WithOne(t => t.Plan).HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Tasks).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(p => p.Number);
    }
}

internal sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> b)
    {
        b.ToTable("plan_tasks");
        b.Property(t => t.Title).HasMaxLength(2048);
        b.Property(t => t.Lead).HasMaxLength(IssuedPlan.TextMaxLength);
        b.Property(t => t.Support).HasMaxLength(IssuedPlan.TextMaxLength);
        b.Property(t => t.Schedule).HasMaxLength(256);
    }
}

internal sealed class ReportingObligationConfiguration : IEntityTypeConfiguration<ReportingObligation>
{
    public void Configure(EntityTypeBuilder<ReportingObligation> b)
    {
        b.ToTable("reporting_obligations");
        b.Property(o => o.Title).HasMaxLength(ReportingObligation.TitleMaxLength);
        b.Property(o => o.ReporterLevel).HasConversion<string>().HasMaxLength(32);
        b.Property(o => o.ReporterKind).HasConversion<string>().HasMaxLength(32);
        b.Property(o => o.Frequency).HasConversion<string>().HasMaxLength(16);
        b.Property(o => o.Timing).HasConversion<string>().HasMaxLength(16);
        b.Property(o => o.CongressName).HasMaxLength(256);
        b.HasOne(o => o.Plan).WithMany().HasForeignKey(o => o.PlanId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(o => o.ReportersRoot).WithMany().HasForeignKey(o => o.ReportersRootUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(o => o.Recipient).WithMany().HasForeignKey(o => o.RecipientUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(o => o.Via).WithMany().HasForeignKey(o => o.ViaUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReportingPeriodConfiguration : IEntityTypeConfiguration<ReportingPeriod>
{
    public void Configure(EntityTypeBuilder<ReportingPeriod> b)
    {
        b.ToTable("reporting_periods");
        b.Property(p => p.Key).HasMaxLength(64);
        b.Property(p => p.Label).HasMaxLength(256);
        b.HasIndex(p => new { p.ObligationId, p.Key }).IsUnique();
        b.HasIndex(p => p.Due);
        b.HasOne(p => p.Obligation).WithMany().HasForeignKey(p => p.ObligationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SituationReportConfiguration : IEntityTypeConfiguration<SituationReport>
{
    public void Configure(EntityTypeBuilder<SituationReport> b)
    {
        b.ToTable("situation_reports");
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        foreach (var name in new[]
        {
            nameof(SituationReport.GeneralSituation), nameof(SituationReport.MoodsOverall), nameof(SituationReport.PublicOpinion),
            nameof(SituationReport.ComplicatedCases), nameof(SituationReport.HandlingResults), nameof(SituationReport.ForecastAndRecommendations),
        })
        {
            b.Property<string>(name).HasMaxLength(SituationContent.PartMaxLength);
        }
        b.Property(r => r.GroupMoodsData).HasMaxLength(200_000);
        b.Property(r => r.ReviewNote).HasMaxLength(SituationReport.NoteMaxLength);
        b.Property(r => r.ReviewedBy).HasMaxLength(256);
        b.HasIndex(r => new { r.PeriodId, r.UnitId, r.IsCompiled }).IsUnique();
        b.HasIndex(r => r.UnitId);
        b.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Period).WithMany().HasForeignKey(r => r.PeriodId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(r => r.Counts);
        b.Ignore(r => r.Content);
        b.Ignore(r => r.IsEditable);
    }
}

internal sealed class ReportAttachmentConfiguration : IEntityTypeConfiguration<ReportAttachment>
{
    public void Configure(EntityTypeBuilder<ReportAttachment> b)
    {
        b.ToTable("report_attachments");
        b.Property(a => a.FileName).HasMaxLength(200);
        b.Property(a => a.ContentType).HasMaxLength(128);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.Property(a => a.StoredName).HasMaxLength(128);
        b.HasOne<SituationReport>().WithMany().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CadreStatisticConfiguration : IEntityTypeConfiguration<CadreStatistic>
{
    public void Configure(EntityTypeBuilder<CadreStatistic> b)
    {
        b.ToTable("cadre_statistics");
        b.Property(c => c.Level).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Term).HasMaxLength(16);
        b.HasIndex(c => new { c.UnitId, c.Level, c.Term }).IsUnique();
        b.HasOne(c => c.Unit).WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> b)
    {
        b.ToTable("reminders");
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Message).HasMaxLength(Reminder.MessageMaxLength);
        b.HasIndex(r => new { r.PeriodId, r.UnitId, r.Kind }).IsUnique();
        b.HasIndex(r => r.UnitId);
        b.HasOne(r => r.Period).WithMany().HasForeignKey(r => r.PeriodId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}
