using ResistanceSim.Analysis.Survival;
using Xunit;

namespace ResistanceSim.Analysis.Tests.Survival;

public class CoxTests
{
    private const double Tol = 1e-7;

    [Fact]
    public void FreireichBreslowMatchesR()
    {
        // R: m <- coxph(Surv(time, status) ~ placebo, data = d, ties = "breslow")
        //    coef 1.50919141258588, se 0.409564406366741, exp(coef) 4.52307201618717,
        //    exp(confint) 2.02680351070018 10.0938153874364, loglik -93.9850504782452 -86.3796220711456,
        //    LR 15.2108568141992 (p 9.61490541947567e-05), Wald (coef/se)^2 13.5782636509231,
        //    score 15.9305395640327 (p 6.57098745624296e-05)
        // This is the HR 4.52 quoted in textbooks: it is the Breslow-ties value (Efron gives 4.82).
        var fit = CoxProportionalHazards.FitArms(FreireichData.SixMp, FreireichData.Placebo, CoxTies.Breslow);
        Assert.True(fit.Converged);
        Assert.Equal(1.50919141258588, fit.Coefficients[0], Tol);
        Assert.Equal(0.409564406366741, fit.StandardErrors[0], Tol);
        Assert.Equal(4.52307201618717, fit.HazardRatios[0], 1e-6);
        Assert.Equal(2.02680351070018, fit.HazardRatioIntervals[0].Lower, 1e-6);
        Assert.Equal(10.0938153874364, fit.HazardRatioIntervals[0].Upper, 1e-6);
        Assert.Equal(-93.9850504782452, fit.NullLogLikelihood, 1e-9);
        Assert.Equal(-86.3796220711456, fit.LogLikelihood, 1e-9);
        Assert.Equal(15.2108568141992, fit.LikelihoodRatioTest.Statistic, 1e-8);
        Assert.Equal(9.61490541947567e-05, fit.LikelihoodRatioTest.PValue, 1e-12);
        Assert.Equal(13.5782636509231, fit.WaldTest.Statistic, 1e-6);
        Assert.Equal(15.9305395640327, fit.ScoreTest.Statistic, 1e-9);
        Assert.Equal(6.57098745624296e-05, fit.ScoreTest.PValue, 1e-12);
    }

    [Fact]
    public void FreireichEfronMatchesR()
    {
        // R: coxph(..., ties = "efron"): coef 1.57212514882907, se 0.412396717709455,
        //    exp(coef) 4.81687389827939, CI 2.14650821272546 10.809310681586,
        //    loglik -93.1842699968477 -85.0084245773717, LR 16.35169083895215, Wald 14.5326170633744,
        //    score 17.2465367957166
        var fit = CoxProportionalHazards.FitArms(FreireichData.SixMp, FreireichData.Placebo);
        Assert.Equal(CoxTies.Efron, fit.Ties);
        Assert.True(fit.Converged);
        Assert.Equal(1.57212514882907, fit.Coefficients[0], Tol);
        Assert.Equal(0.412396717709455, fit.StandardErrors[0], Tol);
        Assert.Equal(4.81687389827939, fit.HazardRatios[0], 1e-6);
        Assert.Equal(2.14650821272546, fit.HazardRatioIntervals[0].Lower, 1e-6);
        Assert.Equal(10.809310681586, fit.HazardRatioIntervals[0].Upper, 1e-6);
        Assert.Equal(-93.1842699968477, fit.NullLogLikelihood, 1e-9);
        Assert.Equal(-85.0084245773717, fit.LogLikelihood, 1e-9);
        Assert.Equal(16.35169083895215, fit.LikelihoodRatioTest.Statistic, 1e-8);
        Assert.Equal(14.5326170633744, fit.WaldTest.Statistic, 1e-6);
        Assert.Equal(17.2465367957166, fit.ScoreTest.Statistic, 1e-9);
    }

    [Fact]
    public void ScoreTestWithoutTiedEventsEqualsLogRank()
    {
        // Textbook identity (Collett 2015 §3.9): with one binary covariate and no tied event times,
        // the Cox score test equals the log-rank statistic. Untie the Freireich times by small offsets.
        var offset = 0.0;
        SurvivalObservation[] Untie(SurvivalObservation[] g) =>
            [.. g.Select(o => o with { Time = o.Time + (offset += 1e-3) })];
        var a = Untie(FreireichData.SixMp);
        var b = Untie(FreireichData.Placebo);
        var fit = CoxProportionalHazards.FitArms(a, b, CoxTies.Breslow);
        Assert.Equal(LogRankTest.Compare([a, b]).ChiSquare, fit.ScoreTest.Statistic, 1e-9);
    }

    [Theory]
    [InlineData(CoxTies.Breslow, 0.1611158350452022, 0.6019633517314125, 0.0262361835409144,
        0.5555566914214642, 0.5316552709441376, 0.0313833489231309, -57.4697315008454, -56.2135724874516,
        2.66631480658276, 2.59743734664296)]
    [InlineData(CoxTies.Efron, 0.1507210837848706, 0.5996202899254229, 0.0260223380187612,
        0.5557321451408632, 0.5308590132997946, 0.0316164932830755, -57.0241347302303, -55.7665077090389,
        2.676935492744929, 2.60679124360835)]
    public void ThreeCovariatesMatchR(
        CoxTies ties, double b1, double b2, double b3, double se1, double se2, double se3,
        double nullLogLik, double logLik, double score, double wald)
    {
        // R: m <- coxph(Surv(time, status) ~ armB + armC + age, data = g, ties = ...)
        //    coef(m); sqrt(diag(vcov(m))); m$loglik; summary(m)$sctest; t(coef(m)) %*% solve(vcov(m)) %*% coef(m)
        var fit = CoxProportionalHazards.Fit(ThreeArms.All, ThreeArms.Covariates, ties);
        Assert.True(fit.Converged);
        Assert.Equal(b1, fit.Coefficients[0], Tol);
        Assert.Equal(b2, fit.Coefficients[1], Tol);
        Assert.Equal(b3, fit.Coefficients[2], Tol);
        Assert.Equal(se1, fit.StandardErrors[0], Tol);
        Assert.Equal(se2, fit.StandardErrors[1], Tol);
        Assert.Equal(se3, fit.StandardErrors[2], Tol);
        Assert.Equal(nullLogLik, fit.NullLogLikelihood, 1e-9);
        Assert.Equal(logLik, fit.LogLikelihood, 1e-9);
        Assert.Equal(2 * (logLik - nullLogLik), fit.LikelihoodRatioTest.Statistic, 1e-8);
        Assert.Equal(3, fit.LikelihoodRatioTest.DegreesOfFreedom);
        Assert.Equal(score, fit.ScoreTest.Statistic, 1e-8);
        Assert.Equal(wald, fit.WaldTest.Statistic, 1e-6);
    }

    [Fact]
    public void ArmWithoutEventsIsReportedAsNotConverged()
    {
        // Monotone likelihood: β → −∞ for an arm that never has an event; no finite MLE exists.
        var none = SurvivalObservation.FromArrays([5, 6, 7, 8], [false, false, false, false]);
        var fit = CoxProportionalHazards.FitArms(FreireichData.Placebo, none);
        Assert.False(fit.Converged);
        Assert.True(fit.Coefficients[0] < -5, "the iterate should have run towards -infinity");
    }

    [Fact]
    public void ConstantCovariateIsRejected() =>
        Assert.Throws<ArgumentException>(() =>
            CoxProportionalHazards.Fit(FreireichData.Placebo, [.. FreireichData.Placebo.Select(_ => (IReadOnlyList<double>)[1.0])]));
}
