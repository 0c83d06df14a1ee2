using MathNet.Numerics.Distributions;
using ResistanceSim.Analysis.DoseResponse;
using Xunit;
using Xunit.Abstractions;

namespace ResistanceSim.Analysis.Tests.DoseResponse;

public class HillCurveFitterTests(ITestOutputHelper output)
{
    // Illustrative parental-line curve: IC50 200 nM (cf. H3122 crizotinib IC50 ~0.2 µM, docs/biology.md).
    private static readonly HillCurve Truth = new(Bottom: 0.05, Top: 1.0, Ic50: 200, HillSlope: 1.3);

    // Ten 3-fold dilutions from 10 µM down to ~0.5 nM plus an untreated control, in duplicate (22 wells).
    private static readonly double[] Concentrations =
        [.. Enumerable.Range(0, 10).Select(i => 10_000 / Math.Pow(3, i)).Prepend(0).SelectMany(c => new[] { c, c })];

    [Fact]
    public void EvaluateHitsTheDefiningPoints()
    {
        Assert.Equal(Truth.Top, Truth.Evaluate(0), 15);
        Assert.Equal((Truth.Top + Truth.Bottom) / 2, Truth.Evaluate(Truth.Ic50), 14);
        Assert.Equal(Truth.Bottom, Truth.Evaluate(1e30), 12);
        // Hand value: c = 2·IC50 → 1/(1 + 2^1.3) = 0.28879...; y = 0.05 + 0.95 × that.
        Assert.Equal(0.05 + 0.95 / (1 + Math.Pow(2, 1.3)), Truth.Evaluate(400), 14);
    }

    [Fact]
    public void RecoversParametersFromNoiselessData()
    {
        var y = Concentrations.Select(Truth.Evaluate).ToArray();
        var fit = HillCurveFitter.Fit(Concentrations, y);
        Assert.Equal(HillFitStatus.Converged, fit.Status);
        var c = fit.Curve!.Value;
        Assert.Equal(Truth.Bottom, c.Bottom, 1e-7);
        Assert.Equal(Truth.Top, c.Top, 1e-7);
        Assert.Equal(Truth.Ic50, c.Ic50, 1e-5);
        Assert.Equal(Truth.HillSlope, c.HillSlope, 1e-7);
        Assert.Equal(18, fit.DegreesOfFreedom);
    }

    [Fact]
    public void RecoversParametersFromBadlyScaledStart()
    {
        // Steep curve with IC50 near the top of the range and an increasing direction flipped into
        // Top < Bottom: the starting values still have to find it.
        var truth = new HillCurve(Bottom: 0.9, Top: 0.1, Ic50: 3000, HillSlope: 3);
        var y = Concentrations.Select(truth.Evaluate).ToArray();
        var fit = HillCurveFitter.Fit(Concentrations, y);
        Assert.Equal(HillFitStatus.Converged, fit.Status);
        Assert.Equal(3000, fit.Curve!.Value.Ic50, 1e-4);
        Assert.Equal(3, fit.Curve!.Value.HillSlope, 1e-7);
    }

    [Fact]
    public void NoisyFitsCoverTheTrueIc50AtAboutTheNominalRate()
    {
        // 200 simulated assays (fixed seed), Gaussian noise SD 0.05. The t interval on ln IC50 is
        // asymptotic, so check coverage against 0.95 with a 4.5-sigma binomial tolerance:
        // sigma = sqrt(0.95 × 0.05 / 200) = 0.0154 → coverage must exceed 0.95 − 0.069.
        const int Replicates = 200;
        var rng = new Random(20250101);
        int covered = 0, usable = 0;
        var logIc50 = new List<double>();
        for (var r = 0; r < Replicates; r++)
        {
            var y = Concentrations.Select(c => Truth.Evaluate(c) + Normal.Sample(rng, 0, 0.05)).ToArray();
            var fit = HillCurveFitter.Fit(Concentrations, y);
            if (!fit.HasCurve)
            {
                continue;
            }

            usable++;
            logIc50.Add(Math.Log(fit.Curve!.Value.Ic50));
            if (fit.Ic50Interval.Contains(Truth.Ic50))
            {
                covered++;
            }
        }

        Assert.Equal(Replicates, usable);
        var coverage = (double)covered / Replicates;
        output.WriteLine(FormattableString.Invariant($"IC50 95% CI coverage over {Replicates} assays: {coverage:F3}"));
        Assert.InRange(coverage, 0.95 - 4.5 * Math.Sqrt(0.95 * 0.05 / Replicates), 1.0);

        // The estimator of ln IC50 is nearly unbiased: mean within 4.5 SE of the truth.
        var mean = logIc50.Average();
        var sd = Math.Sqrt(logIc50.Sum(v => (v - mean) * (v - mean)) / (logIc50.Count - 1));
        Assert.InRange(mean, Math.Log(Truth.Ic50) - 4.5 * sd / Math.Sqrt(Replicates), Math.Log(Truth.Ic50) + 4.5 * sd / Math.Sqrt(Replicates));
    }

    [Fact]
    public void OneNoisyAssayHasTheTrueIc50InsideItsInterval()
    {
        var rng = new Random(7);
        var y = Concentrations.Select(c => Truth.Evaluate(c) + Normal.Sample(rng, 0, 0.03)).ToArray();
        var fit = HillCurveFitter.Fit(Concentrations, y);
        Assert.Equal(HillFitStatus.Converged, fit.Status);
        Assert.True(fit.Ic50Interval.Contains(Truth.Ic50), $"CI {fit.Ic50Interval} should contain 200");
        Assert.True(fit.Ic50Interval.Lower > 100 && fit.Ic50Interval.Upper < 400, "interval should be informative");
        Assert.InRange(fit.ResidualStandardError, 0.015, 0.045);
    }

    [Fact]
    public void FlatNoisyDataAreReportedAsNoDoseResponse()
    {
        var rng = new Random(11);
        var y = Concentrations.Select(_ => 0.9 + Normal.Sample(rng, 0, 0.05)).ToArray();
        var fit = HillCurveFitter.Fit(Concentrations, y);
        Assert.Equal(HillFitStatus.NoDoseResponse, fit.Status);
        Assert.False(fit.HasCurve);
        Assert.True(fit.FlatnessPValue > 0.05);
        Assert.True(double.IsNaN(fit.Ic50Interval.Lower));
    }

    [Fact]
    public void ConstantDataAreReportedAsNoDoseResponse()
    {
        var fit = HillCurveFitter.Fit(Concentrations, Concentrations.Select(_ => 1.0).ToArray());
        Assert.Equal(HillFitStatus.NoDoseResponse, fit.Status);
        Assert.Null(fit.Curve);
    }

    [Fact]
    public void ResistantLineWithIc50AboveTheRangeIsFlaggedAsExtrapolated()
    {
        // IC50 20 µM, twice the top concentration tested (cf. H3122 resistant ~13.5 µM): viability still falls to
        // 0.73 at 10 µM, a response above the minimum span (a line that barely responds: HillFitLimitsTests).
        var resistant = Truth with { Ic50 = 20_000 };
        var y = Concentrations.Select(resistant.Evaluate).ToArray();
        var fit = HillCurveFitter.Fit(Concentrations, y);
        Assert.Equal(HillFitStatus.Ic50OutsideTestedRange, fit.Status);
        Assert.Equal(20_000, fit.Curve!.Value.Ic50, 0.01);
    }

    [Fact]
    public void TooFewPointsIsInsufficientData()
    {
        var fit = HillCurveFitter.Fit([0, 1, 10, 100], [1, 0.9, 0.5, 0.1]);
        Assert.Equal(HillFitStatus.InsufficientData, fit.Status);
    }

    [Theory]
    // All of the drop happens between the two highest concentrations: any IC50 in (1 µM, 10 µM) with an
    // infinite slope fits, so neither IC50 nor h is identifiable. Slightly noisy data end with a singular
    // covariance, exact data with LM running the slope away until its iteration limit; both must be
    // reported as failures without a curve rather than as an IC50.
    [InlineData(new[] { 1, 0.99, 1.01, 1, 0.99, 1.0, 1.01, 0.99, 0.01, 0.0 })]
    [InlineData(new[] { 1.0, 1, 1, 1, 1, 1, 1, 1, 0, 0 })]
    public void StepBetweenTwoConcentrationsIsReportedAsNotConverged(double[] responses)
    {
        double[] c = [1, 1, 10, 10, 100, 100, 1000, 1000, 10000, 10000];
        var fit = HillCurveFitter.Fit(c, responses);
        Assert.Equal(HillFitStatus.DidNotConverge, fit.Status);
        Assert.False(fit.HasCurve);
        Assert.True(double.IsNaN(fit.StandardErrorLogIc50));
    }
}
