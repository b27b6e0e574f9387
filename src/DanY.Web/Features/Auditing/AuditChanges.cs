using System.Text.Json;
using DanY.Domain.Auditing;
using DanY.Web.Shared;

namespace DanY.Web.Features.Auditing;

/// <summary>One field of an audited entity as a reader sees it: its Vietnamese name, the value before and after.</summary>
public sealed record AuditFieldChange(string Field, string Label, string? Before, string? After);

/// <summary>
/// Turns the stored JSON snapshots into the few lines an administrator reads: for an update only the fields
/// that changed, for a creation or deletion the fields that carry a value. The raw JSON stays in the database.
/// </summary>
public static class AuditChanges
{
    // Entity types as staff know them; an unknown type shows its code name rather than being hidden.
    private static readonly Dictionary<string, string> EntityNames = new(StringComparer.Ordinal)
    {
        ["Unit"] = "Đơn vị",
        ["ReportingLine"] = "Tuyến báo cáo",
        ["UnitRoleAssignment"] = "Phân quyền",
        ["Congress"] = "Đại hội",
        ["Draft"] = "Dự thảo",
        ["Consultation"] = "Đợt lấy ý kiến",
        ["Conference"] = "Hội nghị",
        ["SynthesisGroup"] = "Nhóm ý kiến",
        ["SynthesisMember"] = "Ý kiến trong nhóm",
        ["SynthesisAssignment"] = "Chuyển ý kiến",
        ["CadreStatistic"] = "Thống kê cán bộ",
        ["ReportingObligation"] = "Nghĩa vụ báo cáo",
        ["IssuedPlan"] = "Kế hoạch",
        ["PlanTask"] = "Nhiệm vụ kế hoạch",
        ["SituationReport"] = "Báo cáo tình hình",
        ["ReportAttachment"] = "Tệp đính kèm báo cáo",
        ["LabelSet"] = "Bộ nhãn",
        ["CommentLabel"] = "Nhãn ý kiến",
        ["LabelModel"] = "Mô hình phân loại",
        ["LabellingJob"] = "Lượt gán nhãn tự động",
    };

    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.Ordinal)
    {
        ["Id"] = "Mã số",
        ["Code"] = "Mã",
        ["Name"] = "Tên",
        ["Title"] = "Tiêu đề",
        ["Kind"] = "Loại",
        ["Level"] = "Cấp",
        ["System"] = "Hệ thống",
        ["ParentId"] = "Đơn vị cấp trên",
        ["Path"] = "Đường dẫn cây",
        ["Status"] = "Trạng thái",
        ["State"] = "Trạng thái",
        ["Note"] = "Ghi chú",
        ["Summary"] = "Câu tổng hợp",
        ["Role"] = "Vai trò",
        ["UnitId"] = "Đơn vị",
        ["OpensAt"] = "Mở lúc",
        ["ClosesAt"] = "Đóng lúc",
        ["CreatedAt"] = "Tạo lúc",
        ["UpdatedAt"] = "Sửa lúc",
        ["Label"] = "Nhãn",
        ["Place"] = "Địa điểm",
        ["Attendance"] = "Số người dự",
        ["UserId"] = "Tài khoản",
        ["FromUnitId"] = "Đơn vị báo cáo",
        ["ToUnitId"] = "Đơn vị nhận báo cáo",
        ["ViaUnitId"] = "Qua đơn vị",
        ["Purpose"] = "Nội dung",
    };

    public static IReadOnlyCollection<KeyValuePair<string, string>> KnownEntities => EntityNames;

    public static string EntityLabel(string entityType) => EntityNames.GetValueOrDefault(entityType, entityType);

    public static string ActionLabel(AuditAction action) => action switch
    {
        AuditAction.Created => "Thêm",
        AuditAction.Updated => "Sửa",
        _ => "Xóa",
    };

    /// <summary>Fields that hold a unit id: shown as the unit's name.</summary>
    public static bool IsUnitReference(string field) =>
        field.EndsWith("UnitId", StringComparison.Ordinal) || string.Equals(field, "ParentId", StringComparison.Ordinal);

    /// <summary>Fields that hold a staff account id: shown as the account's e-mail.</summary>
    public static bool IsUserReference(string field) => string.Equals(field, "UserId", StringComparison.Ordinal);

    /// <summary>Enum values in their Vietnamese wording, where the domain has one.</summary>
    public static string? Translate(string field, string? value)
    {
        if (value is null) return null;
        return field switch
        {
            "Role" when Enum.TryParse<Domain.Accounts.UnitRole>(value, out var role) => Domain.Accounts.UnitRoleAssignment.Label(role),
            "Kind" when Enum.TryParse<Domain.Units.UnitKind>(value, out var kind) => Domain.Units.UnitLabels.Of(kind),
            "Level" when Enum.TryParse<Domain.Units.UnitLevel>(value, out var level) => Domain.Units.UnitLabels.Of(level),
            "System" when Enum.TryParse<Domain.Units.UnitSystem>(value, out var system) => Domain.Units.UnitLabels.Of(system),
            _ => value,
        };
    }

    public static IReadOnlyList<AuditFieldChange> Of(AuditEntry entry)
    {
        var before = Read(entry.Before);
        var after = Read(entry.After);
        var changes = new List<AuditFieldChange>();
        foreach (string field in before.Keys.Union(after.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            string? b = before.GetValueOrDefault(field);
            string? a = after.GetValueOrDefault(field);
            bool keep = entry.Action == AuditAction.Updated
                ? !string.Equals(b, a, StringComparison.Ordinal)
                : !string.IsNullOrEmpty(b) || !string.IsNullOrEmpty(a);
            if (keep) changes.Add(new AuditFieldChange(field, FieldNames.GetValueOrDefault(field, field), b, a));
        }
        return changes;
    }

    private static Dictionary<string, string?> Read(string? json)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json)) return values;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return values;
            foreach (var property in document.RootElement.EnumerateObject()) values[property.Name] = Display(property.Value);
        }
        catch (JsonException)
        {
            // A snapshot that is not JSON is still shown, whole, rather than dropped.
            values["(nguyên bản)"] = json;
        }
        return values;
    }

    private static string? Display(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String when value.TryGetDateTimeOffset(out var at) && value.GetString()!.Length >= 19 =>
            at.ToVietnameseDateTime(),
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "có",
        JsonValueKind.False => "không",
        _ => value.GetRawText(),
    };
}
