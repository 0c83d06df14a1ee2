namespace ResistanceSim.Analysis;

/// <summary>A two-sided confidence interval [<see cref="Lower"/>, <see cref="Upper"/>].
/// A bound that the data cannot determine (e.g. the upper limit of a median that is never reached)
/// is <see cref="double.NaN"/>.</summary>
public readonly record struct ConfidenceInterval(double Lower, double Upper)
{
    /// <summary>True when <paramref name="value"/> lies inside the closed interval; an undetermined
    /// (NaN) bound is treated as unbounded on that side.</summary>
    public bool Contains(double value) =>
        (double.IsNaN(Lower) || value >= Lower) && (double.IsNaN(Upper) || value <= Upper);
}
