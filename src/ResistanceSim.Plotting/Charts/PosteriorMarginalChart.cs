using ResistanceSim.Plotting.Colors;
using ResistanceSim.Plotting.Layout;
using ResistanceSim.Plotting.Scales;
using ResistanceSim.Plotting.Svg;

namespace ResistanceSim.Plotting.Charts;

/// <summary>One calibrated parameter: what the fit believes (a weighted histogram of the accepted particles) over the prior's range.</summary>
/// <param name="Truth">The value targets were generated at, on a synthetic check (NaN otherwise).</param>
public sealed record PosteriorMarginalInput(
    string Title, string XLabel, IReadOnlyList<double> Values, IReadOnlyList<double> Weights, double PriorMin, double PriorMax, bool LogX,
    double Median, double Lower, double Upper, double Truth);

/// <summary>Weighted histogram of a posterior marginal on its prior's range, with the median (solid) and 90% interval (dashed).</summary>
public static class PosteriorMarginalChart
{
    private const int Bins = 24;

    public static string Render(PosteriorMarginalInput input, ChartStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Values.Count != input.Weights.Count || input.Values.Count == 0)
            throw new ArgumentException("A marginal needs equally many values and weights, at least one.", nameof(input));
        style ??= ChartStyle.Default;
        double Transform(double x) => input.LogX ? Math.Log10(x) : x;
        double low = Transform(input.PriorMin), high = Transform(input.PriorMax);
        if (!double.IsFinite(low) || !double.IsFinite(high))
        {
            // An unbounded prior: the particles' own range.
            low = input.Values.Select(Transform).Min();
            high = input.Values.Select(Transform).Max();
        }
        if (!(high > low)) high = low + 1;
        var mass = new double[Bins];
        double total = input.Weights.Sum();
        for (int i = 0; i < input.Values.Count; i++)
        {
            int bin = (int)Math.Clamp((Transform(input.Values[i]) - low) / (high - low) * Bins, 0, Bins - 1);
            mass[bin] += input.Weights[i] / total;
        }
        IScale xScale = input.LogX ? new LogScale(Math.Pow(10, low), Math.Pow(10, high)) : new LinearScale(low, high, style.TargetTickCount);
        var yScale = LinearScale.Nice(0, mass.Max(), style.TargetTickCount, includeZero: true);
        var legend = new List<LegendEntry> { new("posterior median, 90% interval", LegendSymbol.Line, Palette.Black.ToHex(), null) };
        if (double.IsFinite(input.Truth)) legend.Add(new LegendEntry("true value", LegendSymbol.Line, Palette.Series(1).ToHex(), null));
        var frame = new ChartFrame(style, input.Title,
            new Axis(AxisSide.Bottom, xScale, input.XLabel, style),
            new Axis(AxisSide.Left, yScale, "posterior weight per bin", style), null, legend);

        var svg = new SvgWriter(style.Width, style.Height, input.Title);
        frame.RenderUnderlay(svg);
        frame.BeginData(svg);
        string fill = Palette.Series(0).ToHex();
        for (int b = 0; b < Bins; b++)
        {
            if (mass[b] <= 0) continue;
            double x0 = frame.Px(Untransform(low + (high - low) * b / Bins, input.LogX));
            double x1 = frame.Px(Untransform(low + (high - low) * (b + 1) / Bins, input.LogX));
            double top = frame.Py(mass[b]), bottom = frame.Py(0);
            svg.Rectangle(new Rect(x0, top, Math.Max(0.5, x1 - x0 - 1), bottom - top), fill);
        }
        VerticalLine(svg, frame, input.Median, Palette.Black.ToHex(), null);
        VerticalLine(svg, frame, input.Lower, Palette.Black.ToHex(), "5 4");
        VerticalLine(svg, frame, input.Upper, Palette.Black.ToHex(), "5 4");
        if (double.IsFinite(input.Truth)) VerticalLine(svg, frame, input.Truth, Palette.Series(1).ToHex(), null);
        frame.EndData(svg);
        frame.RenderAxes(svg);
        return svg.Finish();
    }

    private static double Untransform(double x, bool log) => log ? Math.Pow(10, x) : x;

    private static void VerticalLine(SvgWriter svg, ChartFrame frame, double value, string color, string? dash)
    {
        double x = frame.Px(value);
        if (double.IsFinite(x)) svg.Line(x, frame.Plot.Y, x, frame.Plot.Y + frame.Plot.Height, color, 2, dash);
    }
}
