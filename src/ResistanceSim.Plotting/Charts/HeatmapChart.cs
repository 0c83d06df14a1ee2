using ResistanceSim.Plotting.Colors;
using ResistanceSim.Plotting.Layout;
using ResistanceSim.Plotting.Scales;
using ResistanceSim.Plotting.Svg;

namespace ResistanceSim.Plotting.Charts;

/// <summary>
/// A heatmap of a statistic over a 2-D parameter sweep, coloured with viridis and explained by a
/// colour bar; missing values are grey with hatching (and listed in the legend when present).
/// </summary>
public static class HeatmapChart
{
    private const double ColorBarWidth = 22;
    private const double ColorBarGap = 26;
    private const string MissingFill = "#d4d4d4";

    /// <summary>Renders the chart as an SVG document.</summary>
    public static string Render(HeatmapInput input, ChartStyle? style = null)
    {
        style ??= ChartStyle.Default;
        Validate(input);
        var finite = input.Values.SelectMany(r => r).Where(double.IsFinite).ToArray();
        double vmin = input.ColorMin ?? (finite.Length > 0 ? finite.Min() : 0);
        double vmax = input.ColorMax ?? (finite.Length > 0 ? finite.Max() : 1);
        var colorScale = new LinearScale(vmin, vmax, style.TargetTickCount);
        var colorAxis = new Axis(AxisSide.Right, colorScale, input.ValueName, style, grid: false);
        bool anyMissing = input.Values.Any(r => r.Any(v => !double.IsFinite(v)));
        var legend = anyMissing ? new List<LegendEntry> { new("No value", LegendSymbol.Swatch, MissingFill) } : [];
        var frame = new ChartFrame(style, input.Title,
            new Axis(AxisSide.Bottom, new BandScale(input.XValues), input.XName, style, grid: false),
            new Axis(AxisSide.Left, new BandScale(input.YValues), input.YName, style, grid: false),
            null, legend,
            new FrameExtras(Right: ColorBarGap + ColorBarWidth + colorAxis.Thickness(style.Height / 2)));

        var svg = new SvgWriter(style.Width, style.Height, input.Title);
        string hatchId = SvgWriter.NewId("missing-hatch");
        WriteHatchPattern(svg, hatchId);
        frame.RenderUnderlay(svg);
        frame.BeginData(svg);
        DrawCells(svg, frame, input, colorScale, hatchId, style);
        frame.EndData(svg);
        frame.RenderAxes(svg);
        DrawColorBar(svg, frame, colorAxis);
        return svg.Finish();
    }

    private static void DrawCells(SvgWriter svg, ChartFrame frame, HeatmapInput input, LinearScale colorScale, string hatchId, ChartStyle style)
    {
        double font = style.TickFontSize * 0.9;
        svg.Open("g", ("class", "cells"));
        for (int row = 0; row < input.YValues.Count; row++)
        {
            for (int col = 0; col < input.XValues.Count; col++)
            {
                double x0 = frame.Px(col);
                double x1 = frame.Px(col + 1);
                double y0 = frame.Py(row + 1);
                double y1 = frame.Py(row);
                var cell = new Rect(x0, y0, x1 - x0, y1 - y0);
                double value = input.Values[row][col];
                if (!double.IsFinite(value))
                {
                    svg.Rectangle(cell, MissingFill, "#ffffff", strokeWidth: 1);
                    svg.Rectangle(cell, SvgWriter.UrlOf(hatchId));
                    continue;
                }

                var color = Viridis.At(Math.Clamp(colorScale.Normalize(value), 0, 1));
                svg.Rectangle(cell, color.ToHex(), "#ffffff", strokeWidth: 1);
                string label = NumberFormat.Compact(value);
                if (input.AnnotateCells && cell.Width >= TextMetrics.Width(label, font) + 8 && cell.Height >= font * 1.5)
                {
                    svg.Text(x0 + (cell.Width / 2), y0 + (cell.Height / 2) + (font * 0.35), label, font, color.ContrastingInk(), TextAnchor.Middle, cssClass: "cell-label");
                }
            }
        }

        svg.Close();
    }

    private static void DrawColorBar(SvgWriter svg, ChartFrame frame, Axis colorAxis)
    {
        var bar = new Rect(frame.Plot.Right + ColorBarGap, frame.Plot.Y, ColorBarWidth, frame.Plot.Height);
        string gradientId = SvgWriter.NewId("colorbar");
        svg.Open("defs");
        svg.Open("linearGradient", ("id", gradientId), ("x1", "0"), ("y1", "1"), ("x2", "0"), ("y2", "0"));
        const int Stops = 10;
        for (int k = 0; k <= Stops; k++)
        {
            svg.Element("stop", ("offset", (double)k / Stops), ("stop-color", Viridis.At((double)k / Stops).ToHex()));
        }

        svg.Close();
        svg.Close();
        svg.Open("g", ("class", "colorbar"));
        svg.Rectangle(bar, SvgWriter.UrlOf(gradientId), "#555555", strokeWidth: 0.8);
        // The colour bar's scale is drawn like a right axis whose "plot" is the bar itself.
        colorAxis.Render(svg, bar);
        svg.Close();
    }

    private static void WriteHatchPattern(SvgWriter svg, string id)
    {
        svg.Open("defs");
        svg.Open("pattern", ("id", id), ("patternUnits", "userSpaceOnUse"), ("width", 8.0), ("height", 8.0), ("patternTransform", "rotate(45)"));
        svg.Line(0, 0, 0, 8, "#8a8a8a", 1.6);
        svg.Close();
        svg.Close();
    }

    private static void Validate(HeatmapInput input)
    {
        if (input.Values.Length != input.YValues.Count || input.Values.Any(r => r.Length != input.XValues.Count))
        {
            throw new ArgumentException(
                $"Heatmap values must be {input.YValues.Count} rows × {input.XValues.Count} columns.", nameof(input));
        }
    }
}
