using ResistanceSim.Plotting.Colors;
using ResistanceSim.Plotting.Layout;
using ResistanceSim.Plotting.Scales;
using ResistanceSim.Plotting.Svg;

namespace ResistanceSim.Plotting.Charts;

/// <summary>
/// Population size over time on a log axis: total (black, thick) and one line per resistance
/// mechanism (Okabe–Ito colours), drug concentrations as grey dashed lines on a linear right
/// axis, and protocol phases as labelled background bands.
/// </summary>
public static class PopulationChart
{
    private static readonly (string Color, string Dash)[] ConcentrationStyles =
        [("#444444", "9 5"), ("#777777", "3 4"), ("#999999", "12 4 3 4")];

    /// <summary>Renders the chart as an SVG document.</summary>
    public static string Render(PopulationChartInput input, ChartStyle? style = null)
    {
        style ??= ChartStyle.Default;
        var populations = new[] { input.Total }.Concat(input.Mechanisms).ToArray();
        foreach (var series in populations.Concat(input.Concentrations))
        {
            series.Validate();
        }

        var times = populations.Concat(input.Concentrations).SelectMany(s => s.Times)
            .Concat(input.Phases.SelectMany(p => new[] { p.Start, p.End })).ToArray();
        if (times.Length == 0)
        {
            throw new ArgumentException("The population chart needs at least one time point.", nameof(input));
        }

        var xScale = new LinearScale(times.Min(), times.Max(), style.TargetTickCount);
        var yScale = LogScale.Nice(populations.SelectMany(s => s.Values));
        Axis? y2 = null;
        if (input.Concentrations.Count > 0)
        {
            // 8% headroom keeps a constant concentration from running along the plot's top edge.
            double maxConcentration = input.Concentrations.SelectMany(s => s.Values).Where(double.IsFinite).DefaultIfEmpty(1).Max();
            y2 = new Axis(AxisSide.Right, LinearScale.Nice(0, maxConcentration > 0 ? maxConcentration * 1.08 : 1, style.TargetTickCount, includeZero: true),
                input.ConcentrationLabel, style, grid: false);
        }

        var legend = new List<LegendEntry> { new(input.Total.Name, LegendSymbol.Line, Palette.Black.ToHex(), LineWidth: 3.5) };
        legend.AddRange(input.Mechanisms.Select((m, i) => new LegendEntry(m.Name, LegendSymbol.Line, Palette.Series(i).ToHex())));
        legend.AddRange(input.Concentrations.Select((c, i) => new LegendEntry(
            c.Name, LegendSymbol.Line, ConcentrationStyles[i % ConcentrationStyles.Length].Color,
            ConcentrationStyles[i % ConcentrationStyles.Length].Dash, 2)));

        var frame = new ChartFrame(style, input.Title,
            new Axis(AxisSide.Bottom, xScale, input.TimeLabel, style),
            new Axis(AxisSide.Left, yScale, input.PopulationLabel, style),
            y2, legend);

        var svg = new SvgWriter(style.Width, style.Height, input.Title);
        frame.RenderUnderlay(svg);
        frame.BeginData(svg);
        DrawPhases(svg, frame, input.Phases, style);
        for (int i = 0; i < input.Concentrations.Count; i++)
        {
            var (color, dash) = ConcentrationStyles[i % ConcentrationStyles.Length];
            var c = input.Concentrations[i];
            svg.StrokePath(SeriesPath.Polyline(c.Times, c.Values, frame.Px, frame.Py2), color, 2, dash, cssClass: "series concentration");
        }

        for (int i = 0; i < input.Mechanisms.Count; i++)
        {
            var m = input.Mechanisms[i];
            svg.StrokePath(SeriesPath.Polyline(m.Times, m.Values, frame.Px, frame.Py), Palette.Series(i).ToHex(), 2.5, cssClass: "series mechanism");
        }

        svg.StrokePath(SeriesPath.Polyline(input.Total.Times, input.Total.Values, frame.Px, frame.Py), Palette.Black.ToHex(), 3.5, cssClass: "series total");
        frame.EndData(svg);
        frame.RenderAxes(svg);
        return svg.Finish();
    }

    private static void DrawPhases(SvgWriter svg, ChartFrame frame, IReadOnlyList<PhaseBand> phases, ChartStyle style)
    {
        var plot = frame.Plot;
        double font = style.TickFontSize * 0.9;
        svg.Open("g", ("class", "phases"));
        for (int i = 0; i < phases.Count; i++)
        {
            var phase = phases[i];
            double x0 = Math.Max(plot.X, frame.Px(phase.Start));
            double x1 = Math.Min(plot.Right, frame.Px(phase.End));
            if (!(x1 > x0))
            {
                continue;
            }

            // Alternating greys keep adjacent phases apart without competing with the series colours.
            svg.Rectangle(new Rect(x0, plot.Y, x1 - x0, plot.Height), i % 2 == 0 ? "#d9d9d9" : "#bdbdbd", opacity: 0.35);
            svg.Line(x0, plot.Y, x0, plot.Bottom, "#9a9a9a", 1, "3 3");
            string label = TextMetrics.FitWithEllipsis(phase.Label, x1 - x0 - 8, font);
            if (label.Length > 0)
            {
                svg.Text((x0 + x1) / 2, plot.Y + (font * 1.3), label, font, "#444444", TextAnchor.Middle, cssClass: "phase-label");
            }
        }

        svg.Close();
    }
}
