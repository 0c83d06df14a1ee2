using ResistanceSim.Model;
using ResistanceSim.Verification.Support;

namespace ResistanceSim.Verification;

/// <summary>
/// Time-varying rates in the exact engine (issue #5 item 3): with a first-order-decaying drug the
/// run re-evaluates rates every <c>rate_step_days</c> (at the midpoint of each hold) and at every drug
/// change. The mean of 2,000 exact runs must match the closed form N0·exp(∫ r dt) within 4.5 σ/√n plus
/// the bound on the rate-step error, |Δ∫r| ≤ max|r″|·Δ²·T/24 (midpoint rule), converted to cells.
/// </summary>
[Trait("Category", "Verification")]
public class ExactTimeVaryingRatesTests
{
    private const int N = 2_000;

    [Fact]
    public void ExactMeanFollowsTheDecayingDrugWithinTheRateStepBound()
    {
        var scenario = VerificationScenarios.Load("decaying-drug", EngineKind.Exact);
        double days = scenario.Stop.Days, step = scenario.Engine.RateStepDays;
        double exponent = DecayingDrug.IntegratedNetRate(scenario, days);
        double expected = 1000 * Math.Exp(exponent);

        // max |r″| over the dosing phase, by second differences of the integrand (r = d/dt of the integral).
        const double h = 0.02;
        double maxCurvature = 0;
        for (double t = h; t < DecayingDrug.DoseDays - 2 * h; t += h)
        {
            double r0 = DecayingDrug.NetRate(scenario, t - h), r1 = DecayingDrug.NetRate(scenario, t), r2 = DecayingDrug.NetRate(scenario, t + h);
            maxCurvature = Math.Max(maxCurvature, Math.Abs(r2 - 2 * r1 + r0) / (h * h));
        }
        double stepBias = expected * double.ExpM1(maxCurvature * step * step * DecayingDrug.DoseDays / 24);

        var sizes = Replicates.Run(scenario, "exact", N).Select(e => (double)e.FinalCells).ToArray();
        double tolerance = Tolerance.ForMean(sizes) + stepBias;
        Assert.True(Math.Abs(Tolerance.Mean(sizes) - expected) <= tolerance,
            $"exact mean {Tolerance.Mean(sizes):F1}, closed form {expected:F1}, tolerance {tolerance:F1} (of which rate-step bound {stepBias:F1})");
        // The bound must be small enough to mean something: a rate held for the whole phase would be far off.
        Assert.True(stepBias < 0.01 * expected, $"rate-step bound {stepBias:F1} is too loose");
    }
}
