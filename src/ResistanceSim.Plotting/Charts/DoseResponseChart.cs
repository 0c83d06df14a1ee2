using System.Globalization;
using ResistanceSim.Plotting.Colors;
using ResistanceSim.Plotting.Layout;
using ResistanceSim.Plotting.Scales;
using ResistanceSim.Plotting.Svg;

namespace ResistanceSim.Plotting.Charts;

/// <summary>
/// Dose–response curves on a log concentration axis: measured points with error bars, the fitted
/// Hill curve, and the IC50 as a dashed drop line with a diamond on the curve and a shaded band
/// over its confidence interval. The legend states each IC50 and interval.
/// </summary>
public static class DoseResponseChart
{
    private const int CurveSamples = 240;

    /// <summary>Renders the chart as an SVG document.</summary>
    public static string Render(DoseResponseInput input, ChartStyle? style = null)
    {
        style ??= ChartStyle.Default;
        foreach (var s in input.Series)
        {
            if (s.Concentrations.Length != s.Viability.Length || (s.Error is { } e && e.Length != s.Viability.Length))
            {
                throw new ArgumentException($"Dose–response series '{s.Name}' has arrays of different lengths.", nameof(input));
            }
        }

        var xValues = input.Series.SelectMany(s => s.Concentrations
            .Concat(s.Fit is { } f ? [f.Ic50] : [])
            .Concat(s.Ic50Interval is { } ci ? [ci.Lower, ci.Upper] : []));
        var xScale = LogScale.Nice(xValues);
        var yValues = input.Series.SelectMany(s => s.Viability.Select((v, i) => v + (s.Error?[i] ?? 0))
            .Concat(s.Viability.Select((v, i) => v - (s.Error?[i] ?? 0)))
            .Concat(s.Fit is { } f ? [f.Top, f.Bottom] : [])).Where(double.IsFinite).DefaultIfEmpty(1).ToArray();
        var yScale = LinearScale.Nice(yValues.Min(), yValues.Max(), style.TargetTickCount, includeZero: true);

        var legend = input.Series.Select((s, i) => new LegendEntry(LegendLabel(s, input.ConcentrationUnit), LegendSymbol.LineAndMarker, Palette.Series(i).ToHex())).ToList();
        var frame = new ChartFrame(style, input.Title,
            new Axis(AxisSide.Bottom, xScale, input.ConcentrationLabel, style),
            new Axis(AxisSide.Left, yScale, input.ViabilityLabel, style),
            null, legend);

        var svg = new SvgWriter(style.Width, style.Height, input.Title);
        frame.RenderUnderlay(svg);
        frame.BeginData(svg);
        for (int i = 0; i < input.Series.Count; i++)
        {
            DrawSeries(svg, frame, input.Series[i], Palette.Series(i).ToHex(), xScale);
        }

        frame.EndData(svg);
        frame.RenderAxes(svg);
        return svg.Finish();
    }

    private static void DrawSeries(SvgWriter svg, ChartFrame frame, DoseResponseSeries series, string color, LogScale xScale)
    {
        var plot = frame.Plot;
        svg.Open("g", ("class", "dose-response"));
        if (series.Ic50Interval is { } ci)
        {
            double x0 = frame.Px(Math.Max(ci.Lower, xScale.Min));
            double x1 = frame.Px(Math.Min(ci.Upper, xScale.Max));
            svg.Rectangle(new Rect(x0, plot.Y, Math.Max(1, x1 - x0), plot.Height), color, opacity: 0.15);
        }

        if (series.Fit is { } fit)
        {
            var path = new PathBuilder();
            double logMin = Math.Log10(xScale.Min);
            double logMax = Math.Log10(xScale.Max);
            for (int k = 0; k <= CurveSamples; k++)
            {
                double c = Math.Pow(10, logMin + ((logMax - logMin) * k / CurveSamples));
                double x = frame.Px(c);
                double y = frame.Py(fit.Evaluate(c));
                if (k == 0)
                {
                    path.MoveTo(x, y);
                }
                else
                {
                    path.LineTo(x, y);
                }
            }

            svg.StrokePath(path, color, 2.5, cssClass: "series fit");
            double xi = frame.Px(fit.Ic50);
            double yi = frame.Py(fit.Evaluate(fit.Ic50));
            svg.Line(xi, plot.Bottom, xi, yi, color, 1.5, "5 4");
            var diamond = new PathBuilder().MoveTo(xi, yi - 7).LineTo(xi + 7, yi).LineTo(xi, yi + 7).LineTo(xi - 7, yi).Close();
            svg.FillPath(diamond, color, stroke: "#ffffff", strokeWidth: 1.2, cssClass: "ic50");
        }

        for (int j = 0; j < series.Concentrations.Length; j++)
        {
            double x = frame.Px(series.Concentrations[j]);
            double v = series.Viability[j];
            if (double.IsNaN(x) || !double.IsFinite(v))
            {
                continue;
            }

            if (series.Error is { } error && error[j] > 0)
            {
                double top = frame.Py(v + error[j]);
                double bottom = frame.Py(v - error[j]);
                svg.ErrorBar(x, top, bottom, color);
            }

            svg.Circle(x, frame.Py(v), 5, color, "#ffffff", 1.2);
        }

        svg.Close();
    }

    private static string LegendLabel(DoseResponseSeries series, string unit)
    {
        if (series.Fit is not { } fit)
        {
            return series.Name;
        }

        string label = string.Create(CultureInfo.InvariantCulture, $"{series.Name} (IC50 {NumberFormat.Compact(Signif(fit.Ic50))}");
        if (series.Ic50Interval is { } ci)
        {
            label += " [" + NumberFormat.Compact(Signif(ci.Lower)) + "–" + NumberFormat.Compact(Signif(ci.Upper)) + "]";
        }

        return label + " " + unit + ")";
    }

    /// <summary>Three significant digits: an IC50 is never known better than that.</summary>
    private static double Signif(double value)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value;
        }

        double scale = Math.Pow(10, 2 - Math.Floor(Math.Log10(Math.Abs(value))));
        return Math.Round(value * scale) / scale;
    }
}
