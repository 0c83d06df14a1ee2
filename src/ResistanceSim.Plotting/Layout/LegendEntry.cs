namespace ResistanceSim.Plotting.Layout;

/// <summary>How a legend entry draws its key.</summary>
public enum LegendSymbol
{
    /// <summary>A short line (optionally dashed).</summary>
    Line,

    /// <summary>A filled square (areas, bars, bands).</summary>
    Swatch,

    /// <summary>A line with a circular marker (points joined or fitted).</summary>
    LineAndMarker,
}

/// <summary>One entry of a legend.</summary>
public sealed record LegendEntry(string Label, LegendSymbol Symbol, string Color, string? Dash = null, double LineWidth = 2.5);
