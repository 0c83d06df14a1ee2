namespace ResistanceSim.Analysis.Recist;

/// <summary>
/// RECIST 1.1 response thresholds (Eisenhauer et al. 2009, Eur J Cancer 45:228, §4.3.1): partial
/// response is a decrease of at least 30% from baseline; progression is an increase of at least 20%
/// over the nadir together with an absolute increase of at least 5 mm. Change them only for
/// sensitivity analyses.
/// </summary>
public sealed record RecistThresholds(
    double PartialResponseDecrease = 0.30,
    double ProgressionRelativeIncrease = 0.20,
    double ProgressionAbsoluteIncreaseMm = 5.0)
{
    /// <summary>The published RECIST 1.1 values.</summary>
    public static RecistThresholds Recist11 { get; } = new();
}
