using MathNet.Numerics.Distributions;
using ResistanceSim.Analysis.DoseResponse;
using Xunit;
using Xunit.Abstractions;

namespace ResistanceSim.Analysis.Tests.DoseResponse;

/// <summary>
/// A fit is reported only when the data can carry it (issue #14 item 8): a series that loses less than
/// <see cref="HillFitLimits.MinimumViabilitySpan"/> of the vehicle viability across the tested concentrations is
/// <c>no_dose_response</c>, and a fitted Hill slope outside [<see cref="HillFitLimits.MinimumHillSlope"/>,
/// <see cref="HillFitLimits.MaximumHillSlope"/>] is <c>did_not_converge</c> — never <c>converged</c>.
/// </summary>
public class HillFitLimitsTests(ITestOutputHelper output)
{
    private static readonly HillCurve Parental = new(Bottom: 0.05, Top: 1.0, Ic50: 200, HillSlope: 1.3);

    // Ten half-log-ish (3-fold) dilutions from 10 µM down to ~0.5 nM plus an untreated control, in duplicate.
    private static readonly double[] Concentrations =
        [.. Enumerable.Range(0, 10).Select(i => 10_000 / Math.Pow(3, i)).Prepend(0).SelectMany(c => new[] { c, c })];

    [Fact]
    public void AFlatSeriesWithASmallRealStepIsNoDoseResponse()
    {
        // Viability 1.0 below 10 nM and 0.96 above (a 4% drop, e.g. a small drug-sensitive minority), well noise SD
        // 0.01: the F test alone calls this a dose response and LM fits a step with a runaway slope.
        var rng = new Random(14);
        var y = Concentrations.Select(c => (c < 10 ? 1.0 : 0.96) + Normal.Sample(rng, 0, 0.01)).ToArray();
        var fit = HillCurveFitter.Fit(Concentrations, y);
        Assert.True(fit.FlatnessPValue < 0.05, $"the F test should find the step (p = {fit.FlatnessPValue})");
        Assert.Equal(HillFitStatus.NoDoseResponse, fit.Status);
        Assert.False(fit.HasCurve);
        Assert.True(double.IsNaN(fit.Ic50Interval.Lower));
    }

    [Fact]
    public void AResistantLineThatBarelyRespondsInTheTestedRangeIsNoDoseResponse()
    {
        // IC50 40 µM, four times the top concentration: viability only falls to 0.87 at 10 µM (span 0.13 < 0.2).
        var resistant = Parental with { Ic50 = 40_000 };
        var y = Concentrations.Select(resistant.Evaluate).ToArray();
        double span = resistant.Evaluate(0) - resistant.Evaluate(Concentrations.Max());
        Assert.InRange(span, 0, HillFitLimits.MinimumViabilitySpan);
        var fit = HillCurveFitter.Fit(Concentrations, y);
        Assert.Equal(HillFitStatus.NoDoseResponse, fit.Status);
        Assert.Contains("span", fit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoisyFlatSeriesAreNeverReportedAsFits()
    {
        // 200 flat series (fixed seed), well noise SD 0.05. The F test at alpha 0.05 lets about 5% of them through as
        // "dose responses"; the span and slope limits must reject every one.
        const int Series = 200;
        var rng = new Random(20261203);
        int passedFTest = 0;
        for (int s = 0; s < Series; s++)
        {
            var y = Concentrations.Select(_ => 0.9 + Normal.Sample(rng, 0, 0.05)).ToArray();
            var fit = HillCurveFitter.Fit(Concentrations, y);
            if (fit.FlatnessPValue <= 0.05) passedFTest++;
            Assert.False(fit.HasCurve, $"series {s}: {fit.Status} with IC50 {fit.Curve?.Ic50} and slope {fit.Curve?.HillSlope}");
            Assert.True(fit.Status is HillFitStatus.NoDoseResponse or HillFitStatus.DidNotConverge, fit.Status.ToString());
        }
        output.WriteLine($"{passedFTest} of {Series} flat series passed the F test alone");
    }

    [Fact]
    public void NoisyRealCurvesAreStillFitted()
    {
        // The limits must not reject genuine responses: 100 noisy parental assays (SD 0.05, fixed seed) all converge.
        var rng = new Random(7);
        for (int s = 0; s < 100; s++)
        {
            var y = Concentrations.Select(c => Parental.Evaluate(c) + Normal.Sample(rng, 0, 0.05)).ToArray();
            var fit = HillCurveFitter.Fit(Concentrations, y);
            Assert.Equal(HillFitStatus.Converged, fit.Status);
        }
    }

    [Theory]
    [InlineData(8.0, 0.0)]
    [InlineData(8.0, 0.02)]
    [InlineData(26.0, 0.0)]
    public void ASlopeSteeperThanTheSeriesCanResolveIsDidNotConverge(double slope, double noise)
    {
        // The 10–90% transition of h = 8 spans 81^(1/8) = 1.7-fold, inside one 3-fold dilution step.
        var steep = Parental with { Ic50 = 150, HillSlope = slope };
        var rng = new Random(26);
        var y = Concentrations.Select(c => steep.Evaluate(c) + (noise > 0 ? Normal.Sample(rng, 0, noise) : 0)).ToArray();
        var fit = HillCurveFitter.Fit(Concentrations, y);
        // Noisy data may also stop LM at its iteration limit (the slope keeps growing): either way, no curve.
        Assert.Equal(HillFitStatus.DidNotConverge, fit.Status);
        Assert.False(fit.HasCurve);
    }

    [Fact]
    public void ASteepSlopeInsideTheRangeIsFitted()
    {
        var steep = Parental with { Ic50 = 150, HillSlope = 4 };
        var fit = HillCurveFitter.Fit(Concentrations, Concentrations.Select(steep.Evaluate).ToArray());
        Assert.Equal(HillFitStatus.Converged, fit.Status);
        Assert.Equal(4, fit.Curve!.Value.HillSlope, 1e-6);
        Assert.Equal(150, fit.Curve!.Value.Ic50, 1e-4);
    }

    [Fact]
    public void ASlopeTooShallowToPlaceThePlateausIsDidNotConverge()
    {
        // h = 0.15: the 10–90% transition spans 81^(1/0.15) ≈ 5e12-fold; the tested 2e4-fold range sees a drift.
        var shallow = Parental with { HillSlope = 0.15 };
        var y = Concentrations.Select(shallow.Evaluate).ToArray();
        Assert.True(y[0] - y[^1] > HillFitLimits.MinimumViabilitySpan, "the drift itself is large enough to be a response");
        var fit = HillCurveFitter.Fit(Concentrations, y);
        Assert.Equal(HillFitStatus.DidNotConverge, fit.Status);
        Assert.Contains("slope", fit.Message, StringComparison.Ordinal);
    }
}
