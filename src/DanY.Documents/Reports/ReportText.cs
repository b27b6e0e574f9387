using System.Globalization;

namespace DanY.Documents.Reports;

/// <summary>Numbers and counts written the Vietnamese way in report text ("1.832", "61,2%", "2.731/2.994 ý kiến").</summary>
public static class ReportText
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>1832 → "1.832".</summary>
    public static string Number(long value) => value.ToString("#,##0", Vietnamese);

    /// <summary>Share of <paramref name="part"/> in <paramref name="total"/> with one decimal: "61,2%"; "0%" when total is 0.</summary>
    public static string Percent(long part, long total, int decimals = 1)
    {
        if (total <= 0) return "0%";
        double value = Math.Round(100.0 * part / total, decimals, MidpointRounding.AwayFromZero);
        return value.ToString("0." + new string('#', Math.Max(0, decimals)), Vietnamese) + "%";
    }

    /// <summary>"2.731/2.994 ý kiến".</summary>
    public static string Ratio(long part, long total, string unit = "ý kiến") => $"{Number(part)}/{Number(total)} {unit}";
}
