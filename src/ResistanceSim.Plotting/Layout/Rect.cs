namespace ResistanceSim.Plotting.Layout;

/// <summary>An axis-aligned rectangle in SVG pixel coordinates (y grows downwards).</summary>
public readonly record struct Rect(double X, double Y, double Width, double Height)
{
    /// <summary>Right edge.</summary>
    public double Right => X + Width;

    /// <summary>Bottom edge.</summary>
    public double Bottom => Y + Height;
}
