using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MiniExcelLibs;

namespace DanY.Documents.Intake;

/// <summary>What the parser checks rows against.</summary>
public sealed record IntakeOptions
{
    public IntakeOptions(IReadOnlyList<IntakeSection> sections) => Sections = sections;

    /// <summary>The draft's sections; a Mục not among them is an error.</summary>
    public IReadOnlyList<IntakeSection> Sections { get; init; }

    /// <summary>Accepted social groups; null accepts any text.</summary>
    public IReadOnlyList<string>? SocialGroups { get; init; } = IntakeVocabulary.DefaultSocialGroups;

    /// <summary>Accepted channels (by code or label).</summary>
    public IReadOnlyList<IntakeChannel> Channels { get; init; } = IntakeVocabulary.DefaultChannels;

    /// <summary>Accepted unit codes; null accepts any code.</summary>
    public IReadOnlyCollection<string>? UnitCodes { get; init; }

    public int MaxTextLength { get; init; } = 5_000;

    public UploadLimits Limits { get; init; } = UploadLimits.Default;
}

/// <summary>An error in one cell of one row, in Vietnamese for the person who uploaded.</summary>
/// <param name="Column">The column header (Mục, Ý kiến...).</param>
/// <param name="Code">Stable code: unknown_section, empty_text, text_too_long, bad_stance, bad_date, unknown_group, unknown_channel, unknown_unit.</param>
/// <param name="Message">Vietnamese message.</param>
public sealed record IntakeRowError(string Column, string Code, string Message);

/// <summary>One parsed row. Only valid rows may be committed.</summary>
/// <param name="RowNumber">1-based row (XLSX row number or CSV record number counting the header).</param>
/// <param name="SectionRef">Canonical section reference; null for the whole draft.</param>
/// <param name="Channel">Channel code (<see cref="IntakeChannel.Code"/>).</param>
/// <param name="ContentHash">SHA-256 of the normalised row and its occurrence among identical rows of the file: the same file or row uploaded again has the same hash.</param>
public sealed record IntakeRow(
    int RowNumber,
    string? SectionRef,
    string Text,
    IntakeStance? Stance,
    string? SocialGroup,
    string? Channel,
    string? UnitCode,
    DateOnly? Date,
    string ContentHash,
    IReadOnlyList<IntakeRowError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>All rows of an upload, valid or not, for the preview.</summary>
public sealed record IntakeParseResult(IReadOnlyList<IntakeRow> Rows, int BlankRowsSkipped, string FileSha256)
{
    public IEnumerable<IntakeRow> ValidRows => Rows.Where(r => r.IsValid);

    public int ErrorRowCount => Rows.Count(r => !r.IsValid);
}

/// <summary>
/// Parses bulk-intake uploads (the XLSX template, any XLSX with the same headers, or CSV) into rows
/// with per-row errors. Whole-file problems (size, zip bomb, not an XLSX, too many rows, missing
/// Ý kiến column) throw <see cref="DocumentRejectedException"/>.
/// </summary>
public static class IntakeParser
{
    private const int MaxBlankRun = 5_000;

    /// <summary>Dispatches on the extension: .xlsx or .csv/.txt.</summary>
    public static IntakeParseResult Parse(Stream input, string fileName, IntakeOptions options)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        string ext = Path.GetExtension(fileName).ToLowerInvariant();
        return ext switch
        {
            ".xlsx" or ".xlsm" => ParseXlsx(input, options),
            ".csv" or ".txt" or ".tsv" => ParseCsv(input, options),
            _ => throw new DocumentRejectedException(RejectionReason.NotAnXlsx,
                "Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).", "Only Excel (.xlsx) or CSV (.csv) files are accepted."),
        };
    }

    public static IntakeParseResult ParseXlsx(Stream input, IntakeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using MemoryStream package = PackageGuard.Open(input, PackageKind.Xlsx, options.Limits);
        string hash = Convert.ToHexStringLower(SHA256.HashData(package.GetBuffer().AsSpan(0, (int)package.Length)));
        try
        {
            List<string> sheets = MiniExcel.GetSheetNames(package);
            package.Position = 0;
            string sheet = sheets.FirstOrDefault(s => string.Equals(s, IntakeVocabulary.DataSheet, StringComparison.Ordinal))
                ?? sheets.FirstOrDefault() ?? throw PackageGuard.WrongKind(PackageKind.Xlsx, null);
            IEnumerable<IReadOnlyList<string>> records = MiniExcel.Query(package, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX)
                .Select(row => (IReadOnlyList<string>)CellsOf((IDictionary<string, object?>)row));
            return Build(records, options, hash);
        }
        catch (Exception ex) when (ex is not DocumentRejectedException and (InvalidDataException or System.Xml.XmlException or InvalidOperationException or IOException or FormatException or InvalidCastException or KeyNotFoundException))
        {
            throw PackageGuard.Corrupt(ex);
        }
    }

    public static IntakeParseResult ParseCsv(Stream input, IntakeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using MemoryStream buffer = PackageGuard.ReadBounded(input, options.Limits);
        ReadOnlySpan<byte> bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (PackageGuard.LooksLikeZip(bytes))
        {
            throw new DocumentRejectedException(RejectionReason.BadEncoding,
                "Tệp có đuôi .csv nhưng là tệp nén (có thể là .xlsx đổi tên).", "The .csv file is a zip package (a renamed .xlsx?).");
        }
        string hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        string text = CsvReader.Decode(bytes);
        return Build(CsvReader.Records(text), options, hash);
    }

    /// <summary>
    /// Rows given as values rather than a file (the JSON form of the intake API), checked exactly like the
    /// rows of an uploaded sheet. <paramref name="rows"/> are cells in the order of <see cref="JsonColumns"/>.
    /// </summary>
    public static IntakeParseResult ParseValues(IEnumerable<IReadOnlyList<string?>> rows, IntakeOptions options)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        var records = new List<IReadOnlyList<string>> { JsonColumns };
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (IReadOnlyList<string?> row in rows)
        {
            // Bounded before anything else: Build would refuse it too, but only after holding every row.
            if (records.Count > options.Limits.MaxRows + MaxBlankRun)
            {
                throw new DocumentRejectedException(RejectionReason.TooManyRows,
                    $"Có quá nhiều dòng ý kiến (tối đa {options.Limits.MaxRows}). Hãy chia thành nhiều lần gửi.",
                    $"Too many rows (limit {options.Limits.MaxRows}). Split them into several requests.");
            }
            var cells = new string[JsonColumns.Count];
            for (int i = 0; i < cells.Length; i++)
            {
                cells[i] = i < row.Count ? row[i] ?? "" : "";
                sha.AppendData(Encoding.UTF8.GetBytes(cells[i] + '\u001F'));
            }
            sha.AppendData("\u001E"u8);
            records.Add(cells);
        }
        return Build(records, options, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    /// <summary>The columns of <see cref="ParseValues"/>: section, text, stance, group, channel, unit, date.</summary>
    public static IReadOnlyList<string> JsonColumns { get; } = ["Mục", "Ý kiến", "Quan điểm", "Tầng lớp", "Kênh", "Đơn vị", "Ngày"];

    private static List<string> CellsOf(IDictionary<string, object?> row)
    {
        var cells = new List<string>(row.Count);
        foreach (KeyValuePair<string, object?> kv in row)
        {
            cells.Add(kv.Value switch
            {
                null => "",
                string s => s,
                DateTime d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                object o => o.ToString() ?? "",
            });
        }
        return cells;
    }

    private enum Col
    {
        Section, Title, Text, Stance, Group, Channel, Unit, Date,
    }

    private static IntakeParseResult Build(IEnumerable<IReadOnlyList<string>> records, IntakeOptions options, string fileHash)
    {
        var sections = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (IntakeSection s in options.Sections) sections.TryAdd(s.Ref, s.Ref);
        var groups = options.SocialGroups?.GroupBy(Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var channels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (IntakeChannel c in options.Channels)
        {
            channels.TryAdd(Key(c.Code), c.Code);
            channels.TryAdd(Key(c.Label), c.Code);
        }
        var units = options.UnitCodes is null ? null : new HashSet<string>(options.UnitCodes, StringComparer.OrdinalIgnoreCase);

        // Stance, group and channel cells repeat a handful of values: fold each distinct value once.
        var folded = new Dictionary<string, string>(StringComparer.Ordinal);
        string FoldCached(string value)
        {
            if (folded.TryGetValue(value, out string? k)) return k;
            k = Key(value);
            if (folded.Count < 10_000) folded[value] = k;
            return k;
        }

        Dictionary<Col, int>? map = null;
        var rows = new List<IntakeRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int rowNumber = 0, blank = 0, blankRun = 0;
        foreach (IReadOnlyList<string> record in records)
        {
            rowNumber++;
            if (map is null)
            {
                map = TryHeader(record);
                if (map is null && rowNumber >= 10) throw MissingColumns();
                continue;
            }
            string Get(Col c) => map.TryGetValue(c, out int i) && i < record.Count ? TextSanitizer.Clean(record[i]) : "";

            string text = Get(Col.Text);
            string stanceText = Get(Col.Stance), groupText = Get(Col.Group), channelText = Get(Col.Channel), unitText = Get(Col.Unit), dateText = Get(Col.Date);
            if (text.Length == 0 && stanceText.Length == 0 && groupText.Length == 0 && channelText.Length == 0 && unitText.Length == 0 && dateText.Length == 0)
            {
                // Pre-filled template rows (Mục and title only) and empty lines.
                blank++;
                if (++blankRun > MaxBlankRun) break;
                continue;
            }
            blankRun = 0;
            if (rows.Count >= options.Limits.MaxRows)
            {
                throw new DocumentRejectedException(RejectionReason.TooManyRows,
                    $"Tệp có quá nhiều dòng ý kiến (tối đa {options.Limits.MaxRows}). Hãy chia thành nhiều tệp.",
                    $"The file has too many rows (limit {options.Limits.MaxRows}). Split it into several files.");
            }
            var errors = new List<IntakeRowError>();

            string sectionText = Get(Col.Section).TrimEnd('.').Trim();
            string? sectionRef = null;
            if (sectionText.Length > 0 && !IsWholeDocument(sectionText))
            {
                if (sections.TryGetValue(sectionText, out string? canonical)) sectionRef = canonical;
                else errors.Add(new("Mục", "unknown_section", $"Mục “{Shorten(sectionText)}” không có trong dự thảo."));
            }
            if (text.Length == 0) errors.Add(new("Ý kiến", "empty_text", "Nội dung ý kiến để trống."));
            else if (text.Length > options.MaxTextLength)
            {
                errors.Add(new("Ý kiến", "text_too_long", $"Ý kiến dài {text.Length} ký tự, vượt quá giới hạn {options.MaxTextLength} ký tự."));
            }
            IntakeStance? stance = null;
            if (stanceText.Length > 0)
            {
                stance = StanceFromKey(FoldCached(stanceText));
                if (stance is null) errors.Add(new("Quan điểm", "bad_stance", $"Quan điểm “{Shorten(stanceText)}” không hợp lệ (Tán thành / Không tán thành / Đồng ý một phần)."));
            }
            string? group = null;
            if (groupText.Length > 0)
            {
                if (groups is null) group = groupText;
                else if (groups.TryGetValue(FoldCached(groupText), out string? g)) group = g;
                else errors.Add(new("Tầng lớp", "unknown_group", $"Tầng lớp “{Shorten(groupText)}” không có trong danh mục."));
            }
            string? channel = null;
            if (channelText.Length > 0)
            {
                if (channels.TryGetValue(FoldCached(channelText), out string? c)) channel = c;
                else errors.Add(new("Kênh", "unknown_channel", $"Kênh “{Shorten(channelText)}” không có trong danh mục."));
            }
            string? unit = null;
            if (unitText.Length > 0)
            {
                if (units is null || units.TryGetValue(unitText, out unit)) unit ??= unitText;
                else errors.Add(new("Đơn vị", "unknown_unit", $"Mã đơn vị “{Shorten(unitText)}” không có trong danh mục."));
            }
            DateOnly? date = null;
            if (dateText.Length > 0)
            {
                date = ParseDate(dateText);
                if (date is null) errors.Add(new("Ngày", "bad_date", $"Ngày “{Shorten(dateText)}” không đúng dạng dd/MM/yyyy."));
            }

            string content = string.Join('\u001F',
                sectionRef ?? "", stance?.ToString() ?? "", group ?? "", channel ?? "", unit ?? "",
                date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", TextSanitizer.CollapseWhitespace(text));
            // Identical rows in one file are distinct comments (two people said the same thing);
            // numbering them keeps a re-upload idempotent without merging them.
            int occurrence = seen.TryGetValue(content, out int n) ? n + 1 : 1;
            seen[content] = occurrence;
            string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content + '\u001F' + occurrence.ToString(CultureInfo.InvariantCulture))));
            rows.Add(new IntakeRow(rowNumber, sectionRef, text, stance, group, channel, unit, date, hash, errors));
        }
        if (map is null) throw MissingColumns();
        return new IntakeParseResult(rows, blank, fileHash);
    }

    private static Dictionary<Col, int>? TryHeader(IReadOnlyList<string> record)
    {
        var map = new Dictionary<Col, int>();
        for (int i = 0; i < record.Count; i++)
        {
            Col? col = Key(record[i]) switch
            {
                "muc" or "ma muc" or "section" or "section ref" or "section_ref" => Col.Section,
                "tieu de muc" or "title" => Col.Title,
                "y kien" or "noi dung y kien" or "noi dung" or "text" => Col.Text,
                "quan diem" or "stance" => Col.Stance,
                "tang lop" or "doi tuong" or "group" => Col.Group,
                "kenh" or "channel" => Col.Channel,
                "don vi" or "ma don vi" or "unit" or "unit code" or "unit_code" => Col.Unit,
                "ngay" or "date" => Col.Date,
                _ => null,
            };
            if (col is not null) map.TryAdd(col.Value, i);
        }
        return map.ContainsKey(Col.Text) ? map : null;
    }

    private static DocumentRejectedException MissingColumns() =>
        new(RejectionReason.MissingColumns,
            "Không tìm thấy dòng tiêu đề có cột “Ý kiến” (hãy dùng mẫu tải về từ hệ thống).",
            "No header row with an “Ý kiến” column was found (use the template from the system).");

    /// <summary>Maps the three VNeID choices and their usual variants.</summary>
    public static IntakeStance? ParseStance(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return StanceFromKey(Key(text));
    }

    private static IntakeStance? StanceFromKey(string key)
    {
        return key switch
        {
            "tan thanh" or "dong y" or "nhat tri" or "agree" => IntakeStance.Agree,
            "khong tan thanh" or "khong dong y" or "khong nhat tri" or "phan doi" or "disagree" => IntakeStance.Disagree,
            "dong y mot phan" or "tan thanh mot phan" or "nhat tri mot phan" or "mot phan" or "partly" => IntakeStance.Partly,
            _ => null,
        };
    }

    /// <summary>dd/MM/yyyy (also d/M/yyyy, dd-MM-yyyy, dd.MM.yyyy) or ISO yyyy-MM-dd.</summary>
    public static DateOnly? ParseDate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] formats = ["dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd"];
        string t = text.Trim();
        // A date-formatted Excel cell that reached us as its serial number.
        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out int serial) && serial is > 20000 and < 100000)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }
        // A date cell may arrive with a time part ("05/11/2025 00:00:00").
        int space = t.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0) t = t[..space];
        return DateOnly.TryParseExact(t, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d) && d.Year is >= 1945 and <= 2200
            ? d
            : null;
    }

    private static bool IsWholeDocument(string s) => Key(s) is "toan van" or "chung" or "toan bo du thao" or "ca du thao";

    private static string Key(string s) => TextSanitizer.CollapseWhitespace(Drafts.HeadingNumbering.FoldAscii(s)).Trim();

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
