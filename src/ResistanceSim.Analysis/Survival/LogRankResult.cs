namespace ResistanceSim.Analysis.Survival;

/// <summary>Outcome of <see cref="LogRankTest"/>. <see cref="Observed"/>[g] and <see cref="Expected"/>[g]
/// are group g's events and expected events under H0; <see cref="Covariance"/> is the k×k
/// hypergeometric covariance of O − E (its diagonal is each group's variance).</summary>
public sealed record LogRankResult(
    IReadOnlyList<double> Observed,
    IReadOnlyList<double> Expected,
    double[,] Covariance,
    double ChiSquare,
    int DegreesOfFreedom,
    double PValue);
