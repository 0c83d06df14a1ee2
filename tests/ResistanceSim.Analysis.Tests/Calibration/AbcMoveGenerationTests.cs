using ResistanceSim.Analysis.Calibration;
using ResistanceSim.Model.Calibration;
using Xunit;

namespace ResistanceSim.Analysis.Tests.Calibration;

public class AbcMoveGenerationTests
{
    /// <summary>Generation 0 from the prior, then move generations, offering results in the given order.</summary>
    private static List<AbcPopulation> Fit(Prior[] priors, Func<double[], double> distance, int particles, int generations, double quantile = 0.5,
        bool reversed = false, ulong seed = 11)
    {
        var first = new AbcSmcGeneration(0, priors, null, particles, quantile, seed);
        for (int k = 0; !first.IsComplete; k++) first.Offer(k, first.Propose(k), distance(first.Propose(k)));
        var populations = new List<AbcPopulation> { first.Build() };
        for (int g = 1; g < generations; g++)
        {
            var generation = new AbcMoveGeneration(g, priors, populations[^1], particles, quantile, seed);
            var order = Enumerable.Range(0, particles);
            foreach (int k in reversed ? order.Reverse() : order)
            {
                var values = generation.Propose(k);
                generation.Offer(k, values, distance(values));
            }
            populations.Add(generation.Build());
        }
        return populations;
    }

    [Theory]
    [InlineData(0.5, 0.5)]
    [InlineData(-0.25, 0.25)]   // below the low bound: mirrored into it
    [InlineData(1.25, 0.75)]    // above the high bound
    [InlineData(2.25, 0.25)]    // beyond twice the width: folded back and forth
    [InlineData(-1.5, 0.5)]
    public void AStepOutsideAFiniteSupportIsReflectedBackIntoIt(double z, double expected) =>
        Assert.Equal(expected, AbcMoveGeneration.Reflect(z, 0, 1), 12);

    [Fact]
    public void AHalfBoundedSupportReflectsAtItsOneBound()
    {
        Assert.Equal(1.5, AbcMoveGeneration.Reflect(0.5, 1, double.PositiveInfinity), 12);
        Assert.Equal(7.0, AbcMoveGeneration.Reflect(7.0, 1, double.PositiveInfinity), 12);
        Assert.Equal(-3.0, AbcMoveGeneration.Reflect(-3.0, double.NegativeInfinity, double.PositiveInfinity), 12);
    }

    [Fact]
    public void WithEveryDistanceZeroTheMovesLeaveThePriorUnchanged()
    {
        // Every member is within any tolerance, so each generation only resamples and moves: a correct Metropolis–Hastings
        // step (prior ratio, reflected symmetric walk) keeps the prior. Without the prior ratio the truncated normal would
        // drift toward uniform on [−1, 2] (mean 0.5 instead of 0.23); with clamping instead of reflection the uniform
        // would pile up at its bounds.
        Prior[] priors = [new NormalPrior(0, 1, -1, 2), new UniformPrior(0, 1)];
        const int particles = 4000, generations = 6;
        var last = Fit(priors, _ => 0, particles, generations)[^1];
        // Each resampling adds at most the variance of a fresh sample to the population mean, so after G generations
        // Var(mean) ≤ (G + 1) σ² / N; 4 such standard errors.
        double Tolerance(double sd) => 4 * sd * Math.Sqrt((double)generations / particles);
        // Truncated standard normal on [−1, 2]: mean (φ(−1) − φ(2)) / (Φ(2) − Φ(−1)).
        double phiLow = Math.Exp(-0.5) / Math.Sqrt(2 * Math.PI), phiHigh = Math.Exp(-2) / Math.Sqrt(2 * Math.PI), mass = 0.97725 - 0.15866;
        double truncatedMean = (phiLow - phiHigh) / mass;
        var first = last.Values.Select(v => v[0]).ToArray();
        Assert.InRange(first.Average(), truncatedMean - Tolerance(0.75), truncatedMean + Tolerance(0.75));
        var second = last.Values.Select(v => v[1]).ToArray();
        Assert.InRange(second.Average(), 0.5 - Tolerance(0.29), 0.5 + Tolerance(0.29));
        // The outer tenth of the uniform (5% at each end) holds a tenth of the members, as a binomial share.
        double outer = second.Count(x => x < 0.05 || x > 0.95) / (double)particles;
        Assert.InRange(outer, 0.1 - Tolerance(0.3), 0.1 + Tolerance(0.3));
    }

    [Fact]
    public void TheTolerancesShrinkAndThePopulationConcentratesOnTheTruth()
    {
        Prior[] priors = [new UniformPrior(0, 10)];
        var all = Fit(priors, v => Math.Abs(v[0] - 3), particles: 200, generations: 10);
        var last = all[^1];
        Assert.True(last.Epsilon < 0.1, $"tolerance {last.Epsilon}");
        Assert.All(last.Values, v => Assert.InRange(v[0], 3 - last.Epsilon, 3 + last.Epsilon));
        Assert.All(all.Skip(1).Zip(all.Skip(2)), pair => Assert.True(pair.Second.Epsilon <= pair.First.Epsilon));
        // Equal weights; the distinct sets that remain after resampling keep the effective sample size well away from 1.
        Assert.All(last.Weights, w => Assert.Equal(1.0 / 200, w, 12));
        Assert.True(last.EffectiveSampleSize > 0.2 * last.Count, $"effective sample size {last.EffectiveSampleSize}");
    }

    [Fact]
    public void ThreeCorrelatedParametersConvergeToTheTruth()
    {
        double[] truth = CorrelatedRidge.Truth;
        var all = Fit(CorrelatedRidge.Priors, CorrelatedRidge.Distance, particles: 200, generations: 20);
        var last = all[^1];
        string trace = CorrelatedRidge.Trace(all);
        for (int j = 0; j < truth.Length; j++)
            Assert.True(truth[j] >= last.Quantile(j, 0.05) && truth[j] <= last.Quantile(j, 0.95), trace);
        Assert.True(last.Epsilon < 1, trace);
    }

    [Fact]
    public void ThePopulationDoesNotDependOnTheOrderResultsArrive()
    {
        Prior[] priors = [new UniformPrior(0, 10), new LogUniformPrior(1e-9, 1e-6)];
        double Distance(double[] v) => Math.Abs(v[0] - 4) + Math.Abs(Math.Log10(v[1]) + 7.5);
        var inOrder = Fit(priors, Distance, particles: 50, generations: 4)[^1];
        var reversed = Fit(priors, Distance, particles: 50, generations: 4, reversed: true)[^1];
        Assert.Equal(inOrder.Sources, reversed.Sources);
        Assert.Equal(inOrder.Values.SelectMany(v => v), reversed.Values.SelectMany(v => v));
    }

    [Fact]
    public void ARefusedMoveKeepsItsAncestorAndItsEvaluation()
    {
        Prior[] priors = [new UniformPrior(0, 1)];
        var first = Fit(priors, v => v[0], particles: 20, generations: 1)[0];
        var generation = new AbcMoveGeneration(1, priors, first, 20, 0.5, 11);
        for (int k = 0; k < 20; k++) generation.Offer(k, generation.Propose(k), double.PositiveInfinity);   // every move fails
        var population = generation.Build();
        Assert.Equal(0, generation.Accepted);
        Assert.All(population.Sources, s => Assert.Equal(0, s.Generation));
        for (int k = 0; k < 20; k++)
        {
            int ancestor = first.Sources.ToList().IndexOf(population.Sources[k]);
            Assert.Equal(first.Values[ancestor], population.Values[k]);
            Assert.Equal(first.Distances[ancestor], population.Distances[k]);
            Assert.True(population.Distances[k] <= generation.Epsilon, "only members within the tolerance are resampled");
        }
    }

    [Fact]
    public void AGenerationNeedsExactlyItsParticlesAndSaysWhichAreMissing()
    {
        Prior[] priors = [new UniformPrior(0, 1)];
        var first = Fit(priors, v => v[0], particles: 4, generations: 1)[0];
        var generation = new AbcMoveGeneration(1, priors, first, 4, 0.5, 3);
        Assert.Equal(4, generation.ProposalLimit);
        Assert.True(generation.WantsMoreProposals);
        generation.Offer(2, generation.Propose(2), 0);
        Assert.Equal([0, 1, 3], generation.MissingBeforeComplete());
        Assert.Throws<ArgumentOutOfRangeException>(() => generation.Offer(4, [0.5], 0));
        foreach (int k in new[] { 0, 1, 3 }) generation.Offer(k, generation.Propose(k), 0);
        Assert.True(generation.IsComplete);
        Assert.False(generation.WantsMoreProposals);
    }
}
