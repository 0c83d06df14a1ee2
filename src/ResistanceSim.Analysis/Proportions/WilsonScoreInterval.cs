namespace ResistanceSim.Analysis.Proportions;

/// <summary>
/// Wilson score interval for a binomial proportion (Wilson 1927, JASA 22:209; recommended over the
/// Wald interval by Brown, Cai &amp; DasGupta 2001, Stat Sci 16:101). Use it for ORR of a virtual arm.
/// </summary>
/// <remarks>
/// With p̂ = x/n and z the normal critical value:
/// centre = (x + z²/2)/(n + z²), half-width = z/(n + z²) · √(x(n − x)/n + z²/4).
/// Never leaves [0, 1]; at x = 0 the lower limit is exactly 0 and at x = n the upper is exactly 1.
/// No continuity correction: equals R <c>prop.test(x, n, correct = FALSE)$conf.int</c>.
/// </remarks>
public static class WilsonScoreInterval
{
    /// <summary>Interval for <paramref name="successes"/> out of <paramref name="trials"/>
    /// (0 ≤ successes ≤ trials, trials ≥ 1).</summary>
    public static ProportionEstimate Estimate(int successes, int trials, double confidenceLevel = 0.95)
    {
        if (trials < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(trials), trials, "Need at least one trial.");
        }

        if (successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), successes, "Successes must lie in [0, trials].");
        }

        Guard.ConfidenceLevel(confidenceLevel, nameof(confidenceLevel));
        var z = Guard.NormalQuantile(confidenceLevel);
        double x = successes, n = trials, z2 = z * z;
        var centre = (x + z2 / 2) / (n + z2);
        var half = z / (n + z2) * Math.Sqrt(x * (n - x) / n + z2 / 4);
        var lower = successes == 0 ? 0.0 : Math.Max(0, centre - half);
        var upper = successes == trials ? 1.0 : Math.Min(1, centre + half);
        return new ProportionEstimate(successes, trials, x / n, new ConfidenceInterval(lower, upper));
    }
}
