using System.Text.Json;
using System.Text.Json.Serialization;
using DanY.Domain;
using DanY.Domain.Consultations;
using DanY.Infrastructure.Consultations;
using DanY.Infrastructure.Data;
using DanY.Web.Features.Consultations;
using Microsoft.AspNetCore.Mvc;

namespace DanY.Web.Features.Comments;

/// <summary>The public comment API: no log-in, idempotent submission, lookup by receipt.</summary>
internal static class CommentsApi
{
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public sealed record CommentBody(int? DraftId, string? SectionRef, string? Stance, string? Text, string? Group);

    public sealed record ReceiptBody(string Receipt);

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").AllowAnonymous().DisableAntiforgery().WithTags("Góp ý công khai / public comments");

        api.MapGet("/consultations", async Task<IResult> (string? status, ConsultationCatalog catalog, CancellationToken ct) =>
        {
            string filter = (status ?? "").Trim().ToUpperInvariant();
            // An unknown filter is a client mistake: answering with every consultation would look like a match.
            if (filter is not ("" or "OPEN" or "CLOSED" or "SYNTHESISED"))
            {
                return TypedResults.Problem(
                    title: "Tham số không hợp lệ / invalid parameter",
                    detail: "Trạng thái phải là open, closed hoặc synthesised (hoặc bỏ trống để lấy tất cả) / status must be open, closed or synthesised (or omitted for all).",
                    statusCode: StatusCodes.Status400BadRequest);
            }
            var all = await catalog.PublishedAsync(ct);
            var now = catalog.Now;
            IEnumerable<ConsultationInfo> list = filter switch
            {
                "OPEN" => all.Where(c => c.IsAcceptingAt(now)),
                "CLOSED" => all.Where(c => !c.IsAcceptingAt(now) && c.Status != ConsultationStatus.Synthesised),
                "SYNTHESISED" => all.Where(c => c.Status == ConsultationStatus.Synthesised),
                _ => all,
            };
            return TypedResults.Ok(list.Select(c => new
            {
                id = c.Id,
                title = c.Title,
                status = c.IsAcceptingAt(now) ? "open" : c.Status == ConsultationStatus.Synthesised ? "synthesised" : "closed",
                opensAt = c.OpensAt,
                closesAt = c.ClosesAt,
                drafts = c.Drafts.Select(d => new { id = d.Id, title = d.Title }),
            }));
        }).RequireRateLimiting(ConsultationsFeature.PublicReadPolicy);

        api.MapGet("/drafts/{draftId:int}/sections", async Task<IResult> (int draftId, ConsultationCatalog catalog, CancellationToken ct) =>
        {
            var draft = (await catalog.PublishedAsync(ct)).SelectMany(c => c.Drafts).FirstOrDefault(d => d.Id == draftId);
            if (draft?.CurrentVersionId is not int versionId || await catalog.VersionAsync(versionId) is not { } text)
                return NotFound("Không tìm thấy dự thảo / draft not found.");
            return TypedResults.Ok(text.Sections.Select(s => new { @ref = s.Ref, title = s.Title, heading = s.Heading, depth = s.Depth, parentRef = s.ParentRef, anchor = s.Anchor }));
        }).RequireRateLimiting(ConsultationsFeature.PublicReadPolicy);

        api.MapPost("/consultations/{id:int}/comments", PostComment)
            .RequireRateLimiting(ConsultationsFeature.PublicWritePolicy)
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));

        api.MapGet("/comments/{receipt}", async Task<IResult> (string receipt, DanYDbContext db, CancellationToken ct) =>
        {
            var found = await CommentQueries.FindAsync(db, receipt, ct);
            if (found is null) return NotFound("Không tìm thấy góp ý với mã này / no comment with this receipt.");
            return TypedResults.Ok(new
            {
                receipt = found.Receipt,
                status = found.Status == CommentStatus.Received ? "received" : "rejected",
                sectionRef = found.SectionRef,
                stance = Stances.Code(found.Stance),
                text = found.Text,
                consultationId = found.ConsultationId,
                draftId = found.DraftId,
                channel = found.Channel,
                submittedAt = found.SubmittedAt,
            });
        }).RequireRateLimiting(ConsultationsFeature.PublicReadPolicy);
    }

    private static async Task<IResult> PostComment(int id, HttpRequest request, CommentSubmission submission, CancellationToken ct)
    {
        CommentBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<CommentBody>(request.Body, Json, ct);
        }
        catch (JsonException)
        {
            return Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["body"] = ["JSON không hợp lệ / malformed JSON."] });
        }
        if (body is null)
            return Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["body"] = ["Thiếu nội dung / missing body."] });
        string? key = request.Headers["Idempotency-Key"].FirstOrDefault();
        var result = await submission.SubmitAsync(id, new CommentRequest(body.DraftId ?? 0, body.SectionRef, body.Stance, body.Text, body.Group, key, CommentChannels.Api), ct);
        switch (result.Outcome)
        {
            case SubmissionOutcome.Created:
                return TypedResults.Created("/api/comments/" + result.Receipt, new ReceiptBody(result.Receipt!));
            case SubmissionOutcome.AlreadyStored:
                return TypedResults.Ok(new ReceiptBody(result.Receipt!));
            case SubmissionOutcome.NotFound:
                return NotFound("Không tìm thấy đợt lấy ý kiến / consultation not found.");
            case SubmissionOutcome.KeyReused:
                return TypedResults.Problem(
                    title: "Khóa chống gửi trùng đã dùng cho góp ý khác / Idempotency-Key reused",
                    detail: result.Errors["idempotencyKey"],
                    statusCode: StatusCodes.Status422UnprocessableEntity,
                    type: "https://dany.local/problems/idempotency-key-reused");
            case SubmissionOutcome.Invalid:
                return Invalid(result.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }, StringComparer.Ordinal));
            default:
                var c = result.Consultation!;
                return TypedResults.Problem(
                    title: "Đợt lấy ý kiến không nhận góp ý lúc này / the consultation is not accepting comments",
                    detail: string.Create(DanY.Web.Shared.PlatformExtensions.Vietnamese,
                        $"Thời gian góp ý từ {VietnamTime.ToLocal(c.OpensAt):HH:mm dd/MM/yyyy} đến trước {VietnamTime.ToLocal(c.ClosesAt):HH:mm dd/MM/yyyy} (giờ Việt Nam). Window (UTC): {c.OpensAt:O} – {c.ClosesAt:O}."),
                    statusCode: StatusCodes.Status409Conflict,
                    type: "https://dany.local/problems/consultation-closed");
        }
    }

    private static IResult Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Góp ý không hợp lệ / invalid comment");

    private static IResult NotFound(string detail) =>
        TypedResults.Problem(title: "Không tìm thấy / not found", detail: detail, statusCode: StatusCodes.Status404NotFound);
}
