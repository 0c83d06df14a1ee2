using Xunit;
using ResistanceSim.Analysis.Survival;
using ResistanceSim.Analysis.Trials;

namespace ResistanceSim.Analysis.Tests.Trials;

public class BaselineSanctuarySplitTests
{
    [Fact]
    public void EachGroupsMedianIsTheKaplanMeierMedianOfItsOwnPatients()
    {
        // With a lesion: events at 2, 4, 6 → median 4. Without: 10, 20 (censored), 30, 40 → S falls to 0.5 at 30.
        SurvivalObservation[] pfs = [new(10, true), new(2, true), new(20, false), new(4, true), new(30, true), new(6, true), new(40, true)];
        bool[] lesion = [false, true, false, true, false, true, false];
        var split = BaselineSanctuarySplit.Split(pfs, lesion);
        Assert.Equal(3, split.WithLesion);
        Assert.Equal(7, split.Patients);
        Assert.Equal(4, split.MedianWith.Median);
        Assert.Equal(KaplanMeierEstimator.Estimate([new(10, true), new(20, false), new(30, true), new(40, true)]).Median, split.MedianWithout);
        Assert.Equal(30, split.MedianWithout.Median);
    }

    [Fact]
    public void AnEmptyGroupHasNoMedian()
    {
        var split = BaselineSanctuarySplit.Split([new(5, true), new(9, true)], [false, false]);
        Assert.Equal(0, split.WithLesion);
        Assert.True(double.IsNaN(split.MedianWith.Median));
        Assert.Equal(7, split.MedianWithout.Median);   // S is exactly 0.5 from 5 to 9: the midpoint, as R's survfit
    }

    [Fact]
    public void RefusesListsOfDifferentLengths() =>
        Assert.Throws<ArgumentException>(() => BaselineSanctuarySplit.Split([new(5, true)], [true, false]));
}
