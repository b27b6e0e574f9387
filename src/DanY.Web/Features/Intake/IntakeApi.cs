using System.Text.Json;
using System.Text.Json.Serialization;
using DanY.Documents.Intake;
using DanY.Domain.Consultations;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Consultations;
using DanY.Infrastructure.Data;
using DanY.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DanY.Web.Features.Intake;

/// <summary>One row of the JSON form of an intake upload (the columns of the XLSX template).</summary>
/// <param name="SectionRef">Section reference (II.3.2); null or "Toàn văn" for the whole draft.</param>
/// <param name="Stance">agree, disagree, partly (or the Vietnamese labels).</param>
/// <param name="Date">dd/MM/yyyy or yyyy-MM-dd.</param>
public sealed record IntakeJsonRow(string? SectionRef, string? Text, string? Stance, string? Group, string? Channel, string? Unit, string? Date);

/// <summary>The JSON form of an intake upload.</summary>
public sealed record IntakeJsonBody(int? DraftId, string? FileName, IReadOnlyList<IntakeJsonRow>? Rows);

public sealed record IntakeErrorDto(int Row, string Column, string Code, string Message);

public sealed record IntakeRowDto(int Row, string? SectionRef, string? Stance, string Text, string? Group, string? Channel, string? Unit, string? Date);

/// <summary>What an upload would add: every row error, and the first valid rows.</summary>
public sealed record IntakePreviewDto(int ConsultationId, int DraftId, int DraftVersion, string FileName, int Rows, int ValidRows, int ErrorRows,
    int BlankRowsSkipped, IReadOnlyList<IntakeErrorDto> Errors, IReadOnlyList<IntakeRowDto> Sample);

public sealed record IntakeReceiptDto(int Row, string Receipt, bool Created);

/// <summary>The result of a commit: <c>added</c> new comments, <c>alreadyStored</c> rows that were stored before, rows with errors not stored.</summary>
public sealed record IntakeCommitDto(int ConsultationId, int DraftId, string FileName, bool Replayed, int Rows, int ValidRows, int Added, int AlreadyStored, int ErrorRows,
    IReadOnlyList<IntakeReceiptDto> Receipts, IReadOnlyList<IntakeErrorDto> Errors);

/// <summary>
/// Bulk intake through the HTTP API, for staff (the same log-in as the web app): the XLSX template, a
/// preview of an XLSX/CSV file or JSON rows with every row's errors, and a commit of all valid rows in
/// one transaction under an Idempotency-Key. Same limits as the page (size, rows, zip bombs).
/// </summary>
internal static class IntakeApi
{
    /// <summary>A little above the 20 MB file limit, for the multipart envelope.</summary>
    public const long MaxBodyBytes = 21L * 1024 * 1024;

    private const int SampleRows = 50;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        MaxDepth = 8,
    };

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        // Cookies are SameSite=Lax, so another site cannot post here with a staff member's session.
        var api = endpoints.MapDanYApi("/consultations/{id:int}/intake").DisableAntiforgery()
            .WithTags("Tổng hợp ý kiến từ đơn vị / bulk intake");

        api.MapGet("/template", TemplateAsync)
            .WithSummary("Mẫu Excel của dự thảo / the XLSX template of a draft")
            .WithDescription("Mẫu .xlsx điền sẵn các mục của dự thảo, có danh sách chọn cho mục, quan điểm, tầng lớp, kênh. / The draft's sections pre-filled, with drop-downs.")
            .Produces(StatusCodes.Status200OK, contentType: XlsxContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/preview", PreviewAsync)
            .WithSummary("Xem trước tệp hoặc các dòng, không lưu gì / preview an upload, nothing stored")
            .WithDescription("multipart/form-data: trường `file` (.xlsx hoặc .csv) và `draftId` (hoặc ?draftId=); hoặc JSON `{\"draftId\", \"rows\": [{\"sectionRef\", \"text\", \"stance\", \"group\", \"channel\", \"unit\", \"date\"}]}`. "
                + "Trả về mọi lỗi theo dòng (tiếng Việt) và vài dòng hợp lệ đầu tiên. / Every row error (in Vietnamese, with a stable code) and the first valid rows. "
                + "A file refused as a whole (too large, too many rows, zip bomb, not an XLSX) is a 400 (413 when too large) problem with a Vietnamese and an English message.")
            .Accepts<IntakeJsonBody>("application/json", "multipart/form-data")
            .AddOpenApiOperationTransformer(DescribeMultipart)
            .Produces<IntakePreviewDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));

        api.MapPost("/", CommitAsync)
            .WithSummary("Lưu mọi dòng hợp lệ trong một giao dịch / commit every valid row in one transaction")
            .WithDescription("Cùng nội dung như preview, kèm header `Idempotency-Key` (bắt buộc, 1–128 ký tự ASCII, theo từng đợt lấy ý kiến). "
                + "201 khi có ý kiến mới; 200 khi không có gì mới (gửi lại cùng khóa và cùng dòng: `replayed` = true, cùng mã tiếp nhận; hoặc các dòng đã có từ trước). "
                + "Dòng đã lưu không bao giờ được lưu lại, dù gửi với khóa khác. 422 khi khóa đã dùng cho các dòng khác hoặc không có dòng hợp lệ; 409 khi đợt lấy ý kiến chưa công bố hoặc đã tổng hợp. "
                + "/ 201 when comments were added; 200 when nothing new (a retry with the same key and rows replays with the same receipts). A row already stored is never stored again, whatever the key. "
                + "422 when the key was used for other rows or no row is valid; 409 when the consultation is not published or already synthesised.")
            .Accepts<IntakeJsonBody>("application/json", "multipart/form-data")
            .AddOpenApiOperationTransformer(DescribeMultipart)
            .Produces<IntakeCommitDto>(StatusCodes.Status201Created)
            .Produces<IntakeCommitDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
    }

    /// <summary>The multipart form is a file and a draft id, not the JSON body's schema.</summary>
    private static Task DescribeMultipart(Microsoft.OpenApi.OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (operation.RequestBody?.Content is { } content && content.ContainsKey("multipart/form-data"))
        {
            content["multipart/form-data"] = new Microsoft.OpenApi.OpenApiMediaType
            {
                Schema = new Microsoft.OpenApi.OpenApiSchema
                {
                    Type = Microsoft.OpenApi.JsonSchemaType.Object,
                    Required = new HashSet<string>(StringComparer.Ordinal) { "file" },
                    Properties = new Dictionary<string, Microsoft.OpenApi.IOpenApiSchema>(StringComparer.Ordinal)
                    {
                        ["file"] = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Format = "binary", Description = ".xlsx (mẫu tải về) hoặc .csv, tối đa 20 MB / 100.000 dòng" },
                        ["draftId"] = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.Integer, Description = "Dự thảo; bỏ trống khi đợt lấy ý kiến chỉ có một dự thảo" },
                    },
                },
            };
        }
        operation.Parameters ??= [];
        if (string.Equals(context.Description.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)
            && context.Description.RelativePath?.TrimEnd('/').EndsWith("intake", StringComparison.Ordinal) == true)
        {
            operation.Parameters.Add(new Microsoft.OpenApi.OpenApiParameter
            {
                Name = "Idempotency-Key",
                In = Microsoft.OpenApi.ParameterLocation.Header,
                Required = true,
                Description = "1–128 ký tự ASCII, theo từng đợt lấy ý kiến / 1–128 printable ASCII characters, scoped per consultation",
                Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, MaxLength = Comment.KeyMaxLength },
            });
        }
        return Task.CompletedTask;
    }

    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static async Task<IResult> TemplateAsync(int id, int? draftId, HttpContext context, DanYDbContext db, IPermissionService permissions, BulkIntake intake, CancellationToken ct)
    {
        if (await AccessAsync(id, context, db, permissions, edit: false, ct) is { } denied) return denied;
        var target = await TargetAsync(id, draftId, db, intake, ct);
        if (target is null) return NotFound("Không tìm thấy dự thảo trong đợt lấy ý kiến này / no such draft in this consultation.");
        var buffer = new MemoryStream();
        IntakeTemplateWriter.Write(buffer, new IntakeTemplate(target.Draft.Title, target.Text.Sections.Select(s => new IntakeSection(s.Ref, s.Title)).ToList(),
            target.Consultation.SocialGroups.Count > 0 ? target.Consultation.SocialGroups : null));
        buffer.Position = 0;
        return TypedResults.File(buffer, XlsxContentType, "mau-tong-hop-gop-y.xlsx");
    }

    private static async Task<IResult> PreviewAsync(int id, int? draftId, HttpContext context, DanYDbContext db, IPermissionService permissions, BulkIntake intake, CancellationToken ct)
    {
        if (await AccessAsync(id, context, db, permissions, edit: true, ct) is { } denied) return denied;
        var read = await ReadAsync(id, draftId, context.Request, db, intake, ct);
        if (read.Problem is not null) return read.Problem;
        var (target, parsed, fileName) = (read.Target!, read.Parsed!, read.FileName);
        return TypedResults.Ok(new IntakePreviewDto(id, target.Draft.Id, target.Text.VersionNumber, fileName, parsed.Rows.Count, parsed.Rows.Count - parsed.ErrorRowCount,
            parsed.ErrorRowCount, parsed.BlankRowsSkipped, Errors(parsed), parsed.ValidRows.Take(SampleRows).Select(Row).ToList()));
    }

    private static async Task<IResult> CommitAsync(int id, int? draftId, HttpContext context, DanYDbContext db, IPermissionService permissions, BulkIntake intake, CancellationToken ct)
    {
        if (await AccessAsync(id, context, db, permissions, edit: true, ct) is { } denied) return denied;
        string key = context.Request.Headers["Idempotency-Key"].ToString().Trim();
        if (key.Length is 0 or > Comment.KeyMaxLength || key.Any(c => c < 0x21 || c > 0x7E))
        {
            return Invalid("idempotencyKey", $"Thiếu hoặc sai khóa chống gửi trùng (1–{Comment.KeyMaxLength} ký tự ASCII) / Idempotency-Key header missing or invalid (1–{Comment.KeyMaxLength} printable ASCII characters).");
        }
        var read = await ReadAsync(id, draftId, context.Request, db, intake, ct);
        if (read.Problem is not null) return read.Problem;
        var (target, parsed, fileName) = (read.Target!, read.Parsed!, read.FileName);
        if (!parsed.ValidRows.Any())
        {
            return TypedResults.Problem(
                title: "Không có dòng hợp lệ để lưu / no valid row to store",
                detail: $"{parsed.ErrorRowCount} dòng có lỗi, không có gì được lưu / {parsed.ErrorRowCount} rows with errors, nothing stored.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                type: "https://dany.local/problems/intake-no-valid-rows",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["errors"] = Errors(parsed) });
        }
        var result = await intake.CommitAsync(target, parsed, fileName, key, "api", ct);
        switch (result.Outcome)
        {
            case IntakeCommitOutcome.NotAccepting:
                return TypedResults.Problem(
                    title: "Đợt lấy ý kiến không nhận ý kiến tổng hợp / the consultation does not take intake",
                    detail: "Đợt lấy ý kiến chưa công bố hoặc đã tổng hợp xong; không có gì được lưu / the consultation is not published yet or already synthesised; nothing stored.",
                    statusCode: StatusCodes.Status409Conflict,
                    type: "https://dany.local/problems/consultation-closed");
            case IntakeCommitOutcome.KeyReused:
                return TypedResults.Problem(
                    title: "Khóa chống gửi trùng đã dùng cho dữ liệu khác / Idempotency-Key reused",
                    detail: "Khóa này đã được dùng cho một lần gửi với các dòng khác; lần này chưa lưu gì, hãy gửi lại với khóa mới / "
                        + "this Idempotency-Key was already used for different rows; nothing was stored, send them again with a new key.",
                    statusCode: StatusCodes.Status422UnprocessableEntity,
                    type: "https://dany.local/problems/idempotency-key-reused");
        }
        var dto = new IntakeCommitDto(id, target.Draft.Id, fileName, result.Outcome == IntakeCommitOutcome.Replayed, parsed.Rows.Count, result.Rows.Count,
            result.Added, result.AlreadyStored, result.ErrorRows, result.Rows.Select(r => new IntakeReceiptDto(r.RowNumber, r.Receipt, r.Created)).ToList(), Errors(parsed));
        if (result.Outcome == IntakeCommitOutcome.Replayed) context.Response.Headers["Idempotent-Replayed"] = "true";
        return result.Added > 0 && result.Outcome == IntakeCommitOutcome.Committed
            ? TypedResults.Json(dto, statusCode: StatusCodes.Status201Created)
            : TypedResults.Ok(dto);
    }

    private sealed record Read(IntakeTarget? Target, IntakeParseResult? Parsed, string FileName, IResult? Problem);

    private static async Task<Read> ReadAsync(int id, int? draftId, HttpRequest request, DanYDbContext db, BulkIntake intake, CancellationToken ct)
    {
        static Read Fail(IResult problem) => new(null, null, "", problem);
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(ct);
                var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
                if (file is null || file.Length == 0)
                    return Fail(Invalid("file", "Thiếu tệp .xlsx hoặc .csv (trường file) / missing .xlsx or .csv file (field \"file\")."));
                if (file.Length > UploadLimits.Default.MaxFileBytes) return Fail(TooLarge());
                int? formDraft = int.TryParse(form["draftId"].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int d) ? d : null;
                var target = await TargetAsync(id, formDraft ?? draftId, db, intake, ct);
                if (target is null) return Fail(NotFound("Không tìm thấy dự thảo trong đợt lấy ý kiến này / no such draft in this consultation."));
                string fileName = Path.GetFileName(file.FileName);
                await using var stream = file.OpenReadStream();
                return new Read(target, BulkIntake.Parse(stream, fileName, target), fileName, null);
            }
            if (request.HasJsonContentType())
            {
                IntakeJsonBody? body;
                try
                {
                    body = await JsonSerializer.DeserializeAsync<IntakeJsonBody>(request.Body, Json, ct);
                }
                catch (JsonException)
                {
                    return Fail(Invalid("body", "JSON không hợp lệ / malformed JSON."));
                }
                if (body?.Rows is null) return Fail(Invalid("rows", "Thiếu danh sách dòng (rows) / missing rows."));
                var target = await TargetAsync(id, body.DraftId ?? draftId, db, intake, ct);
                if (target is null) return Fail(NotFound("Không tìm thấy dự thảo trong đợt lấy ý kiến này / no such draft in this consultation."));
                var values = body.Rows.Select(r => (IReadOnlyList<string?>)[r?.SectionRef, r?.Text, r?.Stance, r?.Group, r?.Channel, r?.Unit, r?.Date]);
                string fileName = string.IsNullOrWhiteSpace(body.FileName) ? "api.json" : Path.GetFileName(body.FileName.Trim());
                return new Read(target, BulkIntake.ParseValues(values, target), fileName, null);
            }
            return Fail(TypedResults.Problem(
                title: "Kiểu nội dung không được hỗ trợ / unsupported content type",
                detail: "Gửi multipart/form-data (trường file) hoặc application/json / send multipart/form-data (field \"file\") or application/json.",
                statusCode: StatusCodes.Status415UnsupportedMediaType));
        }
        catch (DocumentRejectedException ex)
        {
            return Fail(TypedResults.Problem(
                title: "Tệp bị từ chối, không có gì được lưu / file refused, nothing stored",
                detail: ex.VietnameseMessage + " / " + ex.EnglishMessage,
                statusCode: ex.Reason == RejectionReason.FileTooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                type: "https://dany.local/problems/upload-refused",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["reason"] = ex.Reason.ToString() }));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Fail(TooLarge());
        }
        catch (InvalidDataException)
        {
            // Multipart limits (too many parts, a section too long).
            return Fail(Invalid("file", "Biểu mẫu tải lên không hợp lệ / malformed multipart body."));
        }
    }

    private static async Task<IntakeTarget?> TargetAsync(int id, int? draftId, DanYDbContext db, BulkIntake intake, CancellationToken ct)
    {
        // Without a draftId, a consultation with a single draft is unambiguous.
        if (draftId is null)
        {
            var drafts = await db.ConsultationDrafts.AsNoTracking().Where(d => d.ConsultationId == id).Select(d => d.DraftId).Take(2).ToListAsync(ct);
            if (drafts.Count != 1) return null;
            draftId = drafts[0];
        }
        return await intake.TargetAsync(id, draftId.Value, ct);
    }

    /// <summary>404 for a consultation the caller cannot see (its existence is not revealed), 403 when they may see but not edit.</summary>
    private static async Task<IResult?> AccessAsync(int id, HttpContext context, DanYDbContext db, IPermissionService permissions, bool edit, CancellationToken ct)
    {
        var owner = await db.Consultations.AsNoTracking().Where(c => c.Id == id).Select(c => (int?)c.OwnerUnitId).FirstOrDefaultAsync(ct);
        if (owner is null || !await permissions.CanViewAsync(context.User, owner.Value, ct))
            return NotFound("Không tìm thấy đợt lấy ý kiến / consultation not found.");
        if (edit && !await permissions.CanEditAsync(context.User, owner.Value, ct))
            return TypedResults.Problem(title: "Không có quyền / forbidden", detail: "Cần quyền biên tập ở đơn vị chủ trì / the editor role at the owning unit is required.", statusCode: StatusCodes.Status403Forbidden);
        return null;
    }

    private static List<IntakeErrorDto> Errors(IntakeParseResult parsed) =>
        parsed.Rows.Where(r => !r.IsValid).SelectMany(r => r.Errors.Select(e => new IntakeErrorDto(r.RowNumber, e.Column, e.Code, e.Message))).ToList();

    private static IntakeRowDto Row(IntakeRow r) =>
        new(r.RowNumber, r.SectionRef, r.Stance is { } s ? IntakeVocabulary.Code(s) : null, r.Text, r.SocialGroup, r.Channel, r.UnitCode,
            r.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    private static IResult TooLarge() => TypedResults.Problem(
        title: "Tệp bị từ chối, không có gì được lưu / file refused, nothing stored",
        detail: $"Tệp quá lớn (tối đa {UploadLimits.Default.MaxFileBytes / (1024 * 1024)} MB) / the file is larger than {UploadLimits.Default.MaxFileBytes / (1024 * 1024)} MB.",
        statusCode: StatusCodes.Status413PayloadTooLarge,
        type: "https://dany.local/problems/upload-refused",
        extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["reason"] = nameof(RejectionReason.FileTooLarge) });

    private static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] }, title: "Yêu cầu không hợp lệ / invalid request");

    private static IResult NotFound(string detail) =>
        TypedResults.Problem(title: "Không tìm thấy / not found", detail: detail, statusCode: StatusCodes.Status404NotFound);
}
