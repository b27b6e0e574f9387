using System.Globalization;
using System.Text;
using DanY.Documents.Intake;
using DanY.Domain.Units;
using MiniExcelLibs;

namespace DanY.Infrastructure.Units;

/// <summary>One row of a unit file: code,name,kind,level,system,parent_code. Line is 1-based, header = line 1.</summary>
public sealed record UnitFileRow(int Line, string Code, string Name, string Kind, string Level, string System, string ParentCode);

/// <summary>A problem with one row (Line 0 = the whole file), in Vietnamese and English.</summary>
public sealed record UnitFileError(int Line, string Message);

/// <summary>Reads and writes the unit exchange format as CSV (UTF-8) or XLSX.</summary>
public static class UnitFile
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public static readonly string[] Columns = ["code", "name", "kind", "level", "system", "parent_code"];

    // Staff may fill in the Vietnamese header instead.
    private static readonly Dictionary<string, string> HeaderAliases = new(StringComparer.Ordinal)
    {
        ["ma"] = "code", ["ma don vi"] = "code", ["ten"] = "name", ["ten don vi"] = "name", ["loai"] = "kind",
        ["cap"] = "level", ["he thong"] = "system", ["ma cap tren"] = "parent_code", ["ma don vi cap tren"] = "parent_code",
        ["parent"] = "parent_code", ["parentcode"] = "parent_code",
    };

    private const string DamagedXlsx = "Tệp XLSX bị hỏng hoặc không đọc được / The XLSX file is damaged or unreadable.";

    public static bool IsXlsx(string fileName) => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    public static (List<UnitFileRow> Rows, List<UnitFileError> Errors) Read(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
                return ([], [new UnitFileError(0, $"Tệp quá lớn (tối đa {MaxBytes / 1024 / 1024} MB) / File too large (max {MaxBytes / 1024 / 1024} MB).")]);
        }
        buffer.Position = 0;
        if (IsXlsx(fileName)) return ReadXlsx(buffer);
        if (fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            return ReadCsv(buffer);
        return ([], [new UnitFileError(0, "Chỉ nhận tệp .csv hoặc .xlsx / Only .csv or .xlsx files are accepted.")]);
    }

    private static (List<UnitFileRow>, List<UnitFileError>) ReadCsv(MemoryStream buffer)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            return ([], [new UnitFileError(0, "Tệp CSV không phải mã UTF-8 / The CSV file is not UTF-8 encoded.")]);
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var records = ParseCsv(text);
        if (records.Count == 0) return ([], [new UnitFileError(0, "Tệp rỗng / The file is empty.")]);
        var table = records.Select(r => r.Fields).ToList();
        var lines = records.Select(r => r.Line).ToList();
        return FromTable(table, lines);
    }

    private static (List<UnitFileRow>, List<UnitFileError>) ReadXlsx(MemoryStream buffer)
    {
        // MiniExcel inflates whatever the zip holds, so a small upload could expand to gigabytes of XML:
        // check entry count, inflated size and compression ratio before it reads anything.
        try
        {
            buffer = PackageGuard.Open(buffer, PackageKind.Xlsx, UploadLimits.Default with { MaxFileBytes = MaxBytes });
        }
        catch (DocumentRejectedException e)
        {
            return ([], [new UnitFileError(0, e.Reason is RejectionReason.Corrupt or RejectionReason.NotAnXlsx or RejectionReason.NotAZipPackage
                ? DamagedXlsx
                : e.Message)]);
        }
        var table = new List<List<string>>();
        var lines = new List<int>();
        try
        {
            int line = 0;
            foreach (IDictionary<string, object?> row in buffer.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>())
            {
                line++;
                table.Add(row.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToList());
                lines.Add(line);
                if (line > 200_000) break;
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or ArgumentException or System.Xml.XmlException or NotSupportedException)
        {
            return ([], [new UnitFileError(0, DamagedXlsx)]);
        }
        if (table.Count == 0) return ([], [new UnitFileError(0, "Tệp rỗng / The file is empty.")]);
        return FromTable(table, lines);
    }

    private static (List<UnitFileRow>, List<UnitFileError>) FromTable(List<List<string>> table, List<int> lines)
    {
        var rows = new List<UnitFileRow>();
        var errors = new List<UnitFileError>();
        var header = table[0].Select(h => NormaliseHeader(h)).ToList();
        var index = Columns.ToDictionary(c => c, c => header.IndexOf(c), StringComparer.Ordinal);
        var missing = index.Where(kv => kv.Value < 0 && kv.Key is "code" or "name" or "parent_code").Select(kv => kv.Key).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new UnitFileError(1, $"Thiếu cột {string.Join(", ", missing)} ở dòng tiêu đề (cần: {string.Join(",", Columns)}) / Missing column(s) {string.Join(", ", missing)} in the header."));
            return (rows, errors);
        }
        for (int i = 1; i < table.Count; i++)
        {
            var fields = table[i];
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            string Get(string column) => index[column] is int k && k >= 0 && k < fields.Count ? fields[k].Trim() : "";
            rows.Add(new UnitFileRow(lines[i], Get("code"), Get("name"), Get("kind"), Get("level"), Get("system"), Get("parent_code")));
        }
        return (rows, errors);
    }

    private static string NormaliseHeader(string header) =>
        DanY.Engine.Text.VietnameseText.Fold(header.Trim()) is var h && HeaderAliases.TryGetValue(h, out var alias) ? alias : h;

    private sealed record CsvRecord(int Line, List<string> Fields);

    private static List<CsvRecord> ParseCsv(string text)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        int line = 1, recordLine = 1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else quoted = false;
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add(new CsvRecord(recordLine, fields));
                    fields = [];
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(new CsvRecord(recordLine, fields));
        }
        return records;
    }

    public static bool TryParseKind(string text, out UnitKind kind) => TryParseEnum(text, UnitLabels.Of, out kind);

    public static bool TryParseLevel(string text, out UnitLevel level) => TryParseEnum(text, UnitLabels.Of, out level);

    public static bool TryParseSystem(string text, out UnitSystem system) => TryParseEnum(text, UnitLabels.Of, out system);

    // English enum names or the Vietnamese labels, with or without diacritics.
    private static bool TryParseEnum<T>(string text, Func<T, string> label, out T value) where T : struct, Enum
    {
        if (Enum.TryParse(text.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value)) return true;
        string folded = DanY.Engine.Text.VietnameseText.Fold(text.Trim());
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(DanY.Engine.Text.VietnameseText.Fold(label(candidate)), folded, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }
        return false;
    }

    /// <summary>Writes units (parents before children) as UTF-8 CSV with a header.</summary>
    public static void WriteCsv(Stream stream, IEnumerable<UnitFileRow> rows)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine(string.Join(",", Columns));
        foreach (var r in rows)
        {
            writer.WriteLine(string.Join(",", new[] { r.Code, r.Name, r.Kind, r.Level, r.System, r.ParentCode }.Select(Quote)));
        }
    }

    public static void WriteXlsx(Stream stream, IEnumerable<UnitFileRow> rows)
    {
        var data = rows.Select(r => new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["code"] = r.Code, ["name"] = r.Name, ["kind"] = r.Kind, ["level"] = r.Level, ["system"] = r.System, ["parent_code"] = r.ParentCode,
        });
        stream.SaveAs(data);
    }

    private static string Quote(string value)
    {
        // A leading = + - @ would run as a formula when the CSV is opened in Excel.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
