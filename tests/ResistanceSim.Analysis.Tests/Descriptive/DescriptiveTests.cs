using ResistanceSim.Analysis.Descriptive;
using Xunit;

namespace ResistanceSim.Analysis.Tests.Descriptive;

public class DescriptiveTests
{
    private static readonly double[] X = [3.1, -2, 7.5, 0, 4.25, 10, 1];

    [Fact]
    public void QuantilesMatchRType7()
    {
        // R: quantile(x, c(0, 0.1, 0.25, 0.5, 0.9, 1), type = 7): -2.0 -0.8 0.5 3.1 8.5 10.0
        var q = SampleQuantile.Type7(X, [0, 0.1, 0.25, 0.5, 0.9, 1]);
        double[] expected = [-2.0, -0.8, 0.5, 3.1, 8.5, 10.0];
        for (var i = 0; i < q.Length; i++)
        {
            Assert.Equal(expected[i], q[i], 1e-12);
        }
    }

    [Fact]
    public void SummaryMatchesR()
    {
        // R: mean(x) 3.40714285714286, var(x) 17.9436904761905
        var s = SummaryStatistics.Of(X);
        Assert.Equal(7, s.Count);
        Assert.Equal(3.40714285714286, s.Mean, 1e-12);
        Assert.Equal(17.9436904761905, s.Variance, 1e-12);
        Assert.Equal(Math.Sqrt(17.9436904761905), s.StandardDeviation, 1e-12);
        Assert.Equal(-2, s.Minimum);
        Assert.Equal(10, s.Maximum);
        Assert.Equal(3.1, s.Median);
    }

    [Fact]
    public void VarianceIsStableForLargeOffsets()
    {
        // Cell counts around 1e9 with spread 1: the naive Σx² formula loses every digit here.
        var s = SummaryStatistics.Of([1e9 + 1, 1e9 + 2, 1e9 + 3]);
        Assert.Equal(1.0, s.Variance, 1e-9);
    }

    [Fact]
    public void SingleValueHasUndefinedVariance()
    {
        var s = SummaryStatistics.Of([4.0]);
        Assert.True(double.IsNaN(s.Variance));
        Assert.Equal(4.0, SampleQuantile.Type7([4.0], 0.3));
    }
}
