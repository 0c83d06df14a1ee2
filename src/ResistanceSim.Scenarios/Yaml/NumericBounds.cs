namespace ResistanceSim.Scenarios.Yaml;

/// <summary>
/// The interval a <see cref="Rule"/> keeps numbers in, written out so that the scenario JSON Schema can state it
/// (<c>minimum</c>, <c>exclusiveMinimum</c>, …). A null end is unbounded.
/// </summary>
public sealed record NumericBounds(double? Minimum, bool MinimumExclusive, double? Maximum, bool MaximumExclusive)
{
    public static NumericBounds Unbounded { get; } = new(null, false, null, false);

    public static NumericBounds Above(double minimum, bool exclusive) => new(minimum, exclusive, null, false);

    public static NumericBounds Below(double maximum, bool exclusive) => new(null, false, maximum, exclusive);

    /// <summary>Values inside both intervals: the larger minimum and the smaller maximum (exclusive wins a tie).</summary>
    public NumericBounds Intersect(NumericBounds other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var (minimum, minimumExclusive) = Tighter(Minimum, MinimumExclusive, other.Minimum, other.MinimumExclusive, preferLarger: true);
        var (maximum, maximumExclusive) = Tighter(Maximum, MaximumExclusive, other.Maximum, other.MaximumExclusive, preferLarger: false);
        return new NumericBounds(minimum, minimumExclusive, maximum, maximumExclusive);
    }

    private static (double? Value, bool Exclusive) Tighter(double? a, bool aExclusive, double? b, bool bExclusive, bool preferLarger)
    {
        if (a is null) return (b, bExclusive);
        if (b is null) return (a, aExclusive);
        if (a.Value == b.Value) return (a, aExclusive || bExclusive);
        bool takeA = preferLarger ? a.Value > b.Value : a.Value < b.Value;
        return takeA ? (a, aExclusive) : (b, bExclusive);
    }
}
