using ResistanceSim.Analysis.Survival;
using Xunit;

namespace ResistanceSim.Analysis.Tests.Survival;

public class KaplanMeierTests
{
    private const double Tol = 1e-9;

    [Fact]
    public void SixMpTableMatchesR()
    {
        // R: f <- survfit(Surv(time, status) ~ 1, data = d[d$placebo == 0, ], conf.type = "log-log")
        //    cbind(f$time, f$n.risk, f$n.event, f$n.censor, f$surv, f$std.err, f$lower, f$upper)
        double[] time = [6, 7, 9, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 34, 35];
        int[] risk = [21, 17, 16, 15, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 2, 1];
        int[] events = [3, 1, 0, 1, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0];
        int[] censored = [1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0, 0, 1, 2, 1, 1];
        double[] surv = [0.857142857142857, 0.806722689075630, 0.806722689075630, 0.752941176470588, 0.752941176470588,
            0.690196078431372, 0.627450980392157, 0.627450980392157, 0.627450980392157, 0.627450980392157,
            0.537815126050420, 0.448179271708683, 0.448179271708683, 0.448179271708683, 0.448179271708683, 0.448179271708683];
        double[] stdErrLog = [0.0890870806374748, 0.1077635305877792, 0.1077635305877792, 0.1279643828830819, 0.1279643828830819,
            0.1547599459240199, 0.1817733477529494, 0.1817733477529494, 0.1817733477529494, 0.1817733477529494,
            0.2384346320542351, 0.3003071878862905, 0.3003071878862905, 0.3003071878862905, 0.3003071878862905, 0.3003071878862905];
        double[] lower = [0.619717955265984, 0.563146564622233, 0.563146564622233, 0.503199510799957, 0.503199510799957,
            0.431610222486184, 0.367510855987502, 0.367510855987502, 0.367510855987502, 0.367510855987502,
            0.267778936767135, 0.188052005959232, 0.188052005959232, 0.188052005959232, 0.188052005959232, 0.188052005959232];
        double[] upper = [0.951551747646997, 0.922809019202880, 0.922809019202880, 0.889361835169265, 0.889361835169265,
            0.849065963349451, 0.804912189471841, 0.804912189471841, 0.804912189471841, 0.804912189471841,
            0.746790717635394, 0.680142628495241, 0.680142628495241, 0.680142628495241, 0.680142628495241, 0.680142628495241];

        var km = KaplanMeierEstimator.Estimate(FreireichData.SixMp);

        Assert.Equal(time, km.Times);
        Assert.Equal(risk, km.AtRisk);
        Assert.Equal(events, km.Events);
        Assert.Equal(censored, km.Censored);
        for (var j = 0; j < time.Length; j++)
        {
            Assert.Equal(surv[j], km.Survival[j], Tol);
            Assert.Equal(stdErrLog[j], Math.Sqrt(km.GreenwoodSum[j]), Tol);
            Assert.Equal(lower[j], km.Lower[j], Tol);
            Assert.Equal(upper[j], km.Upper[j], Tol);
        }
    }

    [Fact]
    public void GreenwoodVarianceOfSurvivalMatchesRStandardError()
    {
        // R: summary(f)$std.err (SE of S itself) at t = 6, 13, 23: 0.076360354832, 0.106814707775, 0.134591456756
        var km = KaplanMeierEstimator.Estimate(FreireichData.SixMp);
        Assert.Equal(0.076360354832, Math.Sqrt(km.GreenwoodVariance(0)), 1e-11);
        Assert.Equal(0.106814707775, Math.Sqrt(km.GreenwoodVariance(5)), 1e-11);
        Assert.Equal(0.134591456756, Math.Sqrt(km.GreenwoodVariance(11)), 1e-11);
    }

    [Fact]
    public void PlainIntervalMatchesR()
    {
        // R: survfit(..., conf.type = "plain"); cbind(f2$lower, f2$upper) at t = 6, 13, 23
        var km = KaplanMeierEstimator.Estimate(FreireichData.SixMp, transform: SurvivalConfidenceTransform.Plain);
        Assert.Equal(0.707479311825200, km.Lower[0], Tol);
        Assert.Equal(1.0, km.Upper[0], Tol); // clipped at 1
        Assert.Equal(0.480843098173183, km.Lower[5], Tol);
        Assert.Equal(0.899549058689562, km.Upper[5], Tol);
        Assert.Equal(0.184384863840613, km.Lower[11], Tol);
        Assert.Equal(0.711973679576754, km.Upper[11], Tol);
    }

    [Fact]
    public void MedianAndBrookmeyerCrowleyIntervalMatchR()
    {
        // R: quantile(survfit(..., conf.type = "log-log"), 0.5)
        //    6-MP: 23 (13, NA);  placebo: 8 (4, 11)
        var sixMp = KaplanMeierEstimator.Estimate(FreireichData.SixMp).Median;
        Assert.Equal(23, sixMp.Median);
        Assert.Equal(13, sixMp.Interval.Lower);
        Assert.True(double.IsNaN(sixMp.Interval.Upper));

        var placebo = KaplanMeierEstimator.Estimate(FreireichData.Placebo).Median;
        Assert.Equal(8, placebo.Median);
        Assert.Equal(4, placebo.Interval.Lower);
        Assert.Equal(11, placebo.Interval.Upper);
    }

    [Fact]
    public void PlaceboCurveReachesZeroWithDegenerateInterval()
    {
        // R: placebo survfit: S(22) = 0.0476190476190476, lower 0.00332446304253118, upper 0.197044905698946; S(23) = 0
        var km = KaplanMeierEstimator.Estimate(FreireichData.Placebo);
        Assert.Equal(0.0476190476190476, km.Survival[10], Tol);
        Assert.Equal(0.00332446304253118, km.Lower[10], Tol);
        Assert.Equal(0.197044905698946, km.Upper[10], Tol);
        Assert.Equal(0, km.Survival[11]);
        Assert.True(double.IsPositiveInfinity(km.GreenwoodSum[11]));
        Assert.Equal(new ConfidenceInterval(0, 0), new ConfidenceInterval(km.Lower[11], km.Upper[11]));
    }

    [Fact]
    public void EventsPrecedeCensoringsAtTheSameTime()
    {
        // Hand computation: at t = 2 one event and one censoring among 4 at risk -> S = 3/4; then 2 at risk
        // at t = 3 with one event -> S = 3/8. Censoring first would have given 2/3 at t = 2.
        var km = KaplanMeierEstimator.Estimate(SurvivalObservation.FromArrays([2, 2, 3, 5], [true, false, true, false]));
        Assert.Equal([4, 2, 1], km.AtRisk);
        Assert.Equal(0.75, km.Survival[0], 15);
        Assert.Equal(0.375, km.Survival[1], 15);
        Assert.Equal(1.0, km.SurvivalAt(1.999));
        Assert.Equal(0.75, km.SurvivalAt(2.5), 15);
        Assert.Equal(0.375, km.SurvivalAt(100), 15);
    }

    [Fact]
    public void MedianOnAnExactHalfPlateauIsTheMidpoint()
    {
        // S = 0.5 exactly on [2, 4): quantile.survfit convention gives (2 + 4) / 2 = 3.
        var km = KaplanMeierEstimator.Estimate(SurvivalObservation.FromArrays([1, 2, 3, 4], [true, true, false, true]));
        Assert.Equal(0.5, km.Survival[1], 15);
        Assert.Equal(3, km.Median.Median);
    }

    [Fact]
    public void MedianOnAHalfPlateauToTheEndUsesTheLastTime()
    {
        // R: quantile(survfit(Surv(c(1, 2, 3, 4), c(1, 1, 0, 0)) ~ 1), 0.5) gives 3 = (2 + 4) / 2.
        var km = KaplanMeierEstimator.Estimate(SurvivalObservation.FromArrays([1, 2, 3, 4], [true, true, false, false]));
        Assert.Equal(3, km.Median.Median);
    }

    [Fact]
    public void RejectsNegativeTimes()
    {
        Assert.Throws<ArgumentException>(() =>
            KaplanMeierEstimator.Estimate(SurvivalObservation.FromArrays([-1, 2], [true, true])));
    }
}
