using ResistanceSim.Plotting.Colors;
using ResistanceSim.Plotting.Layout;
using ResistanceSim.Plotting.Scales;
using ResistanceSim.Plotting.Svg;

namespace ResistanceSim.Plotting.Charts;

/// <summary>One target: its label (name and published value) and the standardised misses of the accepted particles.</summary>
public sealed record TargetFitRow(string Label, IReadOnlyList<double> Misses);

/// <summary>
/// Every target on one scale: (simulated − published) / tolerance for each accepted particle (dots) and their median
/// (a bar), over the shaded band [−1, 1] where a value is within tolerance. Targets have different units; their
/// standardised misses do not, and they are what the fit's distance is made of.
/// </summary>
public static class TargetFitChart
{
    public static string Render(string title, IReadOnlyList<TargetFitRow> rows, ChartStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) throw new ArgumentException("A target chart needs at least one target.", nameof(rows));
        style ??= ChartStyle.Default with { Height = Math.Max(ChartStyle.Default.Height, 120 + 34 * rows.Count) };
        var finite = rows.SelectMany(r => r.Misses).Where(double.IsFinite).Append(-1.5).Append(1.5).ToArray();
        double extent = Math.Min(10, finite.Max(Math.Abs));
        var xScale = LinearScale.Nice(-extent, extent, style.TargetTickCount);
        var yScale = new BandScale([.. rows.Select(r => r.Label)]);
        var legend = new List<LegendEntry>
        {
            new("within tolerance", LegendSymbol.Swatch, Palette.Neutral.ToHex(), null),
            new("accepted particles, median", LegendSymbol.LineAndMarker, Palette.Series(0).ToHex(), null),
        };
        var frame = new ChartFrame(style, title,
            new Axis(AxisSide.Bottom, xScale, "(simulated − published) / tolerance (clipped at ±10)", style),
            new Axis(AxisSide.Left, yScale, "", style, grid: false), null, legend);
        var svg = new SvgWriter(style.Width, style.Height, title);
        frame.RenderUnderlay(svg);
        frame.BeginData(svg);
        double left = frame.Px(-1), right = frame.Px(1);
        svg.Rectangle(new Rect(left, frame.Plot.Y, right - left, frame.Plot.Height), Palette.Neutral.ToHex(), opacity: 0.35);
        string color = Palette.Series(0).ToHex();
        for (int r = 0; r < rows.Count; r++)
        {
            double centre = frame.Py(r + 0.5);
            var misses = rows[r].Misses.Where(double.IsFinite).Select(m => Math.Clamp(m, -extent, extent)).ToArray();
            for (int i = 0; i < misses.Length; i++)
                svg.Circle(frame.Px(misses[i]), centre + ((i * 7919 % 17) - 8) * 0.8, 2.2, color, null);   // fixed jitter: reproducible files
            if (misses.Length == 0) continue;
            Array.Sort(misses);
            double median = misses[misses.Length / 2];
            svg.Line(frame.Px(median), centre - 12, frame.Px(median), centre + 12, Palette.Black.ToHex(), 3);
        }
        frame.EndData(svg);
        frame.RenderAxes(svg);
        return svg.Finish();
    }
}
