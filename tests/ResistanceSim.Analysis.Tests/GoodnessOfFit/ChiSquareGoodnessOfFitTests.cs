using ResistanceSim.Analysis.GoodnessOfFit;
using Xunit;

namespace ResistanceSim.Analysis.Tests.GoodnessOfFit;

public class ChiSquareGoodnessOfFitTests
{
    // 70 made-up observations in 7 ordered bins with probabilities p (sum 1).
    private static readonly double[] Observed = [12, 9, 15, 14, 10, 8, 2];
    private static readonly double[] Probabilities = [0.18, 0.16, 0.2, 0.2, 0.14, 0.1, 0.02];

    [Fact]
    public void MergesTheSmallTailAndMatchesR()
    {
        // Expected 12.6 11.2 14 14 9.8 7 1.4: the last bin (1.4 < 5) is merged into the previous one.
        // R: chisq.test(c(12, 9, 15, 14, 10, 10), p = c(0.18, 0.16, 0.2, 0.2, 0.14, 0.12))
        //    X-squared = 0.840986394557823, df = 5, p = 0.974345778213182
        var r = ChiSquareGoodnessOfFit.TestProbabilities(Observed, Probabilities);
        Assert.Equal([12.0, 9, 15, 14, 10, 10], r.MergedObserved);
        Assert.Equal([12.6, 11.2, 14, 14, 9.8, 8.4], r.MergedExpected.Select(e => Math.Round(e, 10)));
        Assert.Equal(0.840986394557823, r.Test.Statistic, 1e-12);
        Assert.Equal(5, r.Test.DegreesOfFreedom);
        Assert.Equal(0.974345778213182, r.Test.PValue, 1e-12);
    }

    [Fact]
    public void WithoutMergingMatchesR()
    {
        // R: chisq.test(c(12, 9, 15, 14, 10, 8, 2), p = ...): X-squared = 0.936224489795919, p = 0.987914749187239 (df 6)
        var r = ChiSquareGoodnessOfFit.TestProbabilities(Observed, Probabilities, minimumExpected: 0);
        Assert.Equal(0.936224489795919, r.Test.Statistic, 1e-12);
        Assert.Equal(6, r.Test.DegreesOfFreedom);
        Assert.Equal(0.987914749187239, r.Test.PValue, 1e-12);
    }

    [Fact]
    public void LeadingSmallBinsAccumulateAndEstimatedParametersCostDegreesOfFreedom()
    {
        // Expected 1, 2, 3 | 6 | 8: first three merge (6), then 6 and 8 stand alone → 3 bins.
        // Hand: O = (5, 7, 8), E = (6, 6, 8): χ² = 1/6 + 1/6 + 0 = 1/3; one estimated parameter → df 1.
        var r = ChiSquareGoodnessOfFit.Test([1, 1, 3, 7, 8], [1, 2, 3, 6, 8], estimatedParameters: 1);
        Assert.Equal([5.0, 7, 8], r.MergedObserved);
        Assert.Equal(1.0 / 3, r.Test.Statistic, 14);
        Assert.Equal(1, r.Test.DegreesOfFreedom);
        // P(χ²₁ ≥ 1/3) = erfc(sqrt(1/6)) = 0.5637028616 (closed form for 1 df).
        Assert.Equal(MathNet.Numerics.SpecialFunctions.Erfc(Math.Sqrt(1.0 / 6)), r.Test.PValue, 1e-12);
    }

    [Fact]
    public void TooFewBinsAfterMergingIsAnError() =>
        Assert.Throws<ArgumentException>(() => ChiSquareGoodnessOfFit.Test([1, 2, 3], [2, 2, 2]));
}
