namespace ResistanceSim.Plotting.Scales;

/// <summary>Maps data values to a position in [0, 1] along an axis and supplies its ticks.</summary>
public interface IScale
{
    /// <summary>Lower end of the domain.</summary>
    double Min { get; }

    /// <summary>Upper end of the domain.</summary>
    double Max { get; }

    /// <summary>Major and minor ticks within the domain.</summary>
    IReadOnlyList<AxisTick> Ticks { get; }

    /// <summary>True when labels are category names (rotated rather than thinned when crowded).</summary>
    bool IsCategorical { get; }

    /// <summary>
    /// Position of <paramref name="value"/>: 0 at <see cref="Min"/>, 1 at <see cref="Max"/>;
    /// NaN when the value cannot be shown (e.g. ≤ 0 on a log scale).
    /// </summary>
    double Normalize(double value);
}
