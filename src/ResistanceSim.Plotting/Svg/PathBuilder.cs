using System.Text;

namespace ResistanceSim.Plotting.Svg;

/// <summary>Builds the <c>d</c> attribute of an SVG path with invariant number formatting.</summary>
public sealed class PathBuilder
{
    private readonly StringBuilder _data = new();

    /// <summary>True when no command has been added.</summary>
    public bool IsEmpty => _data.Length == 0;

    /// <summary>Starts a new sub-path at (x, y).</summary>
    public PathBuilder MoveTo(double x, double y) => Command('M', x, y);

    /// <summary>Draws a straight line to (x, y).</summary>
    public PathBuilder LineTo(double x, double y) => Command('L', x, y);

    /// <summary>Closes the current sub-path.</summary>
    public PathBuilder Close()
    {
        _data.Append('Z');
        return this;
    }

    /// <inheritdoc />
    public override string ToString() => _data.ToString();

    private PathBuilder Command(char command, double x, double y)
    {
        _data.Append(command)
            .Append(SvgNumber.Format(x))
            .Append(',')
            .Append(SvgNumber.Format(y));
        return this;
    }
}
