using ResistanceSim.Analysis.Survival;
using ResistanceSim.Analysis.Tests.Survival;
using ResistanceSim.Analysis.Trials;
using Xunit;

namespace ResistanceSim.Analysis.Tests.Trials;

/// <summary>The per-arm readout on the Freireich et al. (1963) leukaemia data, 6-MP as the reference arm.</summary>
public class TrialReadoutTests
{
    // Responders made up for the ORR part (Freireich has no response data): 15 of 21 and 6 of 21.
    private static readonly bool[] SixMpResponses = [.. Enumerable.Range(0, 21).Select(i => i < 15)];
    private static readonly bool[] PlaceboResponses = [.. Enumerable.Range(0, 21).Select(i => i < 6)];

    private static IReadOnlyList<ArmEndpoints> Readout() => TrialReadout.Analyse(
    [
        new TrialArm("6-MP", FreireichData.SixMp, SixMpResponses),
        new TrialArm("placebo", FreireichData.Placebo, PlaceboResponses),
    ]);

    [Fact]
    public void TheReferenceArmHasNoComparison()
    {
        var reference = Readout()[0];
        Assert.Equal(("6-MP", 21, 9), (reference.Name, reference.Patients, reference.Events));
        Assert.Null(reference.HazardRatio);
        Assert.Null(reference.LogRankPValue);
        // R: quantile(survfit(..., conf.type = "log-log"), 0.5): 6-MP 23 (13, NA)
        Assert.Equal(23, reference.MedianPfs.Median);
        Assert.Equal(13, reference.MedianPfs.Interval.Lower);
    }

    [Fact]
    public void TheSecondArmIsComparedWithTheFirstAsInR()
    {
        var placebo = Readout()[1];
        Assert.Equal(21, placebo.Events);
        // R: coxph(Surv(time, status) ~ placebo, ties = "efron"): exp(coef) 4.81687389827939, CI 2.14650821272546 10.809310681586
        Assert.Equal(4.81687389827939, placebo.HazardRatio!.Value, 1e-6);
        Assert.Equal(2.14650821272546, placebo.HazardRatioInterval!.Value.Lower, 1e-6);
        Assert.Equal(10.809310681586, placebo.HazardRatioInterval!.Value.Upper, 1e-6);
        // R: pchisq(survdiff(...)$chisq, 1, lower.tail = FALSE) 4.16880910933453e-05
        Assert.Equal(4.16880910933453e-05, placebo.LogRankPValue!.Value, 1e-12);
        // R: quantile(survfit(...), 0.5): placebo 8 (4, 11)
        Assert.Equal((8.0, 4.0, 11.0), (placebo.MedianPfs.Median, placebo.MedianPfs.Interval.Lower, placebo.MedianPfs.Interval.Upper));
    }

    [Fact]
    public void ObjectiveResponseRateCarriesTheWilsonInterval()
    {
        var readout = Readout();
        // Wilson 95% (Wilson 1927; R prop.test(15, 21, correct = FALSE)$conf.int): 0.5004362 0.8618614
        Assert.Equal(15.0 / 21, readout[0].ObjectiveResponse.Proportion, 1e-12);
        Assert.Equal(0.5004362, readout[0].ObjectiveResponse.Interval.Lower, 1e-6);
        Assert.Equal(0.8618614, readout[0].ObjectiveResponse.Interval.Upper, 1e-6);
        Assert.Equal(6.0 / 21, readout[1].ObjectiveResponse.Proportion, 1e-12);
    }

    [Fact]
    public void AnArmWithoutEventsHasNoHazardRatio()
    {
        var noEvents = FreireichData.Placebo.Select(o => new SurvivalObservation(o.Time, false)).ToArray();
        var readout = TrialReadout.Analyse([new TrialArm("a", FreireichData.SixMp, SixMpResponses), new TrialArm("b", noEvents, PlaceboResponses)]);
        Assert.Null(readout[1].HazardRatio);
        Assert.NotNull(readout[1].LogRankPValue);
    }

    [Fact]
    public void MismatchedResponsesAreRejected() =>
        Assert.Throws<ArgumentException>(() => TrialReadout.Analyse([new TrialArm("a", FreireichData.SixMp, [true])]));

    [Fact]
    public void ArmsWithoutAnyProgressionHaveNoHazardRatioAndNoTestInsteadOfFailing()
    {
        SurvivalObservation[] censored = [new(200, false), new(200, false)];
        var readout = TrialReadout.Analyse([new TrialArm("a", censored, [true, false]), new TrialArm("b", censored[..1], [false])]);
        Assert.Equal((0, 0), (readout[0].Events, readout[1].Events));
        Assert.Null(readout[1].HazardRatio);
        Assert.Null(readout[1].HazardRatioInterval);
        Assert.Null(readout[1].LogRankPValue);
    }
}
