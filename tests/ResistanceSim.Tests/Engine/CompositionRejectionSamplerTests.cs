using FsCheck;
using FsCheck.Fluent;
using ResistanceSim.Analysis.GoodnessOfFit;
using ResistanceSim.Engine.Random;
using ResistanceSim.Engine.State;
using ResistanceSim.Testing;

namespace ResistanceSim.Tests.Engine;

public class CompositionRejectionSamplerTests
{
    // Weights over nine binary exponents, one of them zero, several sharing a group.
    private static readonly double[] Weights = [0.001, 1, 3, 0, 0.5, 1000, 7, 7.5, 250, 6];

    [Fact]
    public void ChoosesEachIndexInProportionToItsWeight()
    {
        AssertChosenInProportion(Filled(Weights), Weights, seed: 2026);
    }

    [Fact]
    public void AGroupsBoundLeftHighByAMemberThatShrankOrLeftDoesNotBiasTheChoice()
    {
        // One group, [4, 8): its largest member (7.9, the group's rejection bound) shrinks and another leaves; the bound
        // stays at 7.9 above every weight left, which costs rejections, never proportions.
        var sampler = Filled([4.5, 7.9, 5, 6.5]);
        sampler.Set(1, 4.25);
        sampler.Set(3, 0);
        AssertChosenInProportion(sampler, [4.5, 4.25, 5, 0], seed: 19);
    }

    [Fact]
    public void TheUniformLeftOverIsUniformBelowTheChosenWeightWhicheverIndexWasChosen()
    {
        // Indices 6 and 7 share a group (weights 7 and 7.5, so 7 is rejected against the bound 7.5 at times and 7.5
        // never), 5 is alone in its own.
        var sampler = Filled(Weights);
        var rng = new Xoshiro256StarStar(7);
        var fractions = new Dictionary<int, List<double>> { [5] = [], [6] = [], [7] = [] };
        for (int k = 0; k < 200_000; k++)
        {
            int i = sampler.Sample(rng.NextDouble() * sampler.Total, ref rng, out double within);
            Assert.InRange(within, 0, Math.BitDecrement(Weights[i]));
            if (fractions.TryGetValue(i, out var list)) list.Add(within / Weights[i]);
        }
        foreach (var (index, list) in fractions)
        {
            Assert.True(list.Count > 1_000, $"index {index} drawn {list.Count} times");
            var ks = KolmogorovSmirnovTest.OneSample(list, x => Math.Clamp(x, 0, 1));
            Assert.True(ks.PValue > 0.001, $"index {index}: D = {ks.Statistic:G3} over {list.Count} draws, p = {ks.PValue:G3}");
        }
    }

    [Fact]
    public void TotalsFollowAnyUpdatesAndSamplesNeverPickAZeroWeight()
    {
        // Random sizes, weights and updates, weights moving between groups and to and from zero: the running total
        // matches the exact sum, and every sample lands on a positive weight.
        PropertyCheck.Verify(Prop.ForAll(
            Gen.Choose(1, 70).SelectMany(size => Gen.ArrayOf(Gen.Choose(0, 1000), size)).ToArbitrary(),
            Gen.ArrayOf(Gen.Choose(0, 1_000_000)).ToArbitrary(),
            (int[] initial, int[] updates) =>
            {
                var sampler = Filled([.. initial.Select(w => (double)w)]);
                var weights = initial.Select(w => (double)w).ToArray();
                foreach (int update in updates)
                {
                    int index = update % weights.Length;
                    weights[index] = update % 997 == 0 ? 0 : Math.Pow(2, update % 40 - 20) * (1 + update % 13);
                    sampler.Set(index, weights[index]);
                }
                double total = weights.Sum();
                if (Math.Abs(sampler.Total - total) > 1e-9 * Math.Max(1, total)) return false;
                if (sampler.IsEmpty != (total == 0)) return false;
                if (total == 0) return true;
                var rng = new Xoshiro256StarStar((ulong)updates.Length + 1);
                for (int k = 0; k < 200; k++)
                    if (weights[sampler.Sample(rng.NextDouble() * sampler.Total, ref rng, out _)] <= 0) return false;
                return true;
            }));
    }

    [Fact]
    public void ShrinkingZeroesTheSlotsAndRebuildRemovesDrift()
    {
        var sampler = Filled([1, 2, 3, 4, 5, 6, 7, 8]);
        sampler.SetSize(3);
        Assert.Equal(6, sampler.Total);
        sampler.SetSize(8);
        Assert.Equal(6, sampler.Total);
        Assert.Equal(0, sampler[7]);

        // Many additions and subtractions of 0.1 leave rounding in the running sum; Rebuild recomputes it.
        for (int k = 0; k < 10_000; k++)
        {
            sampler.Set(1, 2.1);
            sampler.Set(1, 2);
        }
        sampler.Rebuild();
        Assert.Equal(sampler.ExactTotal(), sampler.Total);
    }

    [Fact]
    public void AfterARebuildDrawsDependOnTheWeightsAloneNotOnTheUpdatesThatLedThere()
    {
        // The same weights reached two ways: set in order, or set in reverse after other values came and went (which
        // reorders each group's members). A rebuild makes the two draw the same indices from the same stream.
        var inOrder = Filled(Weights);
        var shuffled = new CompositionRejectionSampler();
        shuffled.SetSize(Weights.Length + 3);
        for (int i = Weights.Length + 2; i >= 0; i--) shuffled.Set(i, 7.25);
        for (int i = Weights.Length - 1; i >= 0; i--) shuffled.Set(i, Weights[i]);
        shuffled.SetSize(Weights.Length);
        Assert.NotEqual(Draws(inOrder), Draws(shuffled));   // the test has teeth: the member order matters

        shuffled.Rebuild();
        Assert.Equal(Draws(inOrder), Draws(shuffled));
        inOrder.Rebuild();
        Assert.Equal(Draws(inOrder), Draws(shuffled));
    }

    /// <summary>χ² of 400,000 choices against the weights' proportions; a zero weight is never chosen.</summary>
    private static void AssertChosenInProportion(CompositionRejectionSampler sampler, double[] weights, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        const int draws = 400_000;
        var counts = new double[weights.Length];
        for (int k = 0; k < draws; k++) counts[sampler.Sample(rng.NextDouble() * sampler.Total, ref rng, out _)]++;

        var positive = Enumerable.Range(0, weights.Length).Where(i => weights[i] > 0).ToArray();
        Assert.All(Enumerable.Range(0, weights.Length).Except(positive), i => Assert.Equal(0, counts[i]));
        double total = weights.Sum();
        var fit = ChiSquareGoodnessOfFit.TestProbabilities([.. positive.Select(i => counts[i])], [.. positive.Select(i => weights[i] / total)]);
        Assert.True(fit.Test.PValue > 0.001, $"χ² = {fit.Test.Statistic:G4} on {fit.Test.DegreesOfFreedom} df, p = {fit.Test.PValue:G3}");
    }

    private static int[] Draws(CompositionRejectionSampler sampler)
    {
        var rng = new Xoshiro256StarStar(11);
        var picks = new int[2_000];
        for (int k = 0; k < picks.Length; k++) picks[k] = sampler.Sample(rng.NextDouble() * sampler.Total, ref rng, out _);
        return picks;
    }

    private static CompositionRejectionSampler Filled(double[] weights)
    {
        var sampler = new CompositionRejectionSampler();
        sampler.SetSize(weights.Length);
        for (int i = 0; i < weights.Length; i++) sampler.Set(i, weights[i]);
        return sampler;
    }
}
