using ResistanceSim.Plotting.Colors;
using ResistanceSim.Plotting.Layout;
using ResistanceSim.Plotting.Scales;
using ResistanceSim.Plotting.Svg;

namespace ResistanceSim.Plotting.Charts;

/// <summary>A line plot of a statistic along a 1-D parameter sweep, with markers and optional error bars.</summary>
public static class SweepLineChart
{
    /// <summary>Renders the chart as an SVG document.</summary>
    public static string Render(SweepLineInput input, ChartStyle? style = null)
    {
        style ??= ChartStyle.Default;
        foreach (var s in input.Series)
        {
            if (s.X.Length != s.Y.Length || (s.Lower is { } lo && lo.Length != s.Y.Length) || (s.Upper is { } hi && hi.Length != s.Y.Length))
            {
                throw new ArgumentException($"Sweep series '{s.Name}' has arrays of different lengths.", nameof(input));
            }
        }

        var xs = input.Series.SelectMany(s => s.X).Where(double.IsFinite).ToArray();
        IScale xScale = input.LogX
            ? LogScale.Nice(xs)
            : new LinearScale(xs.DefaultIfEmpty(0).Min(), xs.DefaultIfEmpty(1).Max(), style.TargetTickCount);
        var ys = input.Series.SelectMany(s => s.Y.Concat(s.Lower ?? []).Concat(s.Upper ?? [])).Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        var yScale = LinearScale.Nice(ys.Min(), ys.Max(), style.TargetTickCount, input.YIncludesZero);

        var legend = input.Series.Select((s, i) => new LegendEntry(s.Name, LegendSymbol.LineAndMarker, Palette.Series(i).ToHex(), Palette.Dash(i))).ToList();
        var frame = new ChartFrame(style, input.Title,
            new Axis(AxisSide.Bottom, xScale, input.XLabel, style),
            new Axis(AxisSide.Left, yScale, input.YLabel, style),
            null, legend);

        var svg = new SvgWriter(style.Width, style.Height, input.Title);
        frame.RenderUnderlay(svg);
        frame.BeginData(svg);
        for (int i = 0; i < input.Series.Count; i++)
        {
            DrawSeries(svg, frame, input.Series[i], Palette.Series(i).ToHex(), Palette.Dash(i));
        }

        frame.EndData(svg);
        frame.RenderAxes(svg);
        return svg.Finish();
    }

    private static void DrawSeries(SvgWriter svg, ChartFrame frame, SweepSeries series, string color, string? dash)
    {
        svg.Open("g", ("class", "sweep-series"));
        svg.StrokePath(SeriesPath.Polyline(series.X, series.Y, frame.Px, frame.Py), color, 2.5, dash, cssClass: "series");
        for (int j = 0; j < series.X.Length; j++)
        {
            double x = frame.Px(series.X[j]);
            double y = frame.Py(series.Y[j]);
            if (double.IsNaN(x) || double.IsNaN(y))
            {
                continue;
            }

            if (series.Lower is { } lower && series.Upper is { } upper && double.IsFinite(lower[j]) && double.IsFinite(upper[j]))
            {
                double top = frame.Py(upper[j]);
                double bottom = frame.Py(lower[j]);
                svg.ErrorBar(x, top, bottom, color);
            }

            svg.Circle(x, y, 4.5, color, "#ffffff", 1.2);
        }

        svg.Close();
    }
}
