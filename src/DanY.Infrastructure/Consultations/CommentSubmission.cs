using DanY.Documents.Intake;
using DanY.Domain.Consultations;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanY.Infrastructure.Consultations;

public enum SubmissionOutcome
{
    Created,
    AlreadyStored,
    NotFound,
    Invalid,
    Closed,

    /// <summary>The idempotency key was already used for a different comment; nothing was stored.</summary>
    KeyReused,
}

/// <summary>A comment as a citizen or client sends it, before validation.</summary>
public sealed record CommentRequest(
    int DraftId,
    string? SectionRef,
    string? Stance,
    string? Text,
    string? Group,
    string? IdempotencyKey,
    string Channel,
    IdentityInput? Identity = null);

/// <summary>The answer to a submission; <see cref="Errors"/> maps a field to a Vietnamese / English message.</summary>
public sealed record SubmissionResult(SubmissionOutcome Outcome, string? Receipt, IReadOnlyDictionary<string, string> Errors, ConsultationInfo? Consultation = null)
{
    public static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>Validates a submission against the (cached) consultation and hands it to the group-commit writer.</summary>
public sealed class CommentSubmission(ConsultationCatalog catalog, CommentWriter writer, IServiceScopeFactory scopes)
{
    public const int GroupMaxLength = 100;

    public async Task<SubmissionResult> SubmitAsync(int consultationId, CommentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var consultation = await catalog.GetAsync(consultationId, cancellationToken).ConfigureAwait(false);
        if (consultation is null || consultation.Status == ConsultationStatus.Draft)
            return new SubmissionResult(SubmissionOutcome.NotFound, null, SubmissionResult.NoErrors);

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        string key = request.IdempotencyKey?.Trim() ?? "";
        if (key.Length is 0 or > Comment.KeyMaxLength || key.Any(c => c < 0x21 || c > 0x7E))
            errors["idempotencyKey"] = $"Thiếu hoặc sai khóa chống gửi trùng (1–{Comment.KeyMaxLength} ký tự ASCII) / Idempotency-Key header missing or invalid (1–{Comment.KeyMaxLength} printable ASCII characters).";

        var draft = consultation.Draft(request.DraftId);
        DraftText? text = draft?.CurrentVersionId is int versionId ? await catalog.VersionAsync(versionId).ConfigureAwait(false) : null;
        if (draft is null || text is null)
            errors["draftId"] = "Dự thảo không thuộc đợt lấy ý kiến này / the draft is not part of this consultation.";
        string? sectionRef = string.IsNullOrWhiteSpace(request.SectionRef) ? null : request.SectionRef.Trim();
        if (sectionRef is not null && text is not null && !text.ByRef.ContainsKey(sectionRef))
            errors["sectionRef"] = "Không có mục này trong dự thảo / no such section in the draft.";

        var stance = Stances.Parse(request.Stance);
        if (stance is null) errors["stance"] = "Chọn Tán thành, Không tán thành hoặc Đồng ý một phần / stance must be agree, disagree or partly.";

        string body = TextSanitizer.Clean(request.Text);
        if (body.Length == 0) errors["text"] = "Nội dung góp ý không được để trống / the text must not be empty.";
        else if (body.Length > Comment.TextMaxLength)
            errors["text"] = $"Nội dung góp ý dài quá {Comment.TextMaxLength:N0} ký tự / the text is longer than {Comment.TextMaxLength} characters.";

        string? group = string.IsNullOrWhiteSpace(request.Group) ? null : TextSanitizer.Clean(request.Group, keepLineBreaks: false);
        if (group is { Length: > GroupMaxLength }) errors["group"] = $"Tầng lớp dài quá {GroupMaxLength} ký tự / group longer than {GroupMaxLength} characters.";
        if (!consultation.Channels.Contains(request.Channel, StringComparer.Ordinal)
            && !(request.Channel == CommentChannels.Api && consultation.Channels.Contains(CommentChannels.Portal, StringComparer.Ordinal)))
            errors["channel"] = "Đợt lấy ý kiến không nhận góp ý qua kênh này / the consultation does not accept this channel.";

        if (errors.Count > 0) return new SubmissionResult(SubmissionOutcome.Invalid, null, errors, consultation);
        var comment = new NewComment(
            consultation.Id, draft!.Id, text!.VersionId, sectionRef, stance!.Value, body, request.Channel, key,
            SocialGroup: group, Identity: request.Identity);
        if (!consultation.IsAcceptingAt(catalog.Now))
        {
            // A retry of a comment stored before the window closed still gets its receipt, under the same
            // rule as an open window: the same key with a different comment is refused, never answered with the other receipt.
            var earlier = await StoredAsync(consultation.Id, key, cancellationToken).ConfigureAwait(false);
            if (earlier is null) return new SubmissionResult(SubmissionOutcome.Closed, null, SubmissionResult.NoErrors, consultation);
            return CommentSql.SameComment(comment, earlier.Value.Comment)
                ? new SubmissionResult(SubmissionOutcome.AlreadyStored, earlier.Value.Receipt, SubmissionResult.NoErrors, consultation)
                : KeyReused(consultation);
        }

        var stored = await writer.SubmitAsync(comment, cancellationToken).ConfigureAwait(false);
        if (stored.KeyReused) return KeyReused(consultation);
        return new SubmissionResult(stored.Created ? SubmissionOutcome.Created : SubmissionOutcome.AlreadyStored, stored.Receipt, SubmissionResult.NoErrors, consultation);
    }

    private static SubmissionResult KeyReused(ConsultationInfo consultation) =>
        new(SubmissionOutcome.KeyReused, null, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["idempotencyKey"] = "Khóa chống gửi trùng này đã được dùng cho một góp ý khác; góp ý này chưa được lưu, hãy gửi lại với khóa mới / "
                + "this Idempotency-Key was already used for a different comment; this comment was not stored, send it again with a new key.",
        }, consultation);

    private async Task<(string Receipt, NewComment Comment)?> StoredAsync(int consultationId, string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
        var c = await db.Comments.AsNoTracking().Where(x => x.ConsultationId == consultationId && x.IdempotencyKey == key)
            .Select(x => new { x.Receipt, x.DraftId, x.DraftVersionId, x.SectionRef, x.Stance, x.Text, x.Channel, x.SocialGroup })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (c is null) return null;
        return (c.Receipt, new NewComment(consultationId, c.DraftId, c.DraftVersionId, c.SectionRef, c.Stance, c.Text, c.Channel, key, SocialGroup: c.SocialGroup));
    }
}
