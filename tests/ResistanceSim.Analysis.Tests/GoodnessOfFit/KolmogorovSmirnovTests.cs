using MathNet.Numerics.Distributions;
using ResistanceSim.Analysis.GoodnessOfFit;
using Xunit;

namespace ResistanceSim.Analysis.Tests.GoodnessOfFit;

public class KolmogorovSmirnovTests
{
    // 25 and 20 values, made up for the test (two decimals so R and SciPy read them exactly).
    private static readonly double[] A =
        [0.61, 0.29, 0.06, 0.59, -1.73, -0.74, 0.51, -0.56, 0.39, 1.64, 0.05, -0.06, 0.64, -0.82, 0.37, 1.77, 1.09, -1.28, 2.36, 1.31, 1.05, -0.32, -0.4, 1.06, -2.47];

    private static readonly double[] B =
        [2.2, 1.66, 1.38, 0.2, 0.36, 0, 0.96, 1.56, 0.44, 1.5, -0.3, 0.66, 2.31, 3.29, -0.27, -0.37, 0.38, 0.7, 0.52, -0.71];

    [Theory]
    // SciPy 1.10: scipy.special.kolmogorov(lambda)
    [InlineData(0.5, 0.9639452436648751)]
    [InlineData(1.0, 0.26999967167735456)]
    [InlineData(1.36, 0.049485876755377876)]
    [InlineData(2.0, 0.0006709252557796953)]
    [InlineData(0.1, 1.0)]
    public void KolmogorovSurvivalFunctionMatchesSciPy(double lambda, double expected) =>
        Assert.Equal(expected, KolmogorovDistribution.SurvivalFunction(lambda), 1e-13);

    [Fact]
    public void BothSeriesAgreeAtTheSwitchPoint() =>
        Assert.Equal(KolmogorovDistribution.SurvivalFunction(1.18 - 1e-12), KolmogorovDistribution.SurvivalFunction(1.18), 1e-11);

    [Fact]
    public void TwoSampleStatisticByHand()
    {
        // x = {1, 2, 3}, y = {2.5, 4}: ECDF gaps 1/3 at 1, 2/3 at 2, 1/6 at 2.5, 1/2 at 3 → D = 2/3; ne = 6/5.
        var r = KolmogorovSmirnovTest.TwoSample([1, 2, 3], [2.5, 4]);
        Assert.Equal(2.0 / 3, r.Statistic, 15);
        Assert.Equal(1.2, r.EffectiveSampleSize, 15);
        // Ties across samples: x = {1, 2, 2}, y = {2, 3}: at 2 both ECDFs jump together (1 and 1/2) → D = 1/2;
        // stepping through x's copies of 2 before y's would wrongly see the gap 1 − 0 = 1.
        Assert.Equal(0.5, KolmogorovSmirnovTest.TwoSample([1, 2, 2], [2, 3]).Statistic, 15);
    }

    [Fact]
    public void TwoSampleMatchesRAndSciPy()
    {
        // R: ks.test(a, b, exact = FALSE): D = 0.23, p = 0.599195592411992
        //    (SciPy kolmogorov(sqrt(500/45) * 0.23) = 0.5991955719698887; R truncates its series at ~1e-8)
        // SciPy, Stephens-corrected: kolmogorov((sqrt(ne) + 0.12 + 0.11/sqrt(ne)) * D) = 0.5411245537216745
        var plain = KolmogorovSmirnovTest.TwoSample(A, B, KolmogorovSmirnovPValue.Asymptotic);
        Assert.Equal(0.23, plain.Statistic, 12);
        Assert.Equal(0.5991955719698887, plain.PValue, 1e-12);
        Assert.Equal(0.599195592411992, plain.PValue, 1e-7);
        Assert.Equal(0.5411245537216745, KolmogorovSmirnovTest.TwoSample(A, B).PValue, 1e-12);
    }

    [Fact]
    public void OneSampleMatchesRAndSciPy()
    {
        // SciPy: kstest(a, 'norm', method='asymp').pvalue = 0.4347819632404429
        // R: ks.test(a, "pnorm", exact = FALSE): D = 0.174091881198877, p = 0.434783208340367
        //    (R sums the series only to tolerance 1e-6, hence the 1e-5 comparison)
        //    ks.test(a, "pnorm", exact = TRUE): p = 0.389741171867919 (the exact p the correction approaches)
        // SciPy Stephens-corrected: kolmogorov((5 + 0.12 + 0.11/5) * D) = 0.39941945952623814
        var plain = KolmogorovSmirnovTest.OneSample(A, x => Normal.CDF(0, 1, x), KolmogorovSmirnovPValue.Asymptotic);
        Assert.Equal(0.174091881198877, plain.Statistic, 1e-12);
        Assert.Equal(0.4347819632404429, plain.PValue, 1e-12);
        Assert.Equal(0.434783208340367, plain.PValue, 1e-5);
        var corrected = KolmogorovSmirnovTest.OneSample(A, x => Normal.CDF(0, 1, x));
        Assert.Equal(0.39941945952623814, corrected.PValue, 1e-12);
        Assert.True(Math.Abs(corrected.PValue - 0.389741171867919) < Math.Abs(plain.PValue - 0.389741171867919));
    }

    [Fact]
    public void SamplesFromTheSameDistributionAreNotRejected()
    {
        // n = m = 2000 standard normals (fixed seed): D should be O(1/sqrt(ne)) — below 4.5/sqrt(1000).
        var rng = new Random(3);
        var x = Enumerable.Range(0, 2000).Select(_ => Normal.Sample(rng, 0, 1)).ToArray();
        var y = Enumerable.Range(0, 2000).Select(_ => Normal.Sample(rng, 0, 1)).ToArray();
        var r = KolmogorovSmirnovTest.TwoSample(x, y);
        Assert.True(r.Statistic < 4.5 / Math.Sqrt(1000), $"D = {r.Statistic}");
        // A shift of half a standard deviation is detected.
        var shifted = KolmogorovSmirnovTest.TwoSample(x, [.. y.Select(v => v + 0.5)]);
        Assert.True(shifted.PValue < 1e-10, $"p = {shifted.PValue}");
    }
}
