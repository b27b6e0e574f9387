using DanY.Domain.Consultations;
using DanY.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanY.Infrastructure.Consultations;

internal sealed class CongressConfiguration : IEntityTypeConfiguration<Congress>
{
    public void Configure(EntityTypeBuilder<Congress> b)
    {
        b.ToTable("congresses");
        b.Property(c => c.Name).HasMaxLength(Congress.NameMaxLength);
        b.Property(c => c.Ordinal).HasMaxLength(Congress.OrdinalMaxLength);
        b.Property(c => c.Level).HasConversion<string>().HasMaxLength(32);
        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(c => c.Term);
    }
}

internal sealed class DraftConfiguration : IEntityTypeConfiguration<Draft>
{
    public void Configure(EntityTypeBuilder<Draft> b)
    {
        b.ToTable("drafts");
        b.Property(d => d.Title).HasMaxLength(Draft.TitleMaxLength);
        b.HasOne<Congress>().WithMany().HasForeignKey(d => d.CongressId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DraftVersionConfiguration : IEntityTypeConfiguration<DraftVersion>
{
    public void Configure(EntityTypeBuilder<DraftVersion> b)
    {
        b.ToTable("draft_versions");
        b.Property(v => v.SourceFileName).HasMaxLength(260);
        b.Property(v => v.Title).HasMaxLength(Draft.TitleMaxLength);
        b.HasIndex(v => new { v.DraftId, v.Number }).IsUnique();
        b.HasOne<Draft>().WithMany().HasForeignKey(v => v.DraftId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.Sections).WithOne().HasForeignKey(s => s.DraftVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DraftSectionConfiguration : IEntityTypeConfiguration<DraftSection>
{
    public void Configure(EntityTypeBuilder<DraftSection> b)
    {
        b.ToTable("draft_sections");
        b.Property(s => s.Ref).HasMaxLength(DraftSection.RefMaxLength);
        b.Property(s => s.ParentRef).HasMaxLength(DraftSection.RefMaxLength);
        b.Property(s => s.Anchor).HasMaxLength(128);
        b.Property(s => s.Label).HasMaxLength(64);
        b.Property(s => s.Title).HasMaxLength(DraftSection.TitleMaxLength);
        b.HasIndex(s => new { s.DraftVersionId, s.Ref }).IsUnique();
        b.Ignore(s => s.Heading);
    }
}

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> b)
    {
        b.ToTable("consultations");
        b.Property(c => c.Title).HasMaxLength(Consultation.TitleMaxLength);
        b.Property(c => c.Channels).HasMaxLength(256);
        b.Property(c => c.SocialGroups).HasMaxLength(2000);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(c => c.Status);
        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.TargetUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Drafts).WithOne().HasForeignKey(d => d.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(c => c.ChannelList);
        b.Ignore(c => c.SocialGroupList);
    }
}

internal sealed class ConsultationDraftConfiguration : IEntityTypeConfiguration<ConsultationDraft>
{
    public void Configure(EntityTypeBuilder<ConsultationDraft> b)
    {
        b.ToTable("consultation_drafts");
        b.HasKey(d => new { d.ConsultationId, d.DraftId });
        b.HasOne(d => d.Draft).WithMany().HasForeignKey(d => d.DraftId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConferenceConfiguration : IEntityTypeConfiguration<Conference>
{
    public void Configure(EntityTypeBuilder<Conference> b)
    {
        b.ToTable("conferences");
        b.Property(c => c.Title).HasMaxLength(Conference.TextMaxLength);
        b.Property(c => c.InvitedGroup).HasMaxLength(Conference.TextMaxLength);
        b.Property(c => c.Place).HasMaxLength(Conference.TextMaxLength);
        b.Property(c => c.Channel).HasMaxLength(32);
        b.Property(c => c.MinutesFileName).HasMaxLength(200);
        b.Property(c => c.MinutesPath).HasMaxLength(500);
        b.Property(c => c.Chair).HasConversion<string>().HasMaxLength(32);
        b.HasIndex(c => c.ConsultationId);
        b.HasOne<Consultation>().WithMany().HasForeignKey(c => c.ConsultationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.HostUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <remarks>Column names are the property names: the group-commit writer inserts with hand-written SQL (see <see cref="CommentWriter"/>).</remarks>
internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> b)
    {
        b.ToTable(CommentSql.Table);
        b.Property(c => c.Receipt).HasMaxLength(Comment.ReceiptLength);
        b.HasIndex(c => c.Receipt).IsUnique();
        b.Property(c => c.IdempotencyKey).HasMaxLength(Comment.KeyMaxLength);
        b.HasIndex(c => new { c.ConsultationId, c.IdempotencyKey }).IsUnique();
        b.Property(c => c.SectionRef).HasMaxLength(DraftSection.RefMaxLength);
        b.Property(c => c.Text).HasMaxLength(Comment.TextMaxLength);
        b.Property(c => c.Channel).HasMaxLength(32);
        b.Property(c => c.SocialGroup).HasMaxLength(100);
        b.Property(c => c.ContentHash).HasMaxLength(64);
        b.Property(c => c.Stance).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(c => new { c.ConsultationId, c.DraftId, c.SectionRef });
        b.HasIndex(c => c.ContentHash);
        b.HasIndex(c => c.UnitId);
        b.HasIndex(c => c.ConferenceId);
        b.HasOne<Consultation>().WithMany().HasForeignKey(c => c.ConsultationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommentIdentityConfiguration : IEntityTypeConfiguration<CommentIdentity>
{
    public void Configure(EntityTypeBuilder<CommentIdentity> b)
    {
        b.ToTable(CommentSql.IdentityTable);
        b.Property(i => i.Name).HasMaxLength(CommentIdentity.FieldMaxLength);
        b.Property(i => i.Contact).HasMaxLength(CommentIdentity.FieldMaxLength);
        b.Property(i => i.Locality).HasMaxLength(CommentIdentity.FieldMaxLength);
        b.Property(i => i.SocialGroup).HasMaxLength(CommentIdentity.FieldMaxLength);
        b.Property(i => i.ConsentVersion).HasMaxLength(32);
        b.Property(i => i.Purpose).HasMaxLength(1000);
        b.HasIndex(i => i.CommentId).IsUnique();
        b.HasOne<Comment>().WithMany().HasForeignKey(i => i.CommentId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(i => i.IsWithdrawn);
    }
}

internal sealed class IntakeBatchConfiguration : IEntityTypeConfiguration<IntakeBatch>
{
    public void Configure(EntityTypeBuilder<IntakeBatch> b)
    {
        b.ToTable("intake_batches");
        b.Property(x => x.IdempotencyKey).HasMaxLength(Comment.KeyMaxLength);
        b.Property(x => x.ContentHash).HasMaxLength(64);
        b.Property(x => x.FileName).HasMaxLength(IntakeBatch.FileNameMaxLength);
        b.Property(x => x.Source).HasMaxLength(16);
        // Unique per consultation; rows without a key (web form) are not constrained (NULLs are distinct in both providers).
        b.HasIndex(x => new { x.ConsultationId, x.IdempotencyKey }).IsUnique();
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Restrict);
    }
}
