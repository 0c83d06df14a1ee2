namespace ResistanceSim.Analysis.Survival;

/// <summary>Pointwise confidence interval for a survival probability from its Greenwood sum
/// (Greenwood 1926; Kalbfleisch &amp; Prentice 1980 §1.3 for the log(−log) transform).</summary>
public static class KaplanMeierConfidence
{
    /// <summary>Interval for Ŝ given σ² = Σ d/(n(n−d)) (the variance of log Ŝ) and the normal
    /// critical value <paramref name="z"/>. Conventions at the edges: Ŝ = 1 with σ² = 0 gives [1, 1];
    /// Ŝ = 0 gives [0, 0].</summary>
    public static ConfidenceInterval Pointwise(double survival, double greenwoodSum, double z, SurvivalConfidenceTransform transform)
    {
        if (survival <= 0)
        {
            return new ConfidenceInterval(0, 0);
        }

        if (greenwoodSum <= 0 || survival >= 1)
        {
            return new ConfidenceInterval(survival, survival);
        }

        var sigma = Math.Sqrt(greenwoodSum);
        switch (transform)
        {
            case SurvivalConfidenceTransform.Plain:
                var half = z * survival * sigma;
                return new ConfidenceInterval(Math.Max(0, survival - half), Math.Min(1, survival + half));
            case SurvivalConfidenceTransform.LogLog:
                // θ = log(−log S) has SE σ/|log S|; S = exp(−exp θ) decreases in θ, so θ + zσ' gives the lower limit.
                var logS = Math.Log(survival);
                var theta = Math.Log(-logS);
                var se = sigma / -logS;
                return new ConfidenceInterval(Math.Exp(-Math.Exp(theta + z * se)), Math.Exp(-Math.Exp(theta - z * se)));
            default:
                throw new ArgumentOutOfRangeException(nameof(transform), transform, "Unknown transform.");
        }
    }
}
