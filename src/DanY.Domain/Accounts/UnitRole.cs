using DanY.Domain.Auditing;

namespace DanY.Domain.Accounts;

/// <summary>Roles are ordered: each includes the rights of those below it.</summary>
public enum UnitRole
{
    Viewer = 1,
    Reviewer = 2,
    Editor = 3,
    Administrator = 4,
}

/// <summary>A role a person holds at a unit; it applies to the unit and its whole subtree.</summary>
public sealed class UnitRoleAssignment : IAuditable
{
    private UnitRoleAssignment()
    {
    }

    public UnitRoleAssignment(string userId, int unitId, UnitRole role)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        UserId = userId;
        UnitId = unitId;
        Role = role;
    }

    public int Id { get; private set; }
    public string UserId { get; private set; } = "";
    public int UnitId { get; private set; }
    public Units.Unit? Unit { get; private set; }
    public UnitRole Role { get; private set; }

    public static string Label(UnitRole role) => role switch
    {
        UnitRole.Administrator => "Quản trị",
        UnitRole.Editor => "Biên tập",
        UnitRole.Reviewer => "Duyệt",
        UnitRole.Viewer => "Xem",
        _ => role.ToString(),
    };
}
