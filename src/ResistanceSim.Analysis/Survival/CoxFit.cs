namespace ResistanceSim.Analysis.Survival;

/// <summary>
/// A fitted Cox proportional-hazards model (<see cref="CoxProportionalHazards"/>). Coefficient j is the
/// log hazard ratio per unit of covariate j; <see cref="HazardRatios"/>[j] = exp(β_j) with a Wald
/// interval exp(β_j ± z·SE_j). The three global tests compare the fit with β = 0 on p degrees of
/// freedom. When <see cref="Converged"/> is false (e.g. monotone likelihood: an arm with no events)
/// the estimates are the last iterate and must not be reported as a hazard ratio.
/// </summary>
public sealed record CoxFit(
    IReadOnlyList<double> Coefficients,
    IReadOnlyList<double> StandardErrors,
    IReadOnlyList<double> HazardRatios,
    IReadOnlyList<ConfidenceInterval> HazardRatioIntervals,
    IReadOnlyList<double> WaldZ,
    IReadOnlyList<double> WaldPValues,
    double[,] Covariance,
    double NullLogLikelihood,
    double LogLikelihood,
    ChiSquareTestResult LikelihoodRatioTest,
    ChiSquareTestResult WaldTest,
    ChiSquareTestResult ScoreTest,
    CoxTies Ties,
    int Iterations,
    bool Converged);
