using System.ComponentModel.DataAnnotations;
using DanY.Domain.Accounts;
using DanY.Domain.Units;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Accounts;

public sealed record PersonRole(int AssignmentId, string UserId, string Email, string DisplayName, UnitRole Role, string UnitCode, string UnitName, bool Inherited);

/// <summary>
/// Staff accounts and their roles at one unit. Only an administrator of the unit (or above) manages them; a role
/// granted here covers the unit's whole subtree. Grants and revocations are audited (UnitRoleAssignment is auditable).
/// </summary>
public sealed class PeopleModel(
    DanYDbContext db,
    IPermissionService permissions,
    UserManager<StaffUser> users,
    ILogger<PeopleModel> logger) : PageModel
{
    public Unit Unit { get; private set; } = null!;
    public IReadOnlyList<PersonRole> Roles { get; private set; } = [];

    [BindProperty]
    public GrantForm Form { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    /// <summary>Shown once, right after an account is created, for the administrator to hand over in person.</summary>
    [TempData]
    public string? TemporaryPassword { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(code, cancellationToken);
        return denied ?? Page();
    }

    public async Task<IActionResult> OnPostGrantAsync(string code, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(code, cancellationToken);
        if (denied is not null) return denied;
        if (!ModelState.IsValid) return Page();

        string email = Form.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        string? password = null;
        if (user is null)
        {
            if (string.IsNullOrWhiteSpace(Form.DisplayName))
            {
                ModelState.AddModelError("Form.DisplayName", "Tài khoản mới cần họ tên hoặc chức danh hiển thị. / A new account needs a display name.");
                return Page();
            }
            password = Passwords.Generate();
            user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = DanY.Engine.Text.VietnameseText.Normalize(Form.DisplayName.Trim()), LockoutEnabled = true };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                foreach (var error in created.Errors) ModelState.AddModelError("Form.Email", Describe(error));
                return Page();
            }
            logger.LogInformation("Staff account {UserId} created by an administrator of unit {UnitId}", user.Id, Unit.Id);
        }

        var existing = await db.UnitRoles.SingleOrDefaultAsync(r => r.UserId == user.Id && r.UnitId == Unit.Id, cancellationToken);
        if (existing is not null)
        {
            if (existing.Role == Form.Role)
            {
                Message = $"{email} đã có vai trò {UnitRoleAssignment.Label(Form.Role)} tại đơn vị này.";
                return RedirectToPage(new { code });
            }
            db.UnitRoles.Remove(existing);
        }
        db.UnitRoles.Add(new UnitRoleAssignment(user.Id, Unit.Id, Form.Role));
        await db.SaveChangesAsync(cancellationToken);
        Message = $"Đã giao vai trò {UnitRoleAssignment.Label(Form.Role)} tại {Unit.Name} cho {email}.";
        TemporaryPassword = password;
        return RedirectToPage(new { code });
    }

    public async Task<IActionResult> OnPostRevokeAsync(string code, int assignmentId, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(code, cancellationToken);
        if (denied is not null) return denied;
        var assignment = await db.UnitRoles.SingleOrDefaultAsync(r => r.Id == assignmentId && r.UnitId == Unit.Id, cancellationToken);
        if (assignment is null) return NotFound();
        if (string.Equals(assignment.UserId, users.GetUserId(User), StringComparison.Ordinal))
        {
            // Revoking one's own role could leave a unit with nobody to manage it; another administrator does it.
            Message = "Không thể tự thu hồi vai trò của chính mình. / You cannot revoke your own role.";
            return RedirectToPage(new { code });
        }
        db.UnitRoles.Remove(assignment);
        await db.SaveChangesAsync(cancellationToken);
        Message = "Đã thu hồi vai trò.";
        return RedirectToPage(new { code });
    }

    private async Task<IActionResult?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code, cancellationToken);
        if (unit is null) return NotFound();
        if (!await permissions.HasRoleAsync(User, unit.Id, UnitRole.Administrator, cancellationToken)) return StatusCode(StatusCodes.Status403Forbidden);
        Unit = unit;

        // Roles held here and above: those above also reach this unit, shown so nobody grants twice.
        var ancestorIds = Units.UnitsFeature.AncestorIds(unit).Append(unit.Id).ToList();
        var rows = await db.UnitRoles.AsNoTracking()
            .Where(r => ancestorIds.Contains(r.UnitId))
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r.Id, r.UserId, u.Email, u.DisplayName, r.Role, r.Unit!.Code, r.Unit.Name, r.UnitId, r.Unit.Path })
            .ToListAsync(cancellationToken);
        Roles = rows
            .OrderBy(r => r.UnitId == unit.Id ? 0 : 1).ThenBy(r => r.Path.Length).ThenByDescending(r => r.Role).ThenBy(r => r.Email, StringComparer.Ordinal)
            .Select(r => new PersonRole(r.Id, r.UserId, r.Email ?? "", r.DisplayName, r.Role, r.Code, r.Name, r.UnitId != unit.Id))
            .ToList();
        return null;
    }

    private static string Describe(IdentityError error) => error.Code switch
    {
        "InvalidEmail" or "InvalidUserName" => "Thư điện tử không hợp lệ. / Invalid e-mail address.",
        "DuplicateEmail" or "DuplicateUserName" => "Thư điện tử đã được dùng cho tài khoản khác. / E-mail already in use.",
        _ => error.Description,
    };

    public sealed class GrantForm
    {
        [Required(ErrorMessage = "Vui lòng nhập thư điện tử. / E-mail is required.")]
        [EmailAddress(ErrorMessage = "Thư điện tử không hợp lệ. / Invalid e-mail address.")]
        [StringLength(256)]
        [Display(Name = "Thư điện tử")]
        public string Email { get; set; } = "";

        [StringLength(120, ErrorMessage = "Tên hiển thị tối đa 120 ký tự. / At most 120 characters.")]
        [Display(Name = "Họ tên / chức danh (cho tài khoản mới)")]
        public string? DisplayName { get; set; }

        [Display(Name = "Vai trò")]
        public UnitRole Role { get; set; } = UnitRole.Viewer;
    }
}
