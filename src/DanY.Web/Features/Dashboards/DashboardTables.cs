using System.Globalization;
using System.Text;
using DanY.Documents.Reports;
using DanY.Infrastructure.Dashboards;

namespace DanY.Web.Features.Dashboards;

/// <summary>A table of a dashboard as exported: a stable key (used in the export URL), a title, headers and typed cells.</summary>
public sealed record DashboardTable(string Key, string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows, IReadOnlyList<double> Widths)
{
    /// <summary>Sheet names are at most 31 characters: a short name per table rather than a cut title.</summary>
    public string SheetName => Key switch
    {
        "days" => "Theo ngày",
        "channels" => "Theo kênh",
        "sections" => "Theo phần dự thảo",
        "social-groups" => "Theo tầng lớp",
        "stances" => "Theo thái độ",
        "groups" => "Nhóm ý kiến",
        "units" => "Theo đơn vị",
        _ => Title.Length > 31 ? Title[..31] : Title,
    };
}

/// <summary>The tables of a consultation dashboard, exactly as the page shows them, and their CSV/XLSX files.</summary>
public static class DashboardTables
{
    public static IReadOnlyList<string> Keys { get; } = ["days", "channels", "sections", "social-groups", "stances", "groups", "units"];

    public static IReadOnlyList<DashboardTable> All(ConsultationDashboard d, string sort = "count", bool descending = true)
    {
        ArgumentNullException.ThrowIfNull(d);
        double Share(int count) => d.Total == 0 ? 0 : Math.Round(100.0 * count / d.Total, 2);
        IReadOnlyList<IReadOnlyList<object?>> Counts(IEnumerable<DashboardCount> rows) =>
            [.. rows.Select(r => (IReadOnlyList<object?>)[r.Label, r.Count, Share(r.Count)])];
        return
        [
            new("days", "Số ý kiến theo ngày", ["Ngày", "Số ý kiến"], [.. d.PerDay.Select(x => (IReadOnlyList<object?>)[x.Day, x.Count])], [14, 12]),
            new("channels", "Số ý kiến theo kênh tiếp nhận", ["Kênh tiếp nhận", "Số ý kiến", "Tỷ lệ (%)"], Counts(d.ByChannel), [34, 12, 10]),
            new("sections", "Số ý kiến theo phần của dự thảo", ["Dự thảo", "Mã mục", "Phần, mục", "Số ý kiến", "Tỷ lệ (%)"],
                [.. d.BySection.Select(s => (IReadOnlyList<object?>)[s.Draft, s.SectionRef, s.Heading, s.Count, Share(s.Count)])], [30, 10, 60, 12, 10]),
            new("social-groups", "Số ý kiến theo tầng lớp, đối tượng", ["Tầng lớp, đối tượng", "Số ý kiến", "Tỷ lệ (%)"], Counts(d.BySocialGroup), [30, 12, 10]),
            new("stances", "Số ý kiến theo thái độ", ["Thái độ", "Số ý kiến", "Tỷ lệ (%)"], Counts(d.ByStance), [24, 12, 10]),
            new("groups", "Các nhóm ý kiến lớn nhất", ["Mã nhóm", "Nhóm ý kiến", "Phần, mục", "Mức độ (toàn đợt)", "Số ý kiến"],
                [.. d.TopGroups.Select(g => (IReadOnlyList<object?>)[g.GroupId, g.Summary, g.Section, g.Quantifier, g.Count])], [10, 70, 40, 18, 12]),
            new("units", "Số ý kiến theo đơn vị trực thuộc", ["Mã đơn vị", "Đơn vị", "Số ý kiến", "Tỷ lệ (%)"],
                [.. SortUnits(d.ByChildUnit, sort, descending).Select(u => (IReadOnlyList<object?>)[u.Code, u.Name, u.Count, Share(u.Count)])], [14, 40, 12, 10]),
        ];
    }

    /// <summary>Child units sorted by "name", "code" or "count" (default), ties by name.</summary>
    public static IReadOnlyList<ChildUnitCount> SortUnits(IEnumerable<ChildUnitCount> units, string? sort, bool descending)
    {
        var vietnamese = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), CompareOptions.None);
        IOrderedEnumerable<ChildUnitCount> ordered = sort switch
        {
            "name" => descending ? units.OrderByDescending(u => u.Name, vietnamese) : units.OrderBy(u => u.Name, vietnamese),
            "code" => descending ? units.OrderByDescending(u => u.Code, StringComparer.Ordinal) : units.OrderBy(u => u.Code, StringComparer.Ordinal),
            _ => descending ? units.OrderByDescending(u => u.Count) : units.OrderBy(u => u.Count),
        };
        return [.. ordered.ThenBy(u => u.Name, vietnamese)];
    }

    /// <summary>UTF-8 with a byte-order mark (Excel then reads the diacritics), comma-separated, RFC 4180 quoting, dates ISO.</summary>
    public static byte[] Csv(DashboardTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sb = new StringBuilder();
        sb.AppendJoin(',', table.Headers.Select(Cell)).Append("\r\n");
        foreach (var row in table.Rows) sb.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    public static byte[] Xlsx(DashboardTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var stream = new MemoryStream();
        XlsxTableWriter.Write(stream, [new XlsxSheet(table.SheetName, table.Headers, table.Rows, table.Widths)]);
        return stream.ToArray();
    }

    private static string Cell(object? value)
    {
        string text = value switch
        {
            null => "",
            DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        // Text typed by people (social groups, group summaries) must not run as a spreadsheet formula.
        if (value is string && text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal)) text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}

/// <summary>What the shared count table partial shows.</summary>
public sealed record CountTableView(string Id, string Caption, string Header, IReadOnlyList<DanY.Infrastructure.Dashboards.DashboardCount> Rows, int Total, string CsvLink, string XlsxLink);
