using DanY.Domain.Consultations;
using DanY.Domain.Synthesis;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanY.Infrastructure.Synthesis;

internal sealed class SynthesisJobConfiguration : IEntityTypeConfiguration<SynthesisJob>
{
    public void Configure(EntityTypeBuilder<SynthesisJob> b)
    {
        b.ToTable("synthesis_jobs");
        b.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(j => j.Stage).HasMaxLength(SynthesisJob.StageMaxLength);
        b.Property(j => j.RequestedBy).HasMaxLength(256);
        b.Property(j => j.Error).HasMaxLength(SynthesisJob.ErrorMaxLength);
        b.HasIndex(j => new { j.Status, j.Id });
        b.HasIndex(j => j.ConsultationId);
        b.HasOne<Consultation>().WithMany().HasForeignKey(j => j.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(j => j.IsActive);
    }
}

internal sealed class SynthesisRunConfiguration : IEntityTypeConfiguration<SynthesisRun>
{
    public void Configure(EntityTypeBuilder<SynthesisRun> b)
    {
        b.ToTable("synthesis_runs");
        b.Property(r => r.EngineVersion).HasMaxLength(32);
        b.Property(r => r.InputHash).HasMaxLength(64);
        b.HasIndex(r => new { r.ConsultationId, r.Id });
        b.HasOne<Consultation>().WithMany().HasForeignKey(r => r.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SynthesisGroupConfiguration : IEntityTypeConfiguration<SynthesisGroup>
{
    public void Configure(EntityTypeBuilder<SynthesisGroup> b)
    {
        b.ToTable("synthesis_groups");
        b.Property(g => g.SectionRef).HasMaxLength(DraftSection.RefMaxLength);
        b.Property(g => g.EngineGroupId).HasMaxLength(128);
        b.Property(g => g.Summary).HasMaxLength(SynthesisGroup.SummaryMaxLength);
        b.Property(g => g.Quantifier).HasMaxLength(64);
        b.Property(g => g.Decision).HasConversion<string>().HasMaxLength(16);
        b.Property(g => g.DecisionNote).HasMaxLength(2000);
        b.HasIndex(g => new { g.RunId, g.DraftId, g.SectionOrder, g.Comments });
        b.HasOne<SynthesisRun>().WithMany().HasForeignKey(g => g.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SynthesisMemberConfiguration : IEntityTypeConfiguration<SynthesisMember>
{
    public void Configure(EntityTypeBuilder<SynthesisMember> b)
    {
        b.ToTable("synthesis_members");
        b.HasIndex(m => new { m.GroupId, m.CommentId }).IsUnique();
        b.HasIndex(m => new { m.RunId, m.CommentId });
        b.HasOne<SynthesisGroup>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Comment>().WithMany().HasForeignKey(m => m.CommentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SynthesisAssignmentConfiguration : IEntityTypeConfiguration<SynthesisAssignment>
{
    public void Configure(EntityTypeBuilder<SynthesisAssignment> b)
    {
        b.ToTable("synthesis_assignments");
        b.Property(a => a.DuplicateGroup).HasMaxLength(128);
        b.Property(a => a.Noise).HasMaxLength(32);
        b.HasIndex(a => new { a.RunId, a.CommentId }).IsUnique();
        b.HasIndex(a => new { a.RunId, a.GroupId });
        b.HasOne<SynthesisRun>().WithMany().HasForeignKey(a => a.RunId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Comment>().WithMany().HasForeignKey(a => a.CommentId).OnDelete(DeleteBehavior.Cascade);
    }
}
