namespace ResistanceSim.Plotting.Scales;

/// <summary>
/// Equal bands for categories (bars, heatmap rows/columns). Category <c>i</c> has value <c>i</c>;
/// its band spans [i, i+1) in domain units, and its tick sits at the band centre.
/// </summary>
public sealed class BandScale : IScale
{
    /// <summary>A scale with one band per category, in order.</summary>
    public BandScale(IReadOnlyList<string> categories)
    {
        if (categories.Count == 0)
        {
            throw new ArgumentException("A band scale needs at least one category.", nameof(categories));
        }

        Categories = categories;
        Ticks = [.. categories.Select((c, i) => new AxisTick(i + 0.5, c, true))];
    }

    /// <summary>The category names.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <inheritdoc />
    public double Min => 0;

    /// <inheritdoc />
    public double Max => Categories.Count;

    /// <inheritdoc />
    public IReadOnlyList<AxisTick> Ticks { get; }

    /// <inheritdoc />
    public bool IsCategorical => true;

    /// <inheritdoc />
    public double Normalize(double value) => double.IsFinite(value) ? value / Categories.Count : double.NaN;
}
