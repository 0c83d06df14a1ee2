namespace ResistanceSim.Analysis.Survival;

/// <summary>
/// Kaplan–Meier product-limit estimator (Kaplan &amp; Meier 1958, JASA 53:457) with Greenwood's
/// variance (Greenwood 1926) and pointwise confidence intervals, log(−log) by default.
/// </summary>
/// <remarks>
/// Ŝ(t) = Π_{t_j ≤ t} (1 − d_j / n_j) over distinct times t_j with d_j events among n_j at risk.
/// Ties: at a shared time, events are taken to happen before censorings, so a subject censored at
/// t_j is still at risk for the events at t_j (the usual convention; R <c>survival</c> does the same).
/// Every distinct time appears in the output, including censoring-only times, so the table matches
/// R <c>summary(survfit(...), censored = TRUE)</c> row for row. Use it for PFS/OS curves of virtual
/// cohorts; verified against R on the Freireich et al. (1963) 6-MP data.
/// </remarks>
public static class KaplanMeierEstimator
{
    /// <summary>Estimates the curve. <paramref name="confidenceLevel"/> in (0, 1), default 0.95.</summary>
    public static KaplanMeierCurve Estimate(
        IReadOnlyList<SurvivalObservation> data,
        double confidenceLevel = 0.95,
        SurvivalConfidenceTransform transform = SurvivalConfidenceTransform.LogLog)
    {
        ArgumentNullException.ThrowIfNull(data);
        SurvivalObservation.Validate(data, nameof(data));
        Guard.ConfidenceLevel(confidenceLevel, nameof(confidenceLevel));

        var table = RiskTable.Build(data);
        var rows = table.Times.Length;
        var survival = new double[rows];
        var greenwood = new double[rows];
        double s = 1, g = 0;
        for (var j = 0; j < rows; j++)
        {
            int n = table.AtRisk[j], d = table.Events[j];
            if (d > 0)
            {
                s *= 1.0 - (double)d / n;
                // d == n drives Ŝ to 0 and the Greenwood term to +∞: log Ŝ has no finite variance there.
                g += d == n ? double.PositiveInfinity : (double)d / ((double)n * (n - d));
            }

            survival[j] = s;
            greenwood[j] = g;
        }

        return new KaplanMeierCurve(
            table.Times, table.AtRisk, table.Events, table.Censored, survival, greenwood, confidenceLevel, transform);
    }
}
