namespace ResistanceSim.Plotting.Charts;

/// <summary>
/// A 2-D sweep summary: <c>Values[row][column]</c> is the statistic at y = <c>YValues[row]</c>
/// (row 0 at the bottom) and x = <c>XValues[column]</c>. NaN marks a point without a value
/// (e.g. no run progressed); it is drawn grey and hatched, never as a colour.
/// Parameter values are given as labels so categorical sweeps (protocol names) work too;
/// format numbers with <see cref="Scales.NumberFormat.Compact"/>.
/// </summary>
public sealed record HeatmapInput(
    string Title,
    string XName,
    IReadOnlyList<string> XValues,
    string YName,
    IReadOnlyList<string> YValues,
    double[][] Values,
    string ValueName)
{
    /// <summary>Write each cell's value inside it when the cells are large enough.</summary>
    public bool AnnotateCells { get; init; } = true;

    /// <summary>Fixed lower end of the colour scale (default: smallest value).</summary>
    public double? ColorMin { get; init; }

    /// <summary>Fixed upper end of the colour scale (default: largest value).</summary>
    public double? ColorMax { get; init; }
}
