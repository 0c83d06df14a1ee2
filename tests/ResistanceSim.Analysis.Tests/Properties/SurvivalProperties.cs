using FsCheck;
using FsCheck.Fluent;
using ResistanceSim.Analysis.Proportions;
using ResistanceSim.Analysis.Survival;
using Xunit;
using ResistanceSim.Testing;

namespace ResistanceSim.Analysis.Tests.Properties;

/// <summary>Invariants over random small data sets (FsCheck, default 100 cases each).</summary>
public class SurvivalProperties
{
    // 1–40 subjects, integer times 0–30 (many ties), about 70% events.
    private static readonly Arbitrary<SurvivalObservation[]> Cohorts = Arb.From(
        Gen.Choose(1, 40).SelectMany(n => Gen.ArrayOf(
            Gen.Choose(0, 30).SelectMany(t => Gen.Choose(0, 9).Select(e => new SurvivalObservation(t, e < 7))), n)));

    [Fact]
    public void KaplanMeierIsAMonotoneStepFunctionInsideItsBand() =>
        PropertyCheck.Verify(Prop.ForAll(Cohorts, data =>
        {
            var km = KaplanMeierEstimator.Estimate(data);
            var ok = km.AtRisk[0] == data.Length;
            for (var j = 0; j < km.Times.Count; j++)
            {
                ok &= km.Survival[j] is >= 0 and <= 1;
                ok &= km.Lower[j] <= km.Survival[j] + 1e-12 && km.Survival[j] <= km.Upper[j] + 1e-12;
                if (j > 0)
                {
                    ok &= km.Survival[j] <= km.Survival[j - 1];
                    ok &= km.AtRisk[j] == km.AtRisk[j - 1] - km.Events[j - 1] - km.Censored[j - 1];
                }
            }

            return ok && km.Events.Sum() + km.Censored.Sum() == data.Length;
        }));

    [Fact]
    public void LogRankConservesEventsAndGivesAProbability() =>
        PropertyCheck.Verify(Prop.ForAll(Cohorts, Cohorts, (a, b) =>
        {
            var r = LogRankTest.Compare([a, b]);
            var events = a.Count(o => o.Event) + b.Count(o => o.Event);
            return Math.Abs(r.Expected.Sum() - events) < 1e-9
                && r.ChiSquare >= -1e-12
                && r.PValue is >= 0 and <= 1;
        }));

    [Fact]
    public void WilsonIntervalContainsTheEstimateAndStaysInTheUnitInterval() =>
        PropertyCheck.Verify(Prop.ForAll(Arb.From(Gen.Choose(1, 500).SelectMany(n => Gen.Choose(0, n).Select(x => (x, n)))), xn =>
        {
            var e = WilsonScoreInterval.Estimate(xn.x, xn.n);
            return e.Interval.Lower >= 0 && e.Interval.Upper <= 1 && e.Interval.Contains(e.Proportion);
        }));
}
