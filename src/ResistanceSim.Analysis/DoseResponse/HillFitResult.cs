namespace ResistanceSim.Analysis.DoseResponse;

/// <summary>
/// Result of <see cref="HillCurveFitter"/>. <see cref="Curve"/>, the standard errors and the IC50
/// interval are present only when <see cref="HasCurve"/> (status Converged or Ic50OutsideTestedRange).
/// Standard errors are for (Bottom, Top, ln IC50, HillSlope); the IC50 interval is exp(ln IC50 ± t·SE).
/// </summary>
public sealed record HillFitResult(
    HillFitStatus Status,
    string Message,
    HillCurve? Curve,
    double StandardErrorBottom,
    double StandardErrorTop,
    double StandardErrorLogIc50,
    double StandardErrorHillSlope,
    ConfidenceInterval Ic50Interval,
    double ResidualStandardError,
    int DegreesOfFreedom,
    double FlatnessPValue,
    int Iterations)
{
    /// <summary>True when a fitted curve is available.</summary>
    public bool HasCurve => Curve is not null;

    internal static HillFitResult Failed(HillFitStatus status, string message, int dof = 0, double flatnessP = double.NaN, int iterations = 0) =>
        new(status, message, null, double.NaN, double.NaN, double.NaN, double.NaN,
            new ConfidenceInterval(double.NaN, double.NaN), double.NaN, dof, flatnessP, iterations);
}
