using System.Globalization;
using ResistanceSim.Plotting.Colors;
using ResistanceSim.Plotting.Layout;
using ResistanceSim.Plotting.Scales;
using ResistanceSim.Plotting.Svg;

namespace ResistanceSim.Plotting.Charts;

/// <summary>
/// Mechanism composition at progression: one 100%-stacked bar per arm, segments in mechanism
/// order (bottom to top, same as the legend reads left to right), labelled with their percentage
/// where the segment is tall enough.
/// </summary>
public static class CompositionChart
{
    private const double BarFraction = 0.6;

    /// <summary>Renders the chart as an SVG document.</summary>
    public static string Render(CompositionInput input, ChartStyle? style = null)
    {
        style ??= ChartStyle.Default;
        if (input.Fractions.Length != input.Arms.Count || input.Fractions.Any(r => r.Length != input.Mechanisms.Count))
        {
            throw new ArgumentException($"Fractions must be {input.Arms.Count} arms × {input.Mechanisms.Count} mechanisms.", nameof(input));
        }

        if (input.Fractions.Any(r => r.Any(v => !(v >= 0) || !double.IsFinite(v))))
        {
            throw new ArgumentException("Fractions must be finite and ≥ 0.", nameof(input));
        }

        if (input.ProgressedCounts is { } counts && counts.Length != input.Arms.Count)
        {
            throw new ArgumentException($"ProgressedCounts has {counts.Length} entries for {input.Arms.Count} arms.", nameof(input));
        }

        var colors = new CategoryColors(input.MechanismColors);
        var legend = input.Mechanisms.Select(m => new LegendEntry(m, LegendSymbol.Swatch, colors[m].ToHex())).ToList();
        // Headroom above 100% holds the "n = …" labels.
        double yMax = input.ProgressedCounts is null ? 1 : 1.08;
        var frame = new ChartFrame(style, input.Title,
            new Axis(AxisSide.Bottom, new BandScale(input.Arms), input.ArmLabel, style, grid: false),
            new Axis(AxisSide.Left, new LinearScale(0, yMax, 6, v => NumberFormat.Percent(v)), "Share of progressions", style),
            null, legend);

        var svg = new SvgWriter(style.Width, style.Height, input.Title);
        frame.RenderUnderlay(svg);
        frame.BeginData(svg);
        for (int a = 0; a < input.Arms.Count; a++)
        {
            DrawBar(svg, frame, input, a, colors, style);
        }

        frame.EndData(svg);
        frame.RenderAxes(svg);
        return svg.Finish();
    }

    private static void DrawBar(SvgWriter svg, ChartFrame frame, CompositionInput input, int arm, CategoryColors colors, ChartStyle style)
    {
        double font = style.TickFontSize * 0.9;
        double x0 = frame.Px(arm + ((1 - BarFraction) / 2));
        double x1 = frame.Px(arm + ((1 + BarFraction) / 2));
        double sum = input.Fractions[arm].Sum();
        svg.Open("g", ("class", "bar"));
        double cumulative = 0;
        for (int m = 0; m < input.Mechanisms.Count && sum > 0; m++)
        {
            double share = input.Fractions[arm][m] / sum;
            if (share <= 0)
            {
                continue;
            }

            double yTop = frame.Py(cumulative + share);
            double yBottom = frame.Py(cumulative);
            var color = colors[input.Mechanisms[m]];
            svg.Rectangle(new Rect(x0, yTop, x1 - x0, yBottom - yTop), color.ToHex(), "#ffffff", strokeWidth: 1);
            string label = NumberFormat.Percent(share);
            if (yBottom - yTop >= font * 1.4 && x1 - x0 >= TextMetrics.Width(label, font) + 6)
            {
                svg.Text((x0 + x1) / 2, ((yTop + yBottom) / 2) + (font * 0.35), label, font, color.ContrastingInk(), TextAnchor.Middle, cssClass: "segment-label");
            }

            cumulative += share;
        }

        if (sum <= 0)
        {
            svg.Rectangle(new Rect(x0, frame.Py(1), x1 - x0, frame.Py(0) - frame.Py(1)), "none", "#999999", strokeWidth: 1);
            svg.Text((x0 + x1) / 2, frame.Py(0.5), "no progression", font, "#666666", TextAnchor.Middle);
        }

        if (input.ProgressedCounts is { } counts)
        {
            string n = "n = " + counts[arm].ToString(CultureInfo.InvariantCulture);
            svg.Text((x0 + x1) / 2, frame.Py(1) - (font * 0.45), n, font, style.Ink, TextAnchor.Middle, cssClass: "bar-count");
        }

        svg.Close();
    }
}
