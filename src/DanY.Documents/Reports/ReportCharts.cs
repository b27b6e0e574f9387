using ScottPlot;

namespace DanY.Documents.Reports;

/// <summary>A named series for a line chart.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>
/// Bar and line charts as PNG for reports and dashboards. Text is set in the first installed font
/// that has Vietnamese glyphs (Liberation Sans/Serif, DejaVu Sans, Noto Sans, Arial, Times New
/// Roman); when none is found ScottPlot's default font is used and the chart is still produced.
/// </summary>
public static class ReportCharts
{
    private static readonly string[] Candidates = ["Liberation Sans", "DejaVu Sans", "Noto Sans", "Arial", "Liberation Serif", "Times New Roman"];
    private static readonly Lazy<string?> Font = new(FindFont);

    /// <summary>The font family used for chart text, or null when falling back to ScottPlot's default.</summary>
    public static string? FontFamily => Font.Value;

    /// <summary>Vertical bars, one per label, with the value printed above each bar.</summary>
    public static byte[] Bar(string title, IReadOnlyList<string> labels, IReadOnlyList<double> values, string? valueAxisLabel = null, int width = 1200, int height = 700)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(values);
        if (labels.Count != values.Count) throw new ArgumentException("Số nhãn và số giá trị phải bằng nhau / labels and values must have the same count.", nameof(values));
        var plot = new Plot();
        try
        {
            // Long category names ("Đồng bào dân tộc thiểu số") read better as horizontal bars, first at the top.
            bool horizontal = labels.Any(l => l.Length > 14);
            double[] positions = Enumerable.Range(0, labels.Count).Select(i => horizontal ? labels.Count - 1.0 - i : i).ToArray();
            var bars = new List<Bar>();
            for (int i = 0; i < values.Count; i++)
            {
                bars.Add(new Bar
                {
                    Position = positions[i],
                    Value = values[i],
                    FillColor = new Color(0x2E, 0x5C, 0x8A),
                    Label = FormatNumber(values[i]),
                });
            }
            var plottable = plot.Add.Bars(bars);
            plottable.ValueLabelStyle.FontSize = 24;
            if (Font.Value is { } family) plottable.ValueLabelStyle.FontName = family;
            if (horizontal)
            {
                plottable.Horizontal = true;
                plot.Axes.Left.SetTicks(positions, labels.ToArray());
                plot.Axes.Left.MajorTickStyle.Length = 0;
                plot.Axes.Margins(left: 0, right: 0.15);
            }
            else
            {
                plot.Axes.Bottom.SetTicks(positions, labels.ToArray());
                plot.Axes.Bottom.MajorTickStyle.Length = 0;
                plot.Axes.Margins(bottom: 0, top: 0.15);
            }
            Decorate(plot, title, valueAxisLabel, horizontal);
            return plot.GetImageBytes(width, height, ImageFormat.Png);
        }
        finally
        {
            plot.Dispose();
        }
    }
    /// <summary>One line per series over the same x labels (periods, days).</summary>
    public static byte[] Line(string title, IReadOnlyList<string> xLabels, IReadOnlyList<ChartSeries> series, string? valueAxisLabel = null, int width = 1200, int height = 700)
    {
        ArgumentNullException.ThrowIfNull(xLabels);
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        try
        {
            double[] xs = Enumerable.Range(0, xLabels.Count).Select(i => (double)i).ToArray();
            Color[] palette = [new(0x2E, 0x5C, 0x8A), new(0xC0, 0x39, 0x2B), new(0x27, 0xAE, 0x60), new(0x8E, 0x44, 0xAD), new(0xD3, 0x54, 0x00)];
            for (int s = 0; s < series.Count; s++)
            {
                double[] ys = series[s].Values.Take(xs.Length).ToArray();
                var line = plot.Add.Scatter(xs.Take(ys.Length).ToArray(), ys);
                if (series.Count > 1) line.LegendText = series[s].Name;
                line.LineWidth = 3;
                line.MarkerSize = 8;
                line.Color = palette[s % palette.Length];
            }
            // Thin out labels so that they stay readable for long periods.
            int step = Math.Max(1, (int)Math.Ceiling(xLabels.Count / 12.0));
            double[] ticks = xs.Where((_, i) => i % step == 0).ToArray();
            plot.Axes.Bottom.SetTicks(ticks, ticks.Select(t => xLabels[(int)t]).ToArray());
            if (series.Count > 1) plot.ShowLegend(Edge.Bottom);
            // Counts read honestly from zero: an axis starting at 24 makes 30 look like twice 27.
            if (series.All(x => x.Values.All(v => v >= 0)))
            {
                plot.Axes.AutoScale();
                plot.Axes.SetLimitsY(0, Math.Max(1, plot.Axes.GetLimits().Top));
            }
            Decorate(plot, title, valueAxisLabel, horizontal: false);
            return plot.GetImageBytes(width, height, ImageFormat.Png);
        }
        finally
        {
            plot.Dispose();
        }
    }

    private static readonly System.Globalization.CultureInfo Vietnamese = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    private static string FormatNumber(double v) => v.ToString("#,##0.##", Vietnamese);

    private static void Decorate(Plot plot, string title, string? valueAxisLabel, bool horizontal)
    {
        // Sized for a chart printed about 15 cm wide in a report.
        plot.Title(title, size: 34);
        if (valueAxisLabel is not null)
        {
            if (horizontal) plot.XLabel(valueAxisLabel, size: 26);
            else plot.YLabel(valueAxisLabel, size: 26);
        }
        plot.Axes.Bottom.TickLabelStyle.FontSize = 24;
        plot.Axes.Left.TickLabelStyle.FontSize = 24;
        // Vietnamese number format on the value axis: 1.832 and 8,6.
        IAxis valueAxis = horizontal ? plot.Axes.Bottom : plot.Axes.Left;
        valueAxis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = FormatNumber };
        plot.Legend.FontSize = 22;
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        if (Font.Value is { } family) plot.Font.Set(family);
    }

    private static string? FindFont()
    {
        try
        {
            foreach (string name in Candidates)
            {
                using SkiaSharp.SKTypeface? tf = SkiaSharp.SKTypeface.FromFamilyName(name);
                // Skia substitutes a default family for unknown names; only an exact match counts,
                // and the font must carry Vietnamese letters (ơ, ư, ạ, ế).
                if (tf is not null && string.Equals(tf.FamilyName, name, StringComparison.OrdinalIgnoreCase) && tf.ContainsGlyphs("ơưạếĐ"))
                {
                    return name;
                }
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException)
        {
            return null;
        }
        return null;
    }
}
