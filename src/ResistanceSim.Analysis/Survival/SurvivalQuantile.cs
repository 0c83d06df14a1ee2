namespace ResistanceSim.Analysis.Survival;

/// <summary>
/// Survival quantiles from a Kaplan–Meier step function, and the Brookmeyer–Crowley confidence
/// interval for the median (Brookmeyer &amp; Crowley 1982, Biometrics 38:29).
/// </summary>
/// <remarks>
/// The p-quantile is the smallest observed time at which Ŝ(t) ≤ 1 − p. If Ŝ equals 1 − p exactly on a
/// stretch [t_a, t_b) the quantile is the midpoint (t_a + t_b)/2 (the convention of R
/// <c>quantile.survfit</c>), t_b being the last observed time if the plateau never ends.
/// Brookmeyer–Crowley: the interval is the set of t whose pointwise test of
/// S(t) = 0.5 is not rejected, i.e. where the pointwise confidence band contains 0.5. With the curve's
/// band (log(−log) by default) its ends are the times where the lower band and the upper band first
/// fall to 0.5 — the same rule applied to each band. This is what R
/// <c>quantile(survfit(..., conf.type = "log-log"))</c> reports.
/// </remarks>
public static class SurvivalQuantile
{
    // Survival values are products of rationals; compare with a small tolerance to detect "exactly 0.5".
    private const double Tolerance = 1e-12;

    /// <summary>Median with its Brookmeyer–Crowley interval built from the curve's pointwise band.</summary>
    public static MedianSurvival Median(KaplanMeierCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        return new MedianSurvival(
            Quantile(curve.Times, curve.Survival, 0.5),
            new ConfidenceInterval(Quantile(curve.Times, curve.Lower, 0.5), Quantile(curve.Times, curve.Upper, 0.5)));
    }

    /// <summary>The p-quantile (0 &lt; p &lt; 1) of the step function <paramref name="survival"/> at
    /// <paramref name="times"/>; NaN if the curve never reaches 1 − p.</summary>
    public static double Quantile(IReadOnlyList<double> times, IReadOnlyList<double> survival, double p)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(survival);
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "Quantile probability must lie in (0, 1).");
        }

        var target = 1 - p;
        for (var j = 0; j < survival.Count; j++)
        {
            if (survival[j] > target + Tolerance)
            {
                continue;
            }

            if (survival[j] < target - Tolerance)
            {
                return times[j];
            }

            for (var k = j + 1; k < survival.Count; k++)
            {
                if (survival[k] < target - Tolerance)
                {
                    return (times[j] + times[k]) / 2;
                }
            }

            // The plateau lasts to the end of follow-up: R takes the midpoint with the last observed time.
            return (times[j] + times[^1]) / 2;
        }

        return double.NaN;
    }
}
