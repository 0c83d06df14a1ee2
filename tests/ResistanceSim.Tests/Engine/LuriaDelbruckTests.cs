using MathNet.Numerics.Distributions;
using ResistanceSim.Model;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Engine;

/// <summary>
/// Luria–Delbrück fluctuation analysis on the exact engine: the number of resistant mutants in
/// parallel cultures follows the Lea–Coulson distribution, computed by the Ma–Sandri–Sarkar
/// recursion p0 = e^{−m}, p_r = (m/r) Σ_{i&lt;r} p_i/(r+1−i) (Ma, Sandri & Sarkar 1992, J Appl Probab 29:255), with m the expected
/// number of mutation events.
/// </summary>
public class LuriaDelbruckTests
{
    [Fact]
    public void RecursionMatchesTheCheckValuesInBiologyMd()
    {
        double[] expected = [0.367879, 0.183940, 0.107298, 0.068977, 0.047454, 0.034329, 0.025816];
        var p = MaSandriSarkar(1.0, expected.Length);
        for (int r = 0; r < expected.Length; r++) Assert.Equal(expected[r], p[r], 6);
    }

    [Fact]
    public void MutantCountsFollowTheLeaCoulsonDistributionOnTheExactEngine()
    {
        // 100 sensitive cells divide at λ = 1/day with no death; a division yields a resistant
        // daughter with probability u. Wild-type divisions by t: N0 (e^{λ(1−u)t} − 1)/(1 − u).
        // Choose t so that m = u · divisions = 1 (cultures of ≈ 2e4 cells). 1,000 cultures; bins
        // r = 0..6 and ≥ 7 all have expected counts ≥ 25; chi-square at significance 1e-4, fixed seed.
        const double u = 5e-5, lambda = 1.0;
        const long n0 = 100;
        const int cultures = 1_000;
        double divisions = 1.0 / u;
        double t = Math.Log(1 + divisions * (1 - u) / n0) / (lambda * (1 - u));
        var scenario = ReferenceScenarios.LuriaDelbruck(lambda, u, n0, t, seed: 1943);
        AssertLeaCoulsonWithMeanOne(EngineRunner.Replicates(scenario, EngineRunner.Named("exact"), cultures));
    }

    /// <summary>
    /// Chi-square of the first mechanism's mutant counts against Lea–Coulson(m = 1) over bins r = 0..6 and ≥ 7
    /// (every expected count ≥ 25 at 1,000 cultures), at significance 1e-4.
    /// </summary>
    internal static void AssertLeaCoulsonWithMeanOne(RunEnd[] ends)
    {
        const int bins = 8;
        var p = MaSandriSarkar(1.0, bins - 1);
        var expected = p.Select(x => x * ends.Length).Append((1 - p.Sum()) * ends.Length).ToArray();
        var observed = new double[bins];
        foreach (var end in ends) observed[Math.Min(end.CellsByMechanism[0], bins - 1)]++;

        double chiSquare = observed.Zip(expected, (o, e) => (o - e) * (o - e) / e).Sum();
        double critical = ChiSquared.InvCDF(bins - 1, 1 - 1e-4);
        Assert.True(chiSquare < critical, $"chi-square {chiSquare:F2} ≥ {critical:F2}; observed [{string.Join(", ", observed)}], expected [{string.Join(", ", expected.Select(e => e.ToString("F1")))}]");
        Assert.All(expected, e => Assert.True(e >= 5));
    }

    /// <summary>Ma, Sandri &amp; Sarkar (1992, J Appl Probab 29:255) recursion for the Lea–Coulson distribution.</summary>
    public static double[] MaSandriSarkar(double m, int count)
    {
        var p = new double[count];
        p[0] = Math.Exp(-m);
        for (int r = 1; r < count; r++)
        {
            double sum = 0;
            for (int i = 0; i < r; i++) sum += p[i] / (r + 1 - i);
            p[r] = m / r * sum;
        }
        return p;
    }
}
