namespace ResistanceSim.Analysis.DoseResponse;

/// <summary>
/// What a series must show before <see cref="HillCurveFitter"/> reports its curve (docs/protocols.md, "Honest
/// fits"). Statistical significance (the F test) is not enough: a 4% step is significant with quiet wells, yet it
/// has no midpoint worth calling an IC50, and least squares then runs the slope away to fit a step.
/// </summary>
public static class HillFitLimits
{
    /// <summary>
    /// Least change of the fitted viability between the lowest and the highest tested concentration (vehicle
    /// included), in units of the vehicle's viability. Below it the series is <c>no_dose_response</c>. 0.2 keeps the
    /// midpoint at least 0.1 from either end of the observed curve: ten times the well noise of the virtual 72 h
    /// assays (SD ≈ 0.02 at 5,000 cells, measured on h3122-stepwise-escalation) and two or more standard deviations
    /// of a real luminescence well (CV 5–10%, illustrative). Our choice, not a published cut-off.
    /// </summary>
    public const double MinimumViabilitySpan = 0.2;

    /// <summary>
    /// Shallowest fitted Hill slope reported. At h = 0.25 the 10–90% transition spans 81^(1/h) ≈ 4e7-fold, over a
    /// thousand times a 9-point half-log series (1e4-fold): both plateaus, and so the IC50, are extrapolated.
    /// </summary>
    public const double MinimumHillSlope = 0.25;

    /// <summary>
    /// Steepest fitted Hill slope reported. At h = 5 the 10–90% transition spans 81^(1/5) ≈ 2.4-fold, less than one
    /// half-log dilution step (3.16): at most one concentration lies on the slope, so the data fix neither the slope
    /// nor where between two concentrations the IC50 lies (the optimiser's slope then grows without bound).
    /// </summary>
    public const double MaximumHillSlope = 5;
}
