namespace ResistanceSim.Analysis.GoodnessOfFit;

/// <summary>
/// The limiting Kolmogorov distribution of √n·D (Kolmogorov 1933; Marsaglia, Tsang &amp; Wang 2003,
/// J Stat Softw 8(18) for the series). Use <see cref="SurvivalFunction"/> for KS p-values.
/// </summary>
public static class KolmogorovDistribution
{
    // Below this λ the theta-function series for K(λ) converges fastest; above, the alternating series for Q.
    private const double SeriesSwitch = 1.18;

    /// <summary>Q(λ) = P(K &gt; λ) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²λ²} for λ ≥ 1.18, and
    /// 1 − (√(2π)/λ) Σ_{k≥1} e^{−(2k−1)²π²/(8λ²)} below (the same function, the series that converges in a
    /// few terms). Accurate to ~1e-15 absolute; Q(λ ≤ 0) = 1.</summary>
    public static double SurvivalFunction(double lambda)
    {
        if (double.IsNaN(lambda))
        {
            return double.NaN;
        }

        if (lambda <= 0)
        {
            return 1;
        }

        if (lambda < SeriesSwitch)
        {
            var c = -Math.PI * Math.PI / (8 * lambda * lambda);
            double sum = 0;
            for (var k = 1; k <= 20; k++)
            {
                var odd = 2 * k - 1;
                var term = Math.Exp(c * odd * odd);
                sum += term;
                if (term < 1e-17 * sum)
                {
                    break;
                }
            }

            return Math.Clamp(1 - Math.Sqrt(2 * Math.PI) / lambda * sum, 0, 1);
        }

        double q = 0;
        for (var k = 1; k <= 100; k++)
        {
            var term = Math.Exp(-2.0 * k * k * lambda * lambda);
            q += (k % 2 == 1 ? 2 : -2) * term;
            if (term < 1e-18)
            {
                break;
            }
        }

        return Math.Clamp(q, 0, 1);
    }
}
