namespace ResistanceSim.Plotting.Svg;

/// <summary>One attribute of an SVG element; numbers are formatted culture-invariantly on conversion.</summary>
public readonly record struct SvgAttribute(string Name, string Value)
{
    /// <summary>A textual attribute.</summary>
    public static implicit operator SvgAttribute((string Name, string Value) pair) => new(pair.Name, pair.Value);

    /// <summary>A numeric attribute (coordinate, length, opacity).</summary>
    public static implicit operator SvgAttribute((string Name, double Value) pair) => new(pair.Name, SvgNumber.Format(pair.Value));
}
