using Microsoft.AspNetCore.Identity;

namespace DanY.Infrastructure.Data;

/// <summary>A staff account (cán bộ). Citizens never get one: their comments are anonymous by default.</summary>
public sealed class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}
