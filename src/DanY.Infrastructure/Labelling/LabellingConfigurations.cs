using DanY.Domain.Consultations;
using DanY.Domain.Labelling;
using DanY.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanY.Infrastructure.Labelling;

internal sealed class LabelSetConfiguration : IEntityTypeConfiguration<LabelSet>
{
    public void Configure(EntityTypeBuilder<LabelSet> b)
    {
        b.ToTable("label_sets");
        b.Property(s => s.Name).HasMaxLength(LabelSet.NameMaxLength);
        b.Property(s => s.Labels).HasMaxLength((LabelSet.LabelMaxLength + 1) * LabelSet.MaxLabels);
        b.HasIndex(s => new { s.UnitId, s.Name }).IsUnique();
        b.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(s => s.LabelList);
        b.Ignore(s => s.FlagLabels);
    }
}

internal sealed class CommentLabelConfiguration : IEntityTypeConfiguration<CommentLabel>
{
    public void Configure(EntityTypeBuilder<CommentLabel> b)
    {
        b.ToTable("comment_labels");
        b.Property(l => l.Label).HasMaxLength(LabelSet.LabelMaxLength);
        b.Property(l => l.Source).HasConversion<string>().HasMaxLength(24);
        b.Property(l => l.LabelledBy).HasMaxLength(64);
        b.HasIndex(l => new { l.LabelSetId, l.CommentId }).IsUnique();
        b.HasIndex(l => l.CommentId);
        b.HasOne<LabelSet>().WithMany().HasForeignKey(l => l.LabelSetId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Comment>().WithMany().HasForeignKey(l => l.CommentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LabelModelConfiguration : IEntityTypeConfiguration<LabelModel>
{
    public void Configure(EntityTypeBuilder<LabelModel> b)
    {
        b.ToTable("label_models");
        b.Property(m => m.EngineVersion).HasMaxLength(200);
        b.Property(m => m.TrainedBy).HasMaxLength(64);
        b.HasIndex(m => m.LabelSetId);
        b.HasOne<LabelSet>().WithMany().HasForeignKey(m => m.LabelSetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LabelSuggestionConfiguration : IEntityTypeConfiguration<LabelSuggestion>
{
    public void Configure(EntityTypeBuilder<LabelSuggestion> b)
    {
        b.ToTable("label_suggestions");
        b.Property(s => s.Label).HasMaxLength(LabelSet.LabelMaxLength);
        b.HasIndex(s => new { s.LabelSetId, s.CommentId }).IsUnique();
        b.HasIndex(s => s.CommentId);
        b.HasOne<LabelSet>().WithMany().HasForeignKey(s => s.LabelSetId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Comment>().WithMany().HasForeignKey(s => s.CommentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LabelModel>().WithMany().HasForeignKey(s => s.ModelId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LabellingJobConfiguration : IEntityTypeConfiguration<LabellingJob>
{
    public void Configure(EntityTypeBuilder<LabellingJob> b)
    {
        b.ToTable("labelling_jobs");
        b.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(j => j.RequestedBy).HasMaxLength(64);
        b.Property(j => j.Error).HasMaxLength(500);
        b.HasIndex(j => new { j.LabelSetId, j.ConsultationId });
        b.HasOne<LabelSet>().WithMany().HasForeignKey(j => j.LabelSetId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LabelModel>().WithMany().HasForeignKey(j => j.ModelId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Consultation>().WithMany().HasForeignKey(j => j.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(j => j.Percent);
        b.Ignore(j => j.IsActive);
    }
}

internal sealed class ModerationDecisionConfiguration : IEntityTypeConfiguration<ModerationDecision>
{
    public void Configure(EntityTypeBuilder<ModerationDecision> b)
    {
        b.ToTable("moderation_decisions");
        b.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.Reason).HasMaxLength(LabelSet.LabelMaxLength);
        b.Property(d => d.Note).HasMaxLength(ModerationDecision.NoteMaxLength);
        b.Property(d => d.ModelLabel).HasMaxLength(LabelSet.LabelMaxLength);
        b.Property(d => d.DecidedBy).HasMaxLength(64);
        b.HasIndex(d => d.CommentId);
        b.HasIndex(d => new { d.ConsultationId, d.Outcome });
        b.HasOne<Comment>().WithMany().HasForeignKey(d => d.CommentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Consultation>().WithMany().HasForeignKey(d => d.ConsultationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LabelSet>().WithMany().HasForeignKey(d => d.LabelSetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReportItemLabelConfiguration : IEntityTypeConfiguration<ReportItemLabel>
{
    public void Configure(EntityTypeBuilder<ReportItemLabel> b)
    {
        b.ToTable("report_item_labels");
        b.Property(l => l.ItemKey).HasMaxLength(ReportItemLabel.KeyMaxLength);
        b.Property(l => l.Text).HasMaxLength(ReportItemLabel.TextMaxLength);
        b.Property(l => l.Label).HasMaxLength(LabelSet.LabelMaxLength);
        b.Property(l => l.Source).HasConversion<string>().HasMaxLength(24);
        b.Property(l => l.LabelledBy).HasMaxLength(64);
        b.HasIndex(l => new { l.LabelSetId, l.ReportId, l.ItemKey }).IsUnique();
        b.HasIndex(l => l.ReportId);
        b.HasOne<LabelSet>().WithMany().HasForeignKey(l => l.LabelSetId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<DanY.Domain.Monitoring.SituationReport>().WithMany().HasForeignKey(l => l.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
