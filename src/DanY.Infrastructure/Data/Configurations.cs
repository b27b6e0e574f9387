using DanY.Domain.Accounts;
using DanY.Domain.Auditing;
using DanY.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanY.Infrastructure.Data;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.ToTable("units");
        b.Property(u => u.Code).HasMaxLength(Unit.CodeMaxLength);
        b.HasIndex(u => u.Code).IsUnique();
        b.Property(u => u.Name).HasMaxLength(Unit.NameMaxLength);
        b.Property(u => u.NameFolded).HasMaxLength(Unit.NameMaxLength);
        b.HasIndex(u => u.NameFolded);
        b.Property(u => u.Path).HasMaxLength(Unit.PathMaxLength);
        b.HasIndex(u => u.Path);
        b.Property(u => u.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(u => u.Level).HasConversion<string>().HasMaxLength(32);
        b.Property(u => u.System).HasConversion<string>().HasMaxLength(32);
        b.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(u => u.Depth);
    }
}

internal sealed class ReportingLineConfiguration : IEntityTypeConfiguration<ReportingLine>
{
    public void Configure(EntityTypeBuilder<ReportingLine> b)
    {
        b.ToTable("reporting_lines");
        b.Property(r => r.Purpose).HasMaxLength(ReportingLine.PurposeMaxLength);
        b.HasOne(r => r.FromUnit).WithMany().HasForeignKey(r => r.FromUnitId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.ToUnit).WithMany().HasForeignKey(r => r.ToUnitId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.ViaUnit).WithMany().HasForeignKey(r => r.ViaUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UnitRoleAssignmentConfiguration : IEntityTypeConfiguration<UnitRoleAssignment>
{
    public void Configure(EntityTypeBuilder<UnitRoleAssignment> b)
    {
        b.ToTable("unit_roles");
        b.Property(r => r.Role).HasConversion<string>().HasMaxLength(32);
        b.HasIndex(r => new { r.UserId, r.UnitId, r.Role }).IsUnique();
        b.HasOne<StaffUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_log");
        b.Property(a => a.Actor).HasMaxLength(64);
        b.Property(a => a.ActorName).HasMaxLength(256);
        b.Property(a => a.EntityType).HasMaxLength(128);
        b.Property(a => a.EntityId).HasMaxLength(128);
        b.Property(a => a.Action).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> b) => b.Property(u => u.DisplayName).HasMaxLength(256);
}
