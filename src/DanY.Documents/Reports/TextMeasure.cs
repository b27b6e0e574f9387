using SkiaSharp;

namespace DanY.Documents.Reports;

/// <summary>
/// Width of a line of Times New Roman text, for rules that must be as long as the line above them.
/// Liberation Serif (and Tinos) share Times New Roman's metrics, so either gives the exact width;
/// without any of them, or without the native Skia library, an estimate is used.
/// </summary>
internal static class TextMeasure
{
    private static readonly string[] MetricCompatible = ["Times New Roman", "Liberation Serif", "Tinos"];

    public static double WidthMm(string text, double sizePt, bool bold)
    {
        try
        {
            using SKTypeface? typeface = SKTypeface.FromFamilyName("Times New Roman", bold ? SKFontStyle.Bold : SKFontStyle.Normal);
            if (typeface is not null && MetricCompatible.Contains(typeface.FamilyName, StringComparer.OrdinalIgnoreCase))
            {
                using var font = new SKFont(typeface, (float)sizePt);
                return font.MeasureText(text) / 72.0 * 25.4;
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
        {
            // No native Skia: fall through to the estimate.
        }
        return Estimate(text, sizePt, bold);
    }

    private static double Estimate(string text, double sizePt, bool bold)
    {
        double em = 0;
        foreach (char c in text)
        {
            em += c == ' ' ? 0.25 : char.IsUpper(c) ? 0.70 : char.IsLetterOrDigit(c) ? 0.48 : 0.33;
        }
        return em * sizePt * (bold ? 1.05 : 1.0) / 72.0 * 25.4;
    }
}
