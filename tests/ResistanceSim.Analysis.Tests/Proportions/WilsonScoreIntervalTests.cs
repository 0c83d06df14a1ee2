using ResistanceSim.Analysis.Proportions;
using Xunit;

namespace ResistanceSim.Analysis.Tests.Proportions;

public class WilsonScoreIntervalTests
{
    [Theory]
    // R: prop.test(x, n, correct = FALSE)$conf.int (the Wilson score interval)
    [InlineData(0, 10, 0.0, 0.277532799862889)]
    [InlineData(10, 10, 0.722467200137111, 1.0)]
    [InlineData(5, 10, 0.236593090512564, 0.763406909487436)]
    [InlineData(1, 3, 0.0614919447203963, 0.7923403991979523)]
    // PROFILE 1014 (Solomon 2014, NEJM): ORR 74% of 172 (127/172) crizotinib, 45% of 171 (77/171) chemotherapy.
    [InlineData(127, 172, 0.667993038047591, 0.798336123174937)]
    [InlineData(77, 171, 0.377630341615995, 0.525138714907183)]
    public void MatchesR(int x, int n, double lower, double upper)
    {
        var e = WilsonScoreInterval.Estimate(x, n);
        Assert.Equal((double)x / n, e.Proportion, 15);
        Assert.Equal(lower, e.Interval.Lower, 1e-9);
        Assert.Equal(upper, e.Interval.Upper, 1e-9);
    }

    [Fact]
    public void HigherConfidenceGivesWiderInterval()
    {
        var narrow = WilsonScoreInterval.Estimate(30, 50, 0.90).Interval;
        var wide = WilsonScoreInterval.Estimate(30, 50, 0.99).Interval;
        Assert.True(wide.Lower < narrow.Lower && wide.Upper > narrow.Upper);
    }

    [Fact]
    public void RejectsImpossibleCounts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonScoreInterval.Estimate(11, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonScoreInterval.Estimate(0, 0));
    }
}
