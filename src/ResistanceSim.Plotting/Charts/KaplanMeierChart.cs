using ResistanceSim.Plotting.Colors;
using ResistanceSim.Plotting.Layout;
using ResistanceSim.Plotting.Scales;
using ResistanceSim.Plotting.Svg;

namespace ResistanceSim.Plotting.Charts;

/// <summary>
/// Kaplan–Meier curves per arm: step functions, shaded pointwise confidence bands, censoring tick
/// marks, and a numbers-at-risk table aligned with the time axis ticks below the chart (as CONSORT-
/// style trial reports show it).
/// </summary>
public static class KaplanMeierChart
{
    private const double CensorTickHeight = 9;

    /// <summary>Renders the chart as an SVG document.</summary>
    public static string Render(KaplanMeierInput input, ChartStyle? style = null)
    {
        style ??= ChartStyle.Default;
        if (input.Arms.Count == 0)
        {
            throw new ArgumentException("A Kaplan–Meier chart needs at least one arm.", nameof(input));
        }

        foreach (var arm in input.Arms)
        {
            arm.Validate();
        }

        double maxTime = input.Arms.SelectMany(a => a.Times.Concat(a.CensorTimes)).DefaultIfEmpty(1).Max();
        var xScale = LinearScale.Nice(0, maxTime, style.TargetTickCount, includeZero: true);
        var yAxis = new Axis(AxisSide.Left, new LinearScale(0, 1, 6, v => NumberFormat.Percent(v)), input.SurvivalLabel, style);

        // The at-risk table needs one row per arm plus a header, and room for arm names left of the plot.
        double rowHeight = TextMetrics.LineHeight(style.TickFontSize) * 1.1;
        double nameWidth = input.Arms.Max(a => TextMetrics.Width(a.Name, style.TickFontSize, bold: true)) + NameOffset(input.Arms, style);
        var extras = new FrameExtras(
            Left: Math.Max(0, nameWidth - yAxis.Thickness(style.Height / 2)),
            Bottom: (rowHeight * (input.Arms.Count + 1)) + 10);
        var legend = input.Arms.Select((a, i) => new LegendEntry(a.Name, LegendSymbol.Line, Palette.Series(i).ToHex())).ToList();
        var frame = new ChartFrame(style, input.Title,
            new Axis(AxisSide.Bottom, xScale, input.TimeLabel, style), yAxis, null, legend, extras);

        var svg = new SvgWriter(style.Width, style.Height, input.Title);
        frame.RenderUnderlay(svg);
        frame.BeginData(svg);
        for (int i = 0; i < input.Arms.Count; i++)
        {
            DrawArm(svg, frame, input.Arms[i], Palette.Series(i).ToHex());
        }

        frame.EndData(svg);
        frame.RenderAxes(svg);
        DrawAtRiskTable(svg, frame, input.Arms, xScale, style, rowHeight);
        return svg.Finish();
    }

    private static void DrawArm(SvgWriter svg, ChartFrame frame, KaplanMeierArm arm, string color)
    {
        svg.Open("g", ("class", "km-arm"));
        double lastTime = Math.Max(arm.Times.DefaultIfEmpty(0).Max(), arm.CensorTimes.DefaultIfEmpty(0).Max());
        svg.FillPath(BandPath(arm, frame, lastTime), color, opacity: 0.16, cssClass: "km-ci");
        svg.StrokePath(StepPath(arm.Times, arm.Survival, frame, lastTime), color, 2.5, cssClass: "series km-curve");
        foreach (double c in arm.CensorTimes)
        {
            double x = frame.Px(c);
            double y = frame.Py(arm.SurvivalAt(c));
            svg.Line(x, y - (CensorTickHeight / 2), x, y + (CensorTickHeight / 2), color, 1.8);
        }

        svg.Close();
    }

    /// <summary>A right-continuous step path from (0, 1) through each drop to <paramref name="lastTime"/>.</summary>
    private static PathBuilder StepPath(double[] times, double[] values, ChartFrame frame, double lastTime)
    {
        var path = new PathBuilder().MoveTo(frame.Px(0), frame.Py(1));
        double current = 1;
        for (int j = 0; j < times.Length; j++)
        {
            double x = frame.Px(times[j]);
            double v = double.IsFinite(values[j]) ? values[j] : current;
            path.LineTo(x, frame.Py(current)).LineTo(x, frame.Py(v));
            current = v;
        }

        return path.LineTo(frame.Px(lastTime), frame.Py(current));
    }

    /// <summary>The confidence band: upper step edge forwards, lower step edge backwards.</summary>
    private static PathBuilder BandPath(KaplanMeierArm arm, ChartFrame frame, double lastTime)
    {
        var upper = StepPoints(arm.Times, arm.Upper, arm.Survival, lastTime);
        var lower = StepPoints(arm.Times, arm.Lower, arm.Survival, lastTime);
        var path = new PathBuilder().MoveTo(frame.Px(upper[0].T), frame.Py(upper[0].V));
        foreach (var (t, v) in upper.Skip(1))
        {
            path.LineTo(frame.Px(t), frame.Py(v));
        }

        for (int k = lower.Count - 1; k >= 0; k--)
        {
            path.LineTo(frame.Px(lower[k].T), frame.Py(lower[k].V));
        }

        return path.Close();
    }

    private static List<(double T, double V)> StepPoints(double[] times, double[] limits, double[] survival, double lastTime)
    {
        var points = new List<(double T, double V)> { (0, 1) };
        double current = 1;
        for (int j = 0; j < times.Length; j++)
        {
            // An undefined limit (e.g. where survival reaches 0) collapses the band onto the curve.
            double v = double.IsFinite(limits[j]) ? limits[j] : survival[j];
            points.Add((times[j], current));
            points.Add((times[j], v));
            current = v;
        }

        points.Add((lastTime, current));
        return points;
    }

    /// <summary>Distance from the plot's left edge to the end of the arm names: clears the counts centred on the first tick.</summary>
    private static double NameOffset(IReadOnlyList<KaplanMeierArm> arms, ChartStyle style)
    {
        int maxCount = arms.SelectMany(a => a.AtRisk).DefaultIfEmpty(0).Max();
        return (TextMetrics.Width(maxCount.ToString(System.Globalization.CultureInfo.InvariantCulture), style.TickFontSize) / 2) + 12;
    }

    private static void DrawAtRiskTable(SvgWriter svg, ChartFrame frame, IReadOnlyList<KaplanMeierArm> arms, LinearScale xScale,
        ChartStyle style, double rowHeight)
    {
        double font = style.TickFontSize;
        double top = frame.Plot.Bottom + frame.X.Thickness(frame.Plot.Width) + 10;
        var plan = frame.X.PlanLabels(frame.Plot.Width);
        var ticks = xScale.Ticks.Where(t => t.IsMajor).Where((_, k) => k % plan.Stride == 0).ToArray();
        svg.Open("g", ("class", "at-risk"));
        svg.Text(style.Padding, top + (font * 0.9), "Number at risk", font, style.Ink, bold: true);
        for (int i = 0; i < arms.Count; i++)
        {
            double baseline = top + (rowHeight * (i + 1)) + (font * 0.9);
            string color = Palette.Series(i).ToHex();
            svg.Text(frame.Plot.X - NameOffset(arms, style), baseline, arms[i].Name, font, color, TextAnchor.End, bold: true);
            foreach (var tick in ticks)
            {
                string count = arms[i].AtRiskAt(tick.Value).ToString(System.Globalization.CultureInfo.InvariantCulture);
                svg.Text(frame.Px(tick.Value), baseline, count, font, style.Ink, TextAnchor.Middle, cssClass: "at-risk-count");
            }
        }

        svg.Close();
    }
}
