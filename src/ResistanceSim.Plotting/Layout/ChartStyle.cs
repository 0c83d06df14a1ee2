namespace ResistanceSim.Plotting.Layout;

/// <summary>
/// Sizes and fonts shared by all charts. The defaults are large enough to read on a projector
/// from the back of a lecture room (tick labels 15 px on a 960 px wide chart).
/// </summary>
public sealed record ChartStyle
{
    /// <summary>The default style.</summary>
    public static ChartStyle Default { get; } = new();

    /// <summary>Document width in pixels.</summary>
    public double Width { get; init; } = 960;

    /// <summary>Document height in pixels.</summary>
    public double Height { get; init; } = 560;

    /// <summary>Chart title size.</summary>
    public double TitleFontSize { get; init; } = 22;

    /// <summary>Axis title size.</summary>
    public double AxisTitleFontSize { get; init; } = 17;

    /// <summary>Tick label size.</summary>
    public double TickFontSize { get; init; } = 15;

    /// <summary>Legend text size.</summary>
    public double LegendFontSize { get; init; } = 15;

    /// <summary>Outer padding around everything.</summary>
    public double Padding { get; init; } = 14;

    /// <summary>Length of major tick marks.</summary>
    public double TickLength { get; init; } = 6;

    /// <summary>Colour of text and axis lines.</summary>
    public string Ink { get; init; } = "#222222";

    /// <summary>Colour of grid lines.</summary>
    public string GridColor { get; init; } = "#e3e3e3";

    /// <summary>Preferred number of major ticks on a linear axis.</summary>
    public int TargetTickCount { get; init; } = 6;
}
