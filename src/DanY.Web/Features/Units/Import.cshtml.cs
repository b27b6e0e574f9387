using System.Security.Claims;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanY.Web.Features.Units;

/// <summary>Upload, preview with row-level errors, then commit: nothing is written while any row is wrong.</summary>
[RequestSizeLimit(UnitFile.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = UnitFile.MaxBytes + 64 * 1024)]
public sealed class ImportModel(UnitImporter importer, IPermissionService permissions, DatabaseSettings settings, ILogger<ImportModel> logger) : PageModel
{
    public UnitImportPreview? Preview { get; private set; }
    public string? Token { get; private set; }
    public string? FileName { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "Vui lòng chọn tệp CSV hoặc XLSX.");
            return Page();
        }
        string ext = UnitFile.IsXlsx(file.FileName) ? "xlsx" : file.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "csv" : "";
        if (ext.Length == 0)
        {
            ModelState.AddModelError("file", "Chỉ nhận tệp .csv hoặc .xlsx.");
            return Page();
        }
        FileName = Path.GetFileName(file.FileName);
        Token = Guid.NewGuid().ToString("N");
        string path = PendingPath(Token, ext);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var target = System.IO.File.Create(path))
        {
            await file.CopyToAsync(target, cancellationToken);
        }
        await using var stream = System.IO.File.OpenRead(path);
        Preview = await importer.PreviewAsync(stream, "upload." + ext, await permissions.GrantsAsync(User, cancellationToken), cancellationToken);
        Token = Token + "." + ext;
        if (!Preview.CanCommit) System.IO.File.Delete(path);
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(string token, CancellationToken cancellationToken)
    {
        var parts = (token ?? "").Split('.');
        if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out _) || parts[1] is not ("csv" or "xlsx"))
            return BadRequest();
        string path = PendingPath(parts[0], parts[1]);
        if (!System.IO.File.Exists(path))
        {
            ModelState.AddModelError(string.Empty, "Phiên nhập tệp đã hết hạn, vui lòng tải tệp lên lại.");
            return Page();
        }
        UnitImportPreview preview;
        await using (var stream = System.IO.File.OpenRead(path))
        {
            preview = await importer.PreviewAsync(stream, "upload." + parts[1], await permissions.GrantsAsync(User, cancellationToken), cancellationToken);
        }
        if (!preview.CanCommit)
        {
            Preview = preview;
            return Page();
        }
        int changed = await importer.CommitAsync(preview, cancellationToken);
        System.IO.File.Delete(path);
        logger.LogInformation("Unit import committed: {Changed} units", changed);
        Message = $"Đã nhập {changed} đơn vị ({preview.Creates} thêm mới, {preview.Updates} cập nhật).";
        return RedirectToPage();
    }

    private string PendingPath(string id, string ext)
    {
        string owner = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
        string safeOwner = new(owner.Where(char.IsAsciiLetterOrDigit).ToArray());
        return Path.Combine(settings.DataPath, "imports", safeOwner, id + "." + ext);
    }
}
