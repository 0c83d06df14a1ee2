using ResistanceSim.Analysis.Survival;
using Xunit;

namespace ResistanceSim.Analysis.Tests.Survival;

public class LogRankTests
{
    [Fact]
    public void FreireichMatchesRSurvdiff()
    {
        // R: s <- survdiff(Surv(time, status) ~ placebo, data = d)
        //    s$obs 9 21; s$exp 19.2505009480311 10.7494990519689; s$var[1,1] 6.2569605736755;
        //    s$chisq 16.7929409892165; pchisq(s$chisq, 1, lower.tail = FALSE) 4.16880910933453e-05
        var r = LogRankTest.Compare([FreireichData.SixMp, FreireichData.Placebo]);
        Assert.Equal([9.0, 21.0], r.Observed);
        Assert.Equal(19.2505009480311, r.Expected[0], 1e-10);
        Assert.Equal(10.7494990519689, r.Expected[1], 1e-10);
        Assert.Equal(6.2569605736755, r.Covariance[0, 0], 1e-10);
        Assert.Equal(-6.2569605736755, r.Covariance[0, 1], 1e-10);
        Assert.Equal(16.7929409892165, r.ChiSquare, 1e-9);
        Assert.Equal(1, r.DegreesOfFreedom);
        Assert.Equal(4.16880910933453e-05, r.PValue, 1e-15);
    }

    [Fact]
    public void GroupsNeverAtRiskTogetherAtAnEventGiveNoEvidence()
    {
        // FsCheck counterexample (SurvivalProperties): the only event (day 30) has one subject at risk, of group 2,
        // so the variance is 0. R: survdiff gives chisq 0; we used to return NaN from the pseudo-inverse.
        var r = LogRankTest.Compare([[new SurvivalObservation(20, false)], [new SurvivalObservation(30, true), new SurvivalObservation(17, false)]]);
        Assert.Equal(0, r.Covariance[0, 0]);
        Assert.Equal(0, r.ChiSquare);
        Assert.Equal(1, r.PValue);
    }

    [Fact]
    public void ThreeGroupsMatchRSurvdiff()
    {
        // R: survdiff(Surv(time, status) ~ arm, data = ThreeArms.Frame) (data in ThreeArms)
        //    obs 7 7 8; exp 8.55313692343424 8.21461161432070 5.23225146224506
        //    var[1,1] 4.95037347520980, var[1,2] -3.06129084420367, var[3,3] 3.70441139197167
        //    chisq 2.07295827410177, p (2 df) 0.354701340822334
        var r = LogRankTest.Compare(ThreeArms.Groups);
        Assert.Equal([7.0, 7.0, 8.0], r.Observed);
        Assert.Equal(8.55313692343424, r.Expected[0], 1e-10);
        Assert.Equal(8.21461161432070, r.Expected[1], 1e-10);
        Assert.Equal(5.23225146224506, r.Expected[2], 1e-10);
        Assert.Equal(4.95037347520980, r.Covariance[0, 0], 1e-10);
        Assert.Equal(-3.06129084420367, r.Covariance[0, 1], 1e-10);
        Assert.Equal(3.70441139197167, r.Covariance[2, 2], 1e-10);
        Assert.Equal(2.07295827410177, r.ChiSquare, 1e-9);
        Assert.Equal(2, r.DegreesOfFreedom);
        Assert.Equal(0.354701340822334, r.PValue, 1e-12);
    }

    [Fact]
    public void IdenticalGroupsGiveZeroStatistic()
    {
        var r = LogRankTest.Compare([FreireichData.Placebo, FreireichData.Placebo]);
        Assert.Equal(0, r.ChiSquare, 12);
        Assert.Equal(1, r.PValue, 12);
    }

    [Fact]
    public void NeedsTwoGroups()
    {
        Assert.Throws<ArgumentException>(() => LogRankTest.Compare([FreireichData.Placebo]));
    }
}
