using System.Globalization;

namespace DanY.Documents.Reports;

/// <summary>Which layout rules a document follows.</summary>
public enum DocumentSystem
{
    /// <summary>Party documents, Hướng dẫn 36-HD/VPTW: "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 15-BC/ĐU", "T/M".</summary>
    Party,

    /// <summary>State, Front and union documents, Nghị định 30/2020: Quốc hiệu, "Số: 05/BC-LĐLĐ", "TM.".</summary>
    State,
}

/// <summary>Page margins in millimetres (default 20/20/30/15, inside both the 36-HD and the ND 30 ranges).</summary>
public sealed record ReportMargins(double TopMm = 20, double BottomMm = 20, double LeftMm = 30, double RightMm = 15);

/// <summary>Signature block: authority line ("T/M BAN THƯỜNG VỤ"), title ("PHÓ BÍ THƯ"), signer's name.</summary>
/// <param name="SignerName">Null leaves a placeholder for the name.</param>
public sealed record ReportSignature(string Authority, string Title, string? SignerName = null);

/// <summary>A report (or any typed document) to be rendered as DOCX.</summary>
public sealed record ReportDocument
{
    public required DocumentSystem System { get; init; }

    /// <summary>Directly superior body, plain caps ("ĐẢNG BỘ TỈNH QUẢNG NINH"); optional.</summary>
    public string? SuperiorBody { get; init; }

    /// <summary>Issuing body, bold caps ("BAN THƯỜNG VỤ ĐẢNG ỦY XÃ ĐÔNG TIẾN").</summary>
    public required string IssuingBody { get; init; }

    /// <summary>Number and code without "Số": "15-BC/ĐU" (Party) or "05/BC-LĐLĐ" (State); null leaves it blank.</summary>
    public string? Number { get; init; }

    public required string Place { get; init; }

    public required DateOnly Date { get; init; }

    /// <summary>Document type in caps: "BÁO CÁO", "KẾ HOẠCH".</summary>
    public string TypeTitle { get; init; } = "BÁO CÁO";

    /// <summary>Summary line (trích yếu), e.g. "tổng hợp ý kiến góp ý vào dự thảo các văn kiện...".</summary>
    public string? Summary { get; init; }

    public IReadOnlyList<ReportBlock> Body { get; init; } = [];

    public ReportSignature? Signature { get; init; }

    /// <summary>"Nơi nhận" lines, without the leading dash.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>Prints "DỰ THẢO" above the title.</summary>
    public bool IsDraft { get; init; }

    /// <summary>Secrecy mark ("MẬT") or circulation note ("Lưu hành nội bộ") printed under the number; optional.</summary>
    public string? RestrictionMark { get; init; }

    public ReportMargins Margins { get; init; } = new();

    /// <summary>"Số 15-BC/ĐU" (Party, no colon) or "Số: 05/BC-LĐLĐ" (State).</summary>
    public string NumberLine()
    {
        string n = (Number ?? "").Trim();
        if (n.StartsWith("Số", StringComparison.Ordinal)) n = n[2..].TrimStart(':', ' ');
        if (n.Length == 0) n = "        ";
        return System == DocumentSystem.Party ? "Số " + n : "Số: " + n;
    }

    /// <summary>"Hạ Long, ngày 05 tháng 02 năm 2026": day on two digits, month on two digits only for January and February.</summary>
    public string PlaceAndDate() => FormatPlaceAndDate(Place, Date);

    public static string FormatPlaceAndDate(string place, DateOnly date)
    {
        string day = date.Day.ToString("00", CultureInfo.InvariantCulture);
        string month = date.Month < 3 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture);
        return $"{place}, ngày {day} tháng {month} năm {date.Year.ToString(CultureInfo.InvariantCulture)}";
    }
}

/// <summary>A block of the report body.</summary>
public abstract record ReportBlock;

/// <summary>A heading numbered automatically by level: 1 → "I.", 2 → "1.", 3 → "a)"; <paramref name="Number"/> overrides.</summary>
public sealed record ReportHeading(int Level, string Text, string? Number = null) : ReportBlock;

/// <summary>A run of text with emphasis.</summary>
public sealed record ReportRun(string Text, bool Bold = false, bool Italic = false);

/// <summary>A justified body paragraph with a first-line indent.</summary>
public sealed record ReportParagraph(IReadOnlyList<ReportRun> Runs) : ReportBlock
{
    public ReportParagraph(string text)
        : this([new ReportRun(text)])
    {
    }
}

/// <summary>A dash item ("- ...") as Vietnamese reports write lists.</summary>
public sealed record ReportBullet(string Text) : ReportBlock;

/// <summary>A bordered table; cells that look like numbers are right-aligned.</summary>
/// <param name="ColumnWidths">Relative widths; equal when null.</param>
/// <param name="BoldLastRow">For a "Tổng cộng" row.</param>
public sealed record ReportTable(
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<double>? ColumnWidths = null,
    string? Caption = null,
    bool BoldLastRow = false) : ReportBlock;

/// <summary>A PNG image (e.g. a chart from <see cref="ReportCharts"/>), centred, with an optional caption.</summary>
public sealed record ReportImage(byte[] Png, double WidthMm = 150, string? Caption = null) : ReportBlock;
