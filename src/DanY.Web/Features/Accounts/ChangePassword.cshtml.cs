using System.ComponentModel.DataAnnotations;
using DanY.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanY.Web.Features.Accounts;

/// <summary>Staff replace the temporary password an administrator handed them.</summary>
[Authorize]
public sealed class ChangePasswordModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Vui lòng nhập mật khẩu hiện tại. / Current password is required.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mật khẩu hiện tại")]
    public string Current { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Vui lòng nhập mật khẩu mới. / New password is required.")]
    [StringLength(128, MinimumLength = 10, ErrorMessage = "Mật khẩu mới cần từ 10 ký tự. / At least 10 characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mật khẩu mới")]
    public string New { get; set; } = "";

    [BindProperty]
    [Compare(nameof(New), ErrorMessage = "Hai lần nhập mật khẩu mới không khớp. / The new passwords do not match.")]
    [DataType(DataType.Password)]
    [Display(Name = "Nhập lại mật khẩu mới")]
    public string Confirm { get; set; } = "";

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await users.ChangePasswordAsync(user, Current, New);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Code switch
                {
                    "PasswordMismatch" => "Mật khẩu hiện tại không đúng. / The current password is wrong.",
                    "PasswordRequiresNonAlphanumeric" => "Mật khẩu mới cần ít nhất một ký tự đặc biệt. / Needs a symbol.",
                    "PasswordRequiresDigit" => "Mật khẩu mới cần ít nhất một chữ số. / Needs a digit.",
                    "PasswordRequiresUpper" => "Mật khẩu mới cần ít nhất một chữ hoa. / Needs an upper-case letter.",
                    "PasswordRequiresLower" => "Mật khẩu mới cần ít nhất một chữ thường. / Needs a lower-case letter.",
                    "PasswordTooShort" => "Mật khẩu mới quá ngắn. / Too short.",
                    _ => error.Description,
                });
            }
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        Done = true;
        return Page();
    }
}
