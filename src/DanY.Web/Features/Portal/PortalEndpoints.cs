using System.Text;
using DanY.Domain.Consultations;
using DanY.Infrastructure.Consultations;
using DanY.Infrastructure.Data;
using DanY.Web.Features.Consultations;
using Microsoft.AspNetCore.Mvc;

namespace DanY.Web.Features.Portal;

/// <summary>
/// The public portal under /p: plain GET pages and one form POST, no log-in, no script. The comment
/// form carries no antiforgery token (there is no session to forge; the honeypot, the size limits and
/// the rate limit guard it) so that section pages can be cached and served fast.
/// </summary>
internal static class PortalEndpoints
{
    private const int MaxFormBytes = 32 * 1024;

    public static void Map(WebApplication app)
    {
        var portal = app.MapGroup("/p").AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

        portal.MapGet("/", async (ConsultationCatalog catalog, CancellationToken ct) =>
            Html(PortalPages.Home(await catalog.PublishedAsync(ct), catalog.Now))).RequireRateLimiting(ConsultationsFeature.PublicReadPolicy);

        portal.MapGet("/{id:int}", async Task<IResult> (int id, ConsultationCatalog catalog, CancellationToken ct) =>
        {
            var c = await Published(catalog, id, ct);
            if (c is null) return NotFound();
            var drafts = new List<DraftText>();
            foreach (var d in c.Drafts)
            {
                if (d.CurrentVersionId is int v && await catalog.VersionAsync(v) is { } text) drafts.Add(text);
            }
            return Html(PortalPages.ConsultationPage(c, drafts, catalog.Now));
        }).RequireRateLimiting(ConsultationsFeature.PublicReadPolicy);

        portal.MapGet("/{id:int}/drafts/{draftId:int}", async Task<IResult> (int id, int draftId, ConsultationCatalog catalog, CancellationToken ct) =>
        {
            var c = await Published(catalog, id, ct);
            if (c?.Draft(draftId) is not { CurrentVersionId: int v } summary || await catalog.VersionAsync(v) is not { } text) return NotFound();
            return Html(PortalPages.DraftPage(c, summary, text, c.IsAcceptingAt(catalog.Now), FormState.Empty, NewKey()));
        }).RequireRateLimiting(ConsultationsFeature.PublicReadPolicy);

        portal.MapGet("/{id:int}/drafts/{draftId:int}/sections/{reference}", SectionAsync).RequireRateLimiting(ConsultationsFeature.PublicReadPolicy);

        portal.MapPost("/{id:int}/drafts/{draftId:int}/comments", SubmitAsync)
            .RequireRateLimiting(ConsultationsFeature.PublicWritePolicy)
            .WithMetadata(new RequestSizeLimitAttribute(MaxFormBytes));

        portal.MapGet("/receipt", (string? code) =>
        {
            if (string.IsNullOrWhiteSpace(code)) return Html(PortalPages.ReceiptLookup(null, false));
            return Receipts.Canonical(code) is { } canonical
                ? Results.Redirect("/p/receipt/" + canonical)
                : Html(PortalPages.ReceiptLookup(code.Length > 20 ? code[..20] : code, true), StatusCodes.Status404NotFound);
        }).RequireRateLimiting(ConsultationsFeature.PublicReadPolicy);

        portal.MapGet("/receipt/{code}", async Task<IResult> (string code, bool? @new, bool? withdrawn, DanYDbContext db, ConsultationCatalog catalog, CancellationToken ct) =>
        {
            var found = await CommentQueries.FindAsync(db, code, ct);
            if (found is null) return Html(PortalPages.ReceiptLookup(code.Length > 20 ? code[..20] : code, true), StatusCodes.Status404NotFound);
            var c = await catalog.GetAsync(found.ConsultationId, ct);
            return Html(PortalPages.Receipt(found, c, @new == true, withdrawn == true ? "Thông tin cá nhân của bạn đã được xóa." : null));
        }).RequireRateLimiting(ConsultationsFeature.PublicReadPolicy);

        portal.MapPost("/receipt/{code}/withdraw", async Task<IResult> (string code, DanYDbContext db, CancellationToken ct) =>
        {
            string? canonical = Receipts.Canonical(code);
            if (canonical is null) return NotFound();
            await CommentQueries.WithdrawIdentityAsync(db, canonical, DateTimeOffset.UtcNow, ct);
            return Results.Redirect("/p/receipt/" + canonical + "?withdrawn=true", permanent: false, preserveMethod: false);
        }).RequireRateLimiting(ConsultationsFeature.PublicWritePolicy).WithMetadata(new RequestSizeLimitAttribute(MaxFormBytes));
    }

    private static async Task SectionAsync(int id, int draftId, string reference, HttpContext context, ConsultationCatalog catalog, PortalPages pages)
    {
        var ct = context.RequestAborted;
        var c = await Published(catalog, id, ct);
        if (c?.Draft(draftId) is not { CurrentVersionId: int v } || await catalog.VersionAsync(v) is not { } text
            || !text.ByRef.TryGetValue(reference, out var section))
        {
            await NotFound().ExecuteAsync(context);
            return;
        }
        var (head, tail) = pages.CachedSection(c, text, section, c.IsAcceptingAt(catalog.Now));
        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        byte[] key = Encoding.ASCII.GetBytes(NewKey());
        response.ContentLength = head.Length + (tail.Length > 0 ? key.Length + tail.Length : 0);
        await response.Body.WriteAsync(head, ct);
        if (tail.Length > 0)
        {
            await response.Body.WriteAsync(key, ct);
            await response.Body.WriteAsync(tail, ct);
        }
    }

    private static async Task<IResult> SubmitAsync(int id, int draftId, HttpRequest request, ConsultationCatalog catalog, CommentSubmission submission, CancellationToken ct)
    {
        var c = await Published(catalog, id, ct);
        if (c is null || c.Draft(draftId) is not { CurrentVersionId: int v } summary || await catalog.VersionAsync(v) is not { } text) return NotFound();
        if (!request.HasFormContentType) return Html(PortalPages.Message("Không gửi được góp ý", "Biểu mẫu không hợp lệ.", id), StatusCodes.Status400BadRequest);
        var f = await request.ReadFormAsync(ct);
        string? Field(string name) => f.TryGetValue(name, out var value) ? value.ToString() : null;

        // A bot fills the hidden field; a person never sees it.
        if (!string.IsNullOrEmpty(Field("website")))
            return Html(PortalPages.Message("Không gửi được góp ý", "Biểu mẫu có dữ liệu không hợp lệ. Vui lòng tải lại trang và thử lại.", id), StatusCodes.Status400BadRequest);

        string? sectionRef = string.IsNullOrWhiteSpace(Field("sectionRef")) ? null : Field("sectionRef")!.Trim();
        bool consent = string.Equals(Field("consent"), "yes", StringComparison.Ordinal);
        var form = new FormState(Field("stance"), Field("text"), consent, Field("name"), Field("contact"), Field("locality"), Field("group"));
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        IdentityInput? identity = null;
        bool anyIdentity = CommentIdentity.HasAny(form.Name, form.Contact, form.Locality, form.Group);
        if (anyIdentity && !consent)
            errors["consent"] = "Bạn đã điền thông tin cá nhân nhưng chưa đánh dấu đồng ý. Hãy đánh dấu ô đồng ý, hoặc xóa các thông tin đó để gửi ẩn danh.";
        else if (anyIdentity)
            identity = new IdentityInput(form.Name, form.Contact, form.Locality, form.Group, c.ClosesAt.AddMonths(12));
        string key = Field("key") is { Length: > 0 and <= 64 } k ? "portal-" + k : "portal-" + NewKey();
        // Report every mistake of the form at once, not one round at a time: the checks that need no database run here too.
        if (Stances.Parse(form.Stance) is null) errors["stance"] = "";
        string cleaned = DanY.Documents.Intake.TextSanitizer.Clean(form.Text);
        if (cleaned.Length == 0) errors["text"] = "";
        else if (cleaned.Length > Comment.TextMaxLength) errors["text"] = $"Nội dung góp ý dài quá {Comment.TextMaxLength:N0} ký tự.";

        SubmissionResult result;
        if (errors.Count == 0)
        {
            result = await submission.SubmitAsync(id, new CommentRequest(draftId, sectionRef, form.Stance, form.Text, identity is null ? null : form.Group, key, CommentChannels.Portal, identity), ct);
            if (result.Outcome is SubmissionOutcome.Created or SubmissionOutcome.AlreadyStored)
                return Results.Redirect("/p/receipt/" + result.Receipt + "?new=true", permanent: false, preserveMethod: false);
            if (result.Outcome == SubmissionOutcome.Closed) return Html(PortalPages.ClosedPage(c), StatusCodes.Status409Conflict);
            if (result.Outcome == SubmissionOutcome.NotFound) return NotFound();
            // The form was sent again with a changed comment (e.g. after Back): ask to send it once more; the page carries a new key.
            if (result.Outcome == SubmissionOutcome.KeyReused)
                errors["text"] = "Biểu mẫu này đã được gửi với một góp ý khác. Góp ý vừa sửa chưa được lưu, vui lòng bấm gửi lại.";
            foreach (var (field, message) in result.Errors) errors[field] = VietnameseOnly(message);
        }
        if (errors.ContainsKey("stance")) errors["stance"] = "Vui lòng chọn quan điểm: Tán thành, Không tán thành hoặc Đồng ý một phần.";
        if (errors.TryGetValue("text", out string? textError) && textError.Length == 0) errors["text"] = "Vui lòng nhập nội dung góp ý.";
        if (errors.ContainsKey("text") && string.IsNullOrWhiteSpace(form.Text)) errors["text"] = "Vui lòng nhập nội dung góp ý.";
        form = form with { Errors = errors };
        bool accepting = c.IsAcceptingAt(catalog.Now);
        string html = sectionRef is not null && text.ByRef.TryGetValue(sectionRef, out var section)
            ? PortalPages.Section(c, text, section, accepting, form, NewKey())
            : PortalPages.DraftPage(c, summary, text, accepting, form, NewKey());
        return Html(html, StatusCodes.Status400BadRequest);
    }

    private static string VietnameseOnly(string message)
    {
        int slash = message.IndexOf(" / ", StringComparison.Ordinal);
        return slash > 0 ? message[..slash] : message;
    }

    private static async Task<ConsultationInfo?> Published(ConsultationCatalog catalog, int id, CancellationToken ct)
    {
        var c = await catalog.GetAsync(id, ct);
        return c is null || c.Status == ConsultationStatus.Draft ? null : c;
    }

    private static string NewKey() => Guid.NewGuid().ToString("N");

    private static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);

    private static IResult NotFound() =>
        Html(PortalPages.Message("Không tìm thấy trang", "Đợt lấy ý kiến, dự thảo hoặc mục bạn tìm không tồn tại."), StatusCodes.Status404NotFound);
}
