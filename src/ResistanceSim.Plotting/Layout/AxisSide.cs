namespace ResistanceSim.Plotting.Layout;

/// <summary>Which edge of the plot area an axis is drawn on.</summary>
public enum AxisSide
{
    /// <summary>Horizontal axis below the plot.</summary>
    Bottom,

    /// <summary>Primary vertical axis.</summary>
    Left,

    /// <summary>Secondary vertical axis.</summary>
    Right,
}
