using ResistanceSim.Analysis.Recist;
using ResistanceSim.Model.Clinical;
using Xunit;

namespace ResistanceSim.Analysis.Tests.Recist;

public class RecistClassifierTests
{
    private static RecistAssessment Run(double baseline, params double[] sums) =>
        RecistClassifier.Classify(
            new TumourScan(0, baseline),
            [.. sums.Select((s, i) => new TumourScan(42 * (i + 1), s))]);

    private static RecistResponse[] Responses(RecistAssessment a) => [.. a.Scans.Select(s => s.Response)];

    [Fact]
    public void ExactlyThirtyPercentDecreaseIsPartialResponse()
    {
        // 100 → 70 mm is exactly −30%; 71 mm is −29%.
        Assert.Equal(RecistResponse.PartialResponse, Run(100, 70).Scans[0].Response);
        Assert.Equal(RecistResponse.StableDisease, Run(100, 71).Scans[0].Response);
        // A baseline whose 70% is not exact in binary floating point: 0.7 × 33.3 = 23.31.
        Assert.Equal(RecistResponse.PartialResponse, Run(33.3, 23.31).Scans[0].Response);
    }

    [Fact]
    public void ProgressionNeedsBothTwentyPercentAndFiveMillimetres()
    {
        // Small lesion: 12 → 15 mm is +25% but only +3 mm: not PD.
        Assert.Equal(RecistResponse.StableDisease, Run(12, 15).Scans[0].Response);
        // Large lesion: 100 → 115 mm is +15 mm but only +15%: not PD.
        Assert.Equal(RecistResponse.StableDisease, Run(100, 115).Scans[0].Response);
        // 25 → 30 mm is exactly +20% and exactly +5 mm: PD.
        Assert.Equal(RecistResponse.ProgressiveDisease, Run(25, 30).Scans[0].Response);
        // 24 → 28.8 mm is exactly +20% but +4.8 mm: not PD.
        Assert.Equal(RecistResponse.StableDisease, Run(24, 28.8).Scans[0].Response);
    }

    [Fact]
    public void ProgressionIsMeasuredFromTheNewNadirAfterResponse()
    {
        // 100 → 60 (PR, nadir 60) → 50 (PR, nadir 50) → 58 (+16%: still PR vs baseline)
        // → 61 (+22% and +11 mm over nadir 50: PD although 39% below baseline).
        var a = Run(100, 60, 50, 58, 61);
        Assert.Equal(
            [RecistResponse.PartialResponse, RecistResponse.PartialResponse, RecistResponse.PartialResponse, RecistResponse.ProgressiveDisease],
            Responses(a));
        Assert.Equal([100.0, 60, 50, 50], a.Scans.Select(s => s.NadirBefore));
        Assert.Equal([60.0, 50, 50, 50], a.Scans.Select(s => s.NadirAfter));
        Assert.Equal(0.22, a.Scans[3].ChangeFromNadir, 12);
        Assert.Equal(-0.39, a.Scans[3].ChangeFromBaseline, 12);
        Assert.Equal(RecistResponse.PartialResponse, a.BestOverallResponse);
        Assert.Equal(168, a.TimeOfFirstProgression);
        Assert.True(a.IsObjectiveResponse);
    }

    [Fact]
    public void BaselineCountsAsTheFirstNadir()
    {
        // 50 → 55 → 61: 61 is +22% and +11 mm over the baseline nadir 50 → PD at the second scan.
        var a = Run(50, 55, 61);
        Assert.Equal([RecistResponse.StableDisease, RecistResponse.ProgressiveDisease], Responses(a));
        Assert.Equal(RecistResponse.StableDisease, a.BestOverallResponse);
        Assert.False(a.IsObjectiveResponse);
    }

    [Fact]
    public void DisappearanceIsCompleteResponseAndReappearanceIsProgression()
    {
        var a = Run(40, 20, 0, 0, 3);
        Assert.Equal(
            [RecistResponse.PartialResponse, RecistResponse.CompleteResponse, RecistResponse.CompleteResponse, RecistResponse.ProgressiveDisease],
            Responses(a));
        Assert.Equal(RecistResponse.CompleteResponse, a.BestOverallResponse);
        Assert.Equal(168, a.TimeOfFirstProgression);
    }

    [Fact]
    public void ImmediateProgressionIsBestResponsePdAndLaterShrinkageDoesNotCount()
    {
        var a = Run(40, 50, 20);
        Assert.Equal(RecistResponse.ProgressiveDisease, a.BestOverallResponse);
        Assert.Equal(42, a.TimeOfFirstProgression);
        // Scans after PD are still classified (here 20 mm is −50%: PR), but do not enter the best response.
        Assert.Equal(RecistResponse.PartialResponse, a.Scans[1].Response);
    }

    [Fact]
    public void NoFollowUpIsNotEvaluable()
    {
        var a = Run(40);
        Assert.Equal(RecistResponse.NotEvaluable, a.BestOverallResponse);
        Assert.Null(a.TimeOfFirstProgression);
    }

    [Fact]
    public void RejectsUnmeasurableBaselineAndUnorderedScans()
    {
        Assert.Throws<ArgumentException>(() => Run(0, 10));
        Assert.Throws<ArgumentException>(() =>
            RecistClassifier.Classify(new TumourScan(0, 40), [new TumourScan(10, 30), new TumourScan(10, 20)]));
    }
}
