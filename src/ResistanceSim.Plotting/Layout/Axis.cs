using ResistanceSim.Plotting.Scales;
using ResistanceSim.Plotting.Svg;

namespace ResistanceSim.Plotting.Layout;

/// <summary>
/// One axis: line, outward tick marks, tick labels and title. Labels never overlap: numeric
/// labels are thinned (every 2nd, 3rd, … labelled; all ticks stay), category labels are first
/// rotated by 45° and thinned only if still crowded.
/// </summary>
public sealed class Axis
{
    private const double LabelGap = 5;
    private const double RotationDegrees = 45;

    private readonly ChartStyle _style;

    /// <summary>Creates an axis; <paramref name="grid"/> draws major grid lines across the plot.</summary>
    public Axis(AxisSide side, IScale scale, string title, ChartStyle style, bool grid = true)
    {
        Side = side;
        Scale = scale;
        Title = title;
        _style = style;
        Grid = grid;
    }

    /// <summary>Edge of the plot the axis sits on.</summary>
    public AxisSide Side { get; }

    /// <summary>The value-to-position mapping.</summary>
    public IScale Scale { get; }

    /// <summary>Axis title, including units.</summary>
    public string Title { get; }

    /// <summary>Whether major grid lines are drawn.</summary>
    public bool Grid { get; }

    private bool IsHorizontal => Side == AxisSide.Bottom;

    private IReadOnlyList<AxisTick> MajorTicks => [.. Scale.Ticks.Where(t => t.IsMajor)];

    /// <summary>Pixel coordinate of <paramref name="value"/> (x for a bottom axis, y otherwise); NaN if not shown.</summary>
    public double PixelOf(double value, Rect plot)
    {
        double n = Scale.Normalize(value);
        return IsHorizontal ? plot.X + (n * plot.Width) : plot.Bottom - (n * plot.Height);
    }

    /// <summary>How labels are drawn for an axis of the given pixel length.</summary>
    public AxisLabelPlan PlanLabels(double lengthPx)
    {
        var majors = MajorTicks;
        double[] positions = [.. majors.Select(t => Scale.Normalize(t.Value) * lengthPx)];
        double[] widths = [.. majors.Select(t => TextMetrics.Width(t.Label, _style.TickFontSize))];
        double font = _style.TickFontSize;

        if (!IsHorizontal)
        {
            return new AxisLabelPlan(SmallestStride(positions, (_, _) => font * 1.3), false);
        }

        if (Fits(positions, 1, (i, j) => ((widths[i] + widths[j]) / 2) + (font * 0.8)))
        {
            return new AxisLabelPlan(1, false);
        }

        if (Scale.IsCategorical)
        {
            // Rotated labels stack diagonally: neighbours need about 1.6 font sizes of horizontal spacing.
            return new AxisLabelPlan(SmallestStride(positions, (_, _) => font * 1.6), true);
        }

        return new AxisLabelPlan(SmallestStride(positions, (i, j) => ((widths[i] + widths[j]) / 2) + (font * 0.8)), false);
    }

    /// <summary>Space the axis needs outside the plot area (ticks, labels, title).</summary>
    public double Thickness(double lengthPx)
    {
        var plan = PlanLabels(lengthPx);
        double maxLabelWidth = MajorTicks.Select(t => TextMetrics.Width(t.Label, _style.TickFontSize)).DefaultIfEmpty(0).Max();
        double titleSpace = string.IsNullOrEmpty(Title) ? 0 : _style.AxisTitleFontSize * 1.6;
        if (IsHorizontal)
        {
            double labels = plan.Rotated
                ? (maxLabelWidth + _style.TickFontSize) * Math.Sin(RotationDegrees * Math.PI / 180)
                : _style.TickFontSize;
            return _style.TickLength + LabelGap + labels + titleSpace;
        }

        return _style.TickLength + LabelGap + maxLabelWidth + titleSpace;
    }

    /// <summary>How far the outermost horizontal labels reach beyond the ends of the axis.</summary>
    public (double Before, double After) LabelOverhang(double lengthPx)
    {
        var majors = MajorTicks;
        if (majors.Count == 0)
        {
            return (0, 0);
        }

        if (!IsHorizontal)
        {
            return (_style.TickFontSize * 0.6, _style.TickFontSize * 0.6);
        }

        var plan = PlanLabels(lengthPx);
        double Reach(AxisTick tick, bool before)
        {
            double w = TextMetrics.Width(tick.Label, _style.TickFontSize);
            double pos = Scale.Normalize(tick.Value) * lengthPx;
            if (plan.Rotated)
            {
                return before ? (w * Math.Cos(RotationDegrees * Math.PI / 180)) - pos : 0;
            }

            return before ? (w / 2) - pos : (w / 2) - (lengthPx - pos);
        }

        return (Math.Max(0, Reach(majors[0], true)), Math.Max(0, Reach(majors[^1], false)));
    }

    /// <summary>Grid lines, drawn under the data.</summary>
    public void RenderGrid(SvgWriter svg, Rect plot)
    {
        if (!Grid)
        {
            return;
        }

        foreach (var tick in MajorTicks)
        {
            double p = PixelOf(tick.Value, plot);
            if (IsHorizontal)
            {
                svg.Line(p, plot.Y, p, plot.Bottom, _style.GridColor);
            }
            else
            {
                svg.Line(plot.X, p, plot.Right, p, _style.GridColor);
            }
        }
    }

    /// <summary>Axis line, ticks, labels and title, drawn over the data.</summary>
    public void Render(SvgWriter svg, Rect plot)
    {
        double length = IsHorizontal ? plot.Width : plot.Height;
        var plan = PlanLabels(length);
        double font = _style.TickFontSize;
        string ink = _style.Ink;
        svg.Open("g", ("class", "axis axis-" + Side.ToString().ToLowerInvariant()));

        switch (Side)
        {
            case AxisSide.Bottom: svg.Line(plot.X, plot.Bottom, plot.Right, plot.Bottom, ink, 1.2); break;
            case AxisSide.Left: svg.Line(plot.X, plot.Y, plot.X, plot.Bottom, ink, 1.2); break;
            default: svg.Line(plot.Right, plot.Y, plot.Right, plot.Bottom, ink, 1.2); break;
        }

        int majorIndex = 0;
        foreach (var tick in Scale.Ticks)
        {
            double p = PixelOf(tick.Value, plot);
            double len = tick.IsMajor ? _style.TickLength : _style.TickLength * 0.6;
            switch (Side)
            {
                case AxisSide.Bottom: svg.Line(p, plot.Bottom, p, plot.Bottom + len, ink); break;
                case AxisSide.Left: svg.Line(plot.X - len, p, plot.X, p, ink); break;
                default: svg.Line(plot.Right, p, plot.Right + len, p, ink); break;
            }

            if (!tick.IsMajor)
            {
                continue;
            }

            if (majorIndex++ % plan.Stride != 0)
            {
                continue;
            }

            double offset = _style.TickLength + LabelGap;
            switch (Side)
            {
                case AxisSide.Bottom when plan.Rotated:
                    svg.Text(p + (font * 0.3), plot.Bottom + offset + (font * 0.4), tick.Label, font, ink, TextAnchor.End,
                        rotateDegrees: -RotationDegrees, cssClass: "tick-label");
                    break;
                case AxisSide.Bottom:
                    svg.Text(p, plot.Bottom + offset + (font * 0.8), tick.Label, font, ink, TextAnchor.Middle, cssClass: "tick-label");
                    break;
                case AxisSide.Left:
                    svg.Text(plot.X - offset, p + (font * 0.35), tick.Label, font, ink, TextAnchor.End, cssClass: "tick-label");
                    break;
                default:
                    svg.Text(plot.Right + offset, p + (font * 0.35), tick.Label, font, ink, cssClass: "tick-label");
                    break;
            }
        }

        RenderTitle(svg, plot, length);
        svg.Close();
    }

    private void RenderTitle(SvgWriter svg, Rect plot, double length)
    {
        if (string.IsNullOrEmpty(Title))
        {
            return;
        }

        double thickness = Thickness(length);
        double size = _style.AxisTitleFontSize;
        switch (Side)
        {
            case AxisSide.Bottom:
                svg.Text(plot.X + (plot.Width / 2), plot.Bottom + thickness - (size * 0.25), Title, size, _style.Ink,
                    TextAnchor.Middle, cssClass: "axis-title");
                break;
            case AxisSide.Left:
                svg.Text(plot.X - thickness + (size * 0.85), plot.Y + (plot.Height / 2), Title, size, _style.Ink,
                    TextAnchor.Middle, rotateDegrees: -90, cssClass: "axis-title");
                break;
            default:
                svg.Text(plot.Right + thickness - (size * 0.85), plot.Y + (plot.Height / 2), Title, size, _style.Ink,
                    TextAnchor.Middle, rotateDegrees: 90, cssClass: "axis-title");
                break;
        }
    }

    private static int SmallestStride(double[] positions, Func<int, int, double> requiredSpacing)
    {
        for (int stride = 1; stride < Math.Max(2, positions.Length); stride++)
        {
            if (Fits(positions, stride, requiredSpacing))
            {
                return stride;
            }
        }

        return Math.Max(1, positions.Length);
    }

    private static bool Fits(double[] positions, int stride, Func<int, int, double> requiredSpacing)
    {
        for (int i = 0; i + stride < positions.Length; i += stride)
        {
            if (Math.Abs(positions[i + stride] - positions[i]) < requiredSpacing(i, i + stride))
            {
                return false;
            }
        }

        return true;
    }
}
