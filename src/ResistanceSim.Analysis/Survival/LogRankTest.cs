using MathNet.Numerics.LinearAlgebra;

namespace ResistanceSim.Analysis.Survival;

/// <summary>
/// Log-rank (Mantel–Haenszel) test of equal hazards in two or more groups (Mantel 1966; Peto &amp; Peto
/// 1972). Use it for "arm B vs arm A" progression-free survival in a virtual trial.
/// </summary>
/// <remarks>
/// At each distinct event time with d events among n at risk (d_g, n_g in group g):
/// E_g += d·n_g/n and V_gh += d(n−d)/(n−1) · n_g/n · (δ_gh − n_h/n) (hypergeometric variance, no
/// continuity correction). χ² = (O − E)ᵀ V⁻ (O − E) over the first k − 1 groups, k − 1 degrees of
/// freedom, p from the χ² upper tail. Identical to R <c>survdiff(rho = 0)</c>; verified on the
/// Freireich 6-MP data (χ² = 16.79).
/// </remarks>
public static class LogRankTest
{
    /// <summary>Compares the groups (at least two, each non-empty).</summary>
    public static LogRankResult Compare(IReadOnlyList<IReadOnlyList<SurvivalObservation>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Count < 2)
        {
            throw new ArgumentException("The log-rank test needs at least two groups.", nameof(groups));
        }

        var pooled = new List<(double Time, bool Event, int Group)>();
        for (var g = 0; g < groups.Count; g++)
        {
            ArgumentNullException.ThrowIfNull(groups[g]);
            SurvivalObservation.Validate(groups[g], nameof(groups));
            if (groups[g].Count == 0)
            {
                throw new ArgumentException(FormattableString.Invariant($"Group {g} is empty."), nameof(groups));
            }

            pooled.AddRange(groups[g].Select(o => (o.Time, o.Event, g)));
        }

        pooled.Sort((a, b) => a.Time.CompareTo(b.Time));
        var k = groups.Count;
        var atRisk = groups.Select(g => (double)g.Count).ToArray();
        var observed = new double[k];
        var expected = new double[k];
        var covariance = new double[k, k];
        var deaths = new double[k];
        var leaving = new double[k];

        var i = 0;
        while (i < pooled.Count)
        {
            var t = pooled[i].Time;
            Array.Clear(deaths);
            Array.Clear(leaving);
            for (; i < pooled.Count && pooled[i].Time == t; i++)
            {
                leaving[pooled[i].Group]++;
                if (pooled[i].Event)
                {
                    deaths[pooled[i].Group]++;
                }
            }

            var n = atRisk.Sum();
            var d = deaths.Sum();
            if (d > 0)
            {
                // Hypergeometric covariance; the factor vanishes when everybody left at risk dies (n == 1 too).
                var factor = n > 1 ? d * (n - d) / (n - 1) : 0;
                for (var g = 0; g < k; g++)
                {
                    observed[g] += deaths[g];
                    expected[g] += d * atRisk[g] / n;
                    for (var h = 0; h < k; h++)
                    {
                        var kronecker = g == h ? 1.0 : 0.0;
                        covariance[g, h] += factor * atRisk[g] / n * (kronecker - atRisk[h] / n);
                    }
                }
            }

            for (var g = 0; g < k; g++)
            {
                atRisk[g] -= leaving[g];
            }
        }

        var chiSquare = QuadraticForm(observed, expected, covariance, k - 1);
        return new LogRankResult(
            observed, expected, covariance, chiSquare, k - 1, TailProbability.ChiSquareUpper(k - 1, chiSquare));
    }

    // (O − E)ᵀ V⁻¹ (O − E) on the first m groups (the k-th is linearly dependent on the others).
    // When no event time had two groups at risk, V is zero and there is nothing to compare: the statistic is 0
    // (p = 1), as R's survdiff reports; MathNet's pseudo-inverse of a zero matrix would give NaN.
    private static double QuadraticForm(double[] observed, double[] expected, double[,] covariance, int m)
    {
        var diff = Vector<double>.Build.Dense(m, g => observed[g] - expected[g]);
        var v = Matrix<double>.Build.Dense(m, m, (r, c) => covariance[r, c]);
        if (v.Enumerate().All(x => x == 0)) return 0;
        return diff.DotProduct(v.PseudoInverse() * diff);
    }
}
