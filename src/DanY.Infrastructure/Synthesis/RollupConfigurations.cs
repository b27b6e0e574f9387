using DanY.Domain.Consultations;
using DanY.Domain.Synthesis;
using DanY.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanY.Infrastructure.Synthesis;

internal sealed class RollupSubmissionConfiguration : IEntityTypeConfiguration<RollupSubmission>
{
    public void Configure(EntityTypeBuilder<RollupSubmission> b)
    {
        b.ToTable("rollup_submissions");
        b.Property(s => s.SubmittedBy).HasMaxLength(RollupSubmission.ActorMaxLength);
        b.Property(s => s.Via).HasMaxLength(RollupSubmission.ViaMaxLength);
        b.HasIndex(s => new { s.ConsultationId, s.ParentUnitId, s.IsCurrent });
        b.HasIndex(s => new { s.ConsultationId, s.UnitId, s.IsCurrent });
        b.HasOne<Consultation>().WithMany().HasForeignKey(s => s.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(s => s.ParentUnitId).OnDelete(DeleteBehavior.Restrict);
        // The run may be deleted later; the frozen content stays what the parent received.
        b.HasOne<SynthesisRun>().WithMany().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.SetNull);
        b.Ignore(s => s.IsFrozen);
    }
}

internal sealed class RollupScheduleConfiguration : IEntityTypeConfiguration<RollupSchedule>
{
    public void Configure(EntityTypeBuilder<RollupSchedule> b)
    {
        b.ToTable("rollup_schedules");
        b.HasKey(s => s.ConsultationId);
        b.Property(s => s.ConsultationId).ValueGeneratedNever();
        b.HasOne<Consultation>().WithOne().HasForeignKey<RollupSchedule>(s => s.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}
