using ResistanceSim.Plotting.Svg;

namespace ResistanceSim.Plotting.Layout;

/// <summary>Extra space a chart reserves outside the plot area (at-risk table, colour bar, row names).</summary>
public sealed record FrameExtras(double Left = 0, double Right = 0, double Bottom = 0);

/// <summary>
/// The common frame of every chart: title, legend, axes and the plot area between them. Margins
/// are computed from the measured sizes of tick labels, axis titles and legend rows, so long
/// labels push the plot area inwards instead of running off the canvas.
/// </summary>
public sealed class ChartFrame
{
    private readonly ChartStyle _style;
    private readonly IReadOnlyList<string> _titleLines;
    private readonly Legend _legend;
    private readonly string _clipId = SvgWriter.NewId("plot-area");
    private const int MaxTitleLines = 2;

    /// <summary>Lays out a chart of <paramref name="style"/>'s size.</summary>
    public ChartFrame(ChartStyle style, string title, Axis x, Axis y, Axis? y2, IReadOnlyList<LegendEntry> legend,
        FrameExtras? extras = null)
    {
        _style = style;
        _titleLines = TextMetrics.WrapLines(title, style.Width - (2 * style.Padding), style.TitleFontSize, MaxTitleLines, bold: true);
        X = x;
        Y = y;
        Y2 = y2;
        _legend = new Legend(legend, style);
        Extras = extras ?? new FrameExtras();
        Plot = ComputePlotArea();
    }

    /// <summary>The horizontal axis.</summary>
    public Axis X { get; }

    /// <summary>The left axis.</summary>
    public Axis Y { get; }

    /// <summary>The optional right axis.</summary>
    public Axis? Y2 { get; }

    /// <summary>The reserved extra space.</summary>
    public FrameExtras Extras { get; }

    /// <summary>The plot area in pixels.</summary>
    public Rect Plot { get; }

    /// <summary>Pixel x of data value <paramref name="value"/>.</summary>
    public double Px(double value) => X.PixelOf(value, Plot);

    /// <summary>Pixel y of data value <paramref name="value"/> on the left axis.</summary>
    public double Py(double value) => Y.PixelOf(value, Plot);

    /// <summary>Pixel y of data value <paramref name="value"/> on the right axis.</summary>
    public double Py2(double value) =>
        (Y2 ?? throw new InvalidOperationException("This chart has no right axis.")).PixelOf(value, Plot);

    /// <summary>Title, legend and grid lines: everything drawn before the data.</summary>
    public void RenderUnderlay(SvgWriter svg)
    {
        // Title and legend align with the canvas edge, not the plot area, so long titles get the full width.
        for (int line = 0; line < _titleLines.Count; line++)
        {
            double baseline = _style.Padding + _style.TitleFontSize + (line * TextMetrics.LineHeight(_style.TitleFontSize));
            svg.Text(_style.Padding, baseline, _titleLines[line], _style.TitleFontSize, _style.Ink, bold: true, cssClass: "chart-title");
        }

        _legend.Render(svg, _style.Padding, TitleBlockHeight(), LegendWidth);
        svg.Open("g", ("class", "grid"));
        X.RenderGrid(svg, Plot);
        Y.RenderGrid(svg, Plot);
        svg.Close();
    }

    /// <summary>
    /// Starts the data layer, clipped to the plot area widened by a marker radius, so points on
    /// the domain's edge show whole while lines leaving the domain are cut.
    /// </summary>
    public void BeginData(SvgWriter svg)
    {
        const double MarkerAllowance = 7;
        svg.Open("defs");
        svg.Open("clipPath", ("id", _clipId));
        svg.Rectangle(new Rect(Plot.X - MarkerAllowance, Plot.Y - MarkerAllowance,
            Plot.Width + (2 * MarkerAllowance), Plot.Height + (2 * MarkerAllowance)), "#ffffff");
        svg.Close();
        svg.Close();
        svg.Open("g", ("class", "data"), ("clip-path", SvgWriter.UrlOf(_clipId)));
    }

    /// <summary>Ends the data layer.</summary>
    public void EndData(SvgWriter svg) => svg.Close();

    /// <summary>Axes drawn over the data.</summary>
    public void RenderAxes(SvgWriter svg)
    {
        X.Render(svg, Plot);
        Y.Render(svg, Plot);
        Y2?.Render(svg, Plot);
    }

    private double TitleBlockHeight() =>
        _style.Padding + (_style.TitleFontSize * 0.3) + (_titleLines.Count * TextMetrics.LineHeight(_style.TitleFontSize));

    private double LegendWidth => _style.Width - (2 * _style.Padding);

    private Rect ComputePlotArea()
    {
        double pad = _style.Padding;
        double plotWidth = _style.Width * 0.75;
        double plotHeight = _style.Height * 0.7;
        Rect plot = default;
        // Axis thickness depends on the axis length (thinning/rotation) and vice versa: two rounds settle it.
        for (int round = 0; round < 3; round++)
        {
            var overhangX = X.LabelOverhang(plotWidth);
            double left = Math.Max(pad + Y.Thickness(plotHeight) + Extras.Left, pad + overhangX.Before);
            double right = pad + Math.Max(Y2?.Thickness(plotHeight) ?? 0, overhangX.After) + Extras.Right;
            double legendHeight = _legend.Height(LegendWidth);
            double top = TitleBlockHeight() + legendHeight + (_style.TickFontSize * 0.8);
            double bottom = pad + X.Thickness(plotWidth) + Extras.Bottom;
            plotWidth = _style.Width - left - right;
            plotHeight = _style.Height - top - bottom;
            if (plotWidth < 50 || plotHeight < 50)
            {
                throw new InvalidOperationException(
                    $"Chart '{string.Join(" ", _titleLines)}' is too small for its labels ({_style.Width}x{_style.Height} px leaves a {plotWidth:F0}x{plotHeight:F0} px plot area).");
            }

            plot = new Rect(left, top, plotWidth, plotHeight);
        }

        return plot;
    }
}
