using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using DanY.Documents.Reports;
using Microsoft.AspNetCore.Html;

namespace DanY.Web.Features.Dashboards;

/// <summary>A bar of a chart: its label, its value and the full text read out for it.</summary>
public sealed record SvgBar(string Label, int Value, string? Tooltip = null);

/// <summary>
/// Server-rendered SVG bar charts for the dashboards: no script, no inline style (presentation attributes only, so the
/// strict CSP holds), readable without JavaScript. Each chart is an <c>role="img"</c> with a title and a description
/// stating the largest values; every bar carries a <c>title</c> with its exact number. The data table beside the chart
/// is the full text alternative.
/// </summary>
public static class SvgChart
{
    private const string Bar = "#2e5c8a";
    private const string Ink = "#1b1f24";
    private const string Muted = "#4a5560";
    private const string Grid = "#d5dbe1";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
    private static string E(string text) => Encoder.Encode(text);

    /// <summary>Vertical bars over a time axis (days), labels thinned to about 12 so that they never overlap.</summary>
    public static IHtmlContent Columns(string id, string title, string valueAxis, string categoryAxis, IReadOnlyList<SvgBar> bars, int width = 1100, int height = 320)
    {
        ArgumentNullException.ThrowIfNull(bars);
        const double left = 64, right = 16, top = 16, bottom = 64;
        double plotW = width - left - right, plotH = height - top - bottom;
        int max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var ticks = Ticks(max);
        double scaleMax = ticks[^1];
        var sb = Open(id, title, Describe(bars), width, height);
        foreach (int t in ticks)
        {
            double y = top + plotH - (t / scaleMax * plotH);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(left)}\" y1=\"{F(y)}\" x2=\"{F(width - right)}\" y2=\"{F(y)}\" stroke=\"{Grid}\" stroke-width=\"1\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(left - 8)}\" y=\"{F(y + 4)}\" text-anchor=\"end\" font-size=\"12\" fill=\"{Muted}\">{E(ReportText.Number(t))}</text>");
        }
        double slot = bars.Count == 0 ? plotW : plotW / bars.Count;
        double barW = Math.Max(1, slot * 0.78);
        int step = Math.Max(1, (int)Math.Ceiling(bars.Count / 12.0));
        sb.Append("<g>");
        for (int i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            double h = b.Value / scaleMax * plotH;
            double x = left + (i * slot) + ((slot - barW) / 2);
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"{F(top + plotH - h)}\" width=\"{F(barW)}\" height=\"{F(Math.Max(h, 0))}\" fill=\"{Bar}\"><title>{E(b.Tooltip ?? $"{b.Label}: {ReportText.Number(b.Value)}")}</title></rect>");
            if (i % step == 0)
            {
                double cx = left + (i * slot) + (slot / 2);
                sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(cx)}\" y1=\"{F(top + plotH)}\" x2=\"{F(cx)}\" y2=\"{F(top + plotH + 5)}\" stroke=\"{Muted}\"/>");
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(cx)}\" y=\"{F(top + plotH + 20)}\" text-anchor=\"middle\" font-size=\"12\" fill=\"{Muted}\">{E(b.Label)}</text>");
            }
        }
        sb.Append("</g>");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(left)}\" y1=\"{F(top + plotH)}\" x2=\"{F(width - right)}\" y2=\"{F(top + plotH)}\" stroke=\"{Ink}\"/>");
        AxisTitles(sb, valueAxis, categoryAxis, left, top, plotH, width, height);
        return Close(sb);
    }

    /// <summary>Horizontal bars, one row per category in the given order, the value printed at the end of each bar.</summary>
    public static IHtmlContent Rows(string id, string title, string valueAxis, IReadOnlyList<SvgBar> bars, int width = 1100, int labelWidth = 300)
    {
        ArgumentNullException.ThrowIfNull(bars);
        const double top = 12, rowH = 28, bottom = 44, right = 72;
        double left = labelWidth + 12;
        int height = (int)(top + (Math.Max(1, bars.Count) * rowH) + bottom);
        double plotW = width - left - right, plotH = bars.Count * rowH;
        int max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var ticks = Ticks(max);
        double scaleMax = ticks[^1];
        var sb = Open(id, title, Describe(bars), width, height);
        foreach (int t in ticks)
        {
            double x = left + (t / scaleMax * plotW);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x)}\" y1=\"{F(top)}\" x2=\"{F(x)}\" y2=\"{F(top + plotH)}\" stroke=\"{Grid}\" stroke-width=\"1\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{F(top + plotH + 16)}\" text-anchor=\"middle\" font-size=\"12\" fill=\"{Muted}\">{E(ReportText.Number(t))}</text>");
        }
        sb.Append("<g>");
        for (int i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            double y = top + (i * rowH);
            double w = b.Value / scaleMax * plotW;
            string label = Fit(b.Label, labelWidth);
            string tooltip = b.Tooltip ?? $"{b.Label}: {ReportText.Number(b.Value)}";
            sb.Append(CultureInfo.InvariantCulture, $"<g><title>{E(tooltip)}</title>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(labelWidth)}\" y=\"{F(y + 18)}\" text-anchor=\"end\" font-size=\"13\" fill=\"{Ink}\">{E(label)}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(left)}\" y=\"{F(y + 5)}\" width=\"{F(Math.Max(w, b.Value > 0 ? 1 : 0))}\" height=\"{F(rowH - 10)}\" fill=\"{Bar}\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(left + w + 6)}\" y=\"{F(y + 18)}\" font-size=\"13\" fill=\"{Ink}\">{E(ReportText.Number(b.Value))}</text></g>");
        }
        sb.Append("</g>");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(left)}\" y1=\"{F(top)}\" x2=\"{F(left)}\" y2=\"{F(top + plotH)}\" stroke=\"{Ink}\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(left + (plotW / 2))}\" y=\"{F(height - 8)}\" text-anchor=\"middle\" font-size=\"13\" fill=\"{Muted}\">{E(valueAxis)}</text>");
        return Close(sb);
    }

    /// <summary>Cuts a label with an ellipsis so that it fits <paramref name="width"/> pixels at 13 px (capitals are wider than small letters).</summary>
    public static string Fit(string label, double width)
    {
        ArgumentNullException.ThrowIfNull(label);
        double used = 0;
        for (int i = 0; i < label.Length; i++)
        {
            char c = label[i];
            used += char.IsUpper(c) ? 9.4 : c is ' ' or '.' or ',' or 'i' or 'l' or 'í' or 'ì' or 'ị' ? 3.8 : 7.2;
            if (used > width - 12) return label[..i].TrimEnd() + "…";
        }
        return label;
    }

    /// <summary>"1, 2, 5 × 10^n" steps giving 4 to 6 grid lines from 0 to at least <paramref name="max"/>.</summary>
    public static IReadOnlyList<int> Ticks(int max)
    {
        max = Math.Max(1, max);
        double raw = max / 5.0;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = new[] { 1.0, 2.0, 2.5, 5.0, 10.0 }.Select(m => m * magnitude).First(s => s >= raw);
        int istep = Math.Max(1, (int)Math.Ceiling(step));
        var ticks = new List<int>();
        for (int t = 0; ; t += istep)
        {
            ticks.Add(t);
            if (t >= max) break;
        }
        return ticks;
    }

    /// <summary>The description read out instead of the picture: the total and the three largest values.</summary>
    private static string Describe(IReadOnlyList<SvgBar> bars)
    {
        if (bars.Count == 0) return "Chưa có số liệu.";
        long total = bars.Sum(b => (long)b.Value);
        var top = bars.Where(b => b.Value > 0).OrderByDescending(b => b.Value).Take(3).Select(b => $"{b.Label}: {ReportText.Number(b.Value)}");
        string largest = string.Join("; ", top);
        return $"Tổng {ReportText.Number(total)}." + (largest.Length > 0 ? $" Lớn nhất: {largest}." : "") + " Số liệu đầy đủ trong bảng kèm theo.";
    }

    private static StringBuilder Open(string id, string title, string description, int width, int height)
    {
        var sb = new StringBuilder(4096);
        sb.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" id=\"{E(id)}\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{E(id)}-title {E(id)}-desc\" xmlns=\"http://www.w3.org/2000/svg\" preserveAspectRatio=\"xMinYMin meet\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{E(id)}-title\">{E(title)}</title><desc id=\"{E(id)}-desc\">{E(description)}</desc>");
        return sb;
    }

    private static HtmlString Close(StringBuilder sb) => new(sb.Append("</svg>").ToString());

    private static void AxisTitles(StringBuilder sb, string valueAxis, string categoryAxis, double left, double top, double plotH, int width, int height)
    {
        double cy = top + (plotH / 2);
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"14\" y=\"{F(cy)}\" transform=\"rotate(-90 14 {F(cy)})\" text-anchor=\"middle\" font-size=\"13\" fill=\"{Muted}\">{E(valueAxis)}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(left + ((width - left) / 2))}\" y=\"{F(height - 10)}\" text-anchor=\"middle\" font-size=\"13\" fill=\"{Muted}\">{E(categoryAxis)}</text>");
    }
}
