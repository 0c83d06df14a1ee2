namespace ResistanceSim.Analysis.GoodnessOfFit;

/// <summary>
/// One- and two-sample Kolmogorov–Smirnov tests (Kolmogorov 1933; Smirnov 1948). The verification
/// suite uses the two-sample test to compare engines' final-size distributions (tau vs exact), and the
/// one-sample test to compare simulated samples with analytic CDFs.
/// </summary>
/// <remarks>
/// Two-sample: D = max over the pooled distinct values of |F_x − F_y| (ties handled by stepping past
/// every copy of a value before comparing). One-sample: with sorted x₍ᵢ₎,
/// D = maxᵢ max(i/n − F(x₍ᵢ₎), F(x₍ᵢ₎) − (i − 1)/n), for a continuous F. p-values from the Kolmogorov
/// limit with nₑ = n or nm/(n + m), Stephens-corrected by default (<see cref="KolmogorovSmirnovPValue"/>);
/// they are approximate for discrete data and small samples.
/// </remarks>
public static class KolmogorovSmirnovTest
{
    /// <summary>Two-sample test; both samples non-empty and finite.</summary>
    public static KolmogorovSmirnovResult TwoSample(
        IReadOnlyList<double> x, IReadOnlyList<double> y, KolmogorovSmirnovPValue method = KolmogorovSmirnovPValue.StephensCorrected)
    {
        var a = SortedCopy(x, nameof(x));
        var b = SortedCopy(y, nameof(y));
        int i = 0, j = 0;
        double d = 0;
        while (i < a.Length && j < b.Length)
        {
            var v = Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] == v)
            {
                i++;
            }

            while (j < b.Length && b[j] == v)
            {
                j++;
            }

            d = Math.Max(d, Math.Abs((double)i / a.Length - (double)j / b.Length));
        }

        var ne = (double)a.Length * b.Length / (a.Length + b.Length);
        return new KolmogorovSmirnovResult(d, ne, PValue(d, ne, method), method);
    }

    /// <summary>One-sample test of <paramref name="x"/> against the continuous CDF <paramref name="cdf"/>.</summary>
    public static KolmogorovSmirnovResult OneSample(
        IReadOnlyList<double> x, Func<double, double> cdf, KolmogorovSmirnovPValue method = KolmogorovSmirnovPValue.StephensCorrected)
    {
        ArgumentNullException.ThrowIfNull(cdf);
        var a = SortedCopy(x, nameof(x));
        var n = a.Length;
        double d = 0;
        for (var i = 0; i < n; i++)
        {
            var f = cdf(a[i]);
            if (!(f >= 0 && f <= 1))
            {
                throw new ArgumentException(FormattableString.Invariant($"CDF returned {f} at {a[i]}; must lie in [0, 1]."), nameof(cdf));
            }

            d = Math.Max(d, Math.Max((i + 1.0) / n - f, f - (double)i / n));
        }

        return new KolmogorovSmirnovResult(d, n, PValue(d, n, method), method);
    }

    /// <summary>p-value of statistic <paramref name="d"/> at effective sample size <paramref name="ne"/>.</summary>
    public static double PValue(double d, double ne, KolmogorovSmirnovPValue method)
    {
        var root = Math.Sqrt(ne);
        var scale = method == KolmogorovSmirnovPValue.StephensCorrected ? root + 0.12 + 0.11 / root : root;
        return KolmogorovDistribution.SurvivalFunction(scale * d);
    }

    private static double[] SortedCopy(IReadOnlyList<double> values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Count == 0)
        {
            throw new ArgumentException("Sample must not be empty.", name);
        }

        var copy = values.ToArray();
        Guard.AllFinite(copy, name);
        Array.Sort(copy);
        return copy;
    }
}
