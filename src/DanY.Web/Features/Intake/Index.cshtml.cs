using System.Globalization;
using DanY.Domain;
using DanY.Documents.Intake;
using DanY.Domain.Consultations;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Consultations;
using DanY.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Intake;

/// <summary>
/// Bulk intake from subordinate units: download the XLSX template of a draft, upload XLSX or CSV,
/// preview every row with its errors, commit the valid rows in one transaction. Each row's key is its
/// content hash, so uploading the same file (or the same rows) again adds nothing.
/// </summary>
[RequestSizeLimit(25 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 25 * 1024 * 1024)]
public sealed class IndexModel(DanYDbContext db, IPermissionService permissions, ConsultationCatalog catalog, BulkIntake intake, DatabaseSettings settings) : PageModel
{
    public ConsultationInfo? Consultation { get; private set; }
    public IReadOnlyList<(DraftSummary Draft, DraftText Text)> Drafts { get; private set; } = [];
    public IntakeParseResult? Preview { get; private set; }
    public string? Error { get; private set; }
    public string? Done { get; private set; }
    public bool CanEdit { get; private set; }

    [BindProperty(SupportsGet = true)] public int DraftId { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Token { get; set; }
    [BindProperty] public string? FileName { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetTemplateAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var (draft, text) = Drafts.FirstOrDefault(d => d.Draft.Id == DraftId);
        if (text is null) return NotFound();
        var buffer = new MemoryStream();
        IntakeTemplateWriter.Write(buffer, new IntakeTemplate(draft.Title, text.Sections.Select(s => new IntakeSection(s.Ref, s.Title)).ToList(),
            Consultation!.SocialGroups.Count > 0 ? Consultation.SocialGroups : null));
        buffer.Position = 0;
        return File(buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "mau-tong-hop-gop-y.xlsx");
    }

    public async Task<IActionResult> OnPostPreviewAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanEdit) return Forbid();
        if (Upload is null || Upload.Length == 0)
        {
            Error = "Vui lòng chọn tệp .xlsx hoặc .csv.";
            return Page();
        }
        if (Upload.Length > UploadLimits.Default.MaxFileBytes)
        {
            Error = "Tệp quá lớn (tối đa 20 MB); không có dữ liệu nào được lưu.";
            return Page();
        }
        Token = Guid.NewGuid().ToString("N");
        FileName = Path.GetFileName(Upload.FileName);
        string path = TokenPath(Token);
        await using (var file = System.IO.File.Create(path))
        {
            await Upload.CopyToAsync(file, ct);
        }
        if (!Parse(path, FileName))
        {
            System.IO.File.Delete(path);
            Token = null;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanEdit) return Forbid();
        if (Token is null || Token.Length != 32 || !Token.All(char.IsAsciiHexDigitLower) || !System.IO.File.Exists(TokenPath(Token)))
        {
            Error = "Phiên tải tệp đã hết hạn; vui lòng tải tệp lên lại.";
            return Page();
        }
        if (Consultation!.Status is ConsultationStatus.Draft or ConsultationStatus.Synthesised)
        {
            Error = "Đợt lấy ý kiến chưa công bố hoặc đã tổng hợp xong; không nhận thêm ý kiến.";
            return Page();
        }
        string path = TokenPath(Token);
        if (!Parse(path, FileName ?? "upload.xlsx")) return Page();
        var target = await intake.TargetAsync(id, DraftId, ct);
        if (target is null) return NotFound();
        var result = await intake.CommitAsync(target, Preview!, FileName ?? "upload", idempotencyKey: null, source: "web", ct);
        System.IO.File.Delete(path);
        Done = string.Create(CultureInfo.GetCultureInfo("vi-VN"),
            $"Đã lưu {result.Added:N0} ý kiến mới từ tệp “{FileName}”; {result.AlreadyStored:N0} dòng đã có từ trước nên không lưu lại; {result.ErrorRows:N0} dòng có lỗi không được lưu.");
        Preview = null;
        Token = null;
        return Page();
    }

    private bool Parse(string path, string fileName)
    {
        var (_, text) = Drafts.FirstOrDefault(d => d.Draft.Id == DraftId);
        if (text is null)
        {
            Error = "Chọn dự thảo.";
            return false;
        }
        try
        {
            using var stream = System.IO.File.OpenRead(path);
            Preview = BulkIntake.Parse(stream, fileName, new IntakeTarget(Consultation!, Drafts.First(d => d.Draft.Id == DraftId).Draft, text));
            return true;
        }
        catch (DocumentRejectedException ex)
        {
            Error = "Không đọc được tệp: " + ex.VietnameseMessage + " Không có dữ liệu nào được lưu.";
            return false;
        }
    }

    private string TokenPath(string token)
    {
        string folder = Path.Combine(settings.DataPath, "intake-uploads");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, token + ".upload");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var owner = await db.Consultations.AsNoTracking().Where(c => c.Id == id).Select(c => (int?)c.OwnerUnitId).FirstOrDefaultAsync(ct);
        if (owner is null || !await permissions.CanViewAsync(User, owner.Value, ct)) return false;
        CanEdit = await permissions.CanEditAsync(User, owner.Value, ct);
        catalog.Invalidate(id);
        Consultation = await catalog.GetAsync(id, ct);
        var drafts = new List<(DraftSummary, DraftText)>();
        foreach (var d in Consultation!.Drafts)
        {
            if (d.CurrentVersionId is int v && await catalog.VersionAsync(v) is { } text) drafts.Add((d, text));
        }
        Drafts = drafts;
        if (DraftId == 0 && drafts.Count > 0) DraftId = drafts[0].Item1.Id;
        return true;
    }
}
