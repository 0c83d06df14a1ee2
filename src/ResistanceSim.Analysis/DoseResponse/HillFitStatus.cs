namespace ResistanceSim.Analysis.DoseResponse;

/// <summary>Why a Hill fit did or did not produce a usable IC50.</summary>
public enum HillFitStatus
{
    /// <summary>Converged; IC50 lies inside the tested concentration range.</summary>
    Converged,

    /// <summary>Converged, but the IC50 lies outside the tested (positive) concentration range: an
    /// extrapolation (e.g. a resistant line whose viability never halves). The curve is reported; treat
    /// the IC50 as a bound, not a measurement.</summary>
    Ic50OutsideTestedRange,

    /// <summary>The data show no dose dependence: the four-parameter curve does not fit significantly
    /// better than a constant (extra-sum-of-squares F test), so no IC50 is reported.</summary>
    NoDoseResponse,

    /// <summary>The optimiser stopped without converging, or parameters are not identifiable
    /// (singular or non-finite covariance). No IC50 is reported.</summary>
    DidNotConverge,

    /// <summary>Fewer than five points or fewer than four distinct concentrations: four parameters and a
    /// residual variance cannot be estimated.</summary>
    InsufficientData,
}
