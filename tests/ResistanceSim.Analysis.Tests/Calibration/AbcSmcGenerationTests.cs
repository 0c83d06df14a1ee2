using ResistanceSim.Analysis.Calibration;
using ResistanceSim.Model.Calibration;
using Xunit;

namespace ResistanceSim.Analysis.Tests.Calibration;

public class AbcSmcGenerationTests
{
    /// <summary>Runs ABC-SMC on a model whose distance is known in closed form, evaluating proposals in the given batch size.</summary>
    private static List<AbcPopulation> Fit(Prior[] priors, Func<double[], double> distance, int particles, int generations, int batch, ulong seed = 5)
    {
        var populations = new List<AbcPopulation>();
        AbcPopulation? previous = null;
        for (int g = 0; g < generations; g++)
        {
            var generation = new AbcSmcGeneration(g, priors, previous, particles, 0.5, seed);
            for (int k = 0; !generation.IsComplete; k += batch)
                for (int i = k; i < k + batch; i++)
                {
                    var values = generation.Propose(i);
                    generation.Offer(i, values, distance(values));
                }
            previous = generation.Build();
            populations.Add(previous);
        }
        return populations;
    }

    [Fact]
    public void AGaussianLikelihoodIsRecoveredWithoutWeightCollapse()
    {
        // Distance |θ − 3| with tolerance shrinking: the ABC posterior tends to uniform on [3 − ε, 3 + ε].
        Prior[] priors = [new UniformPrior(0, 10)];
        var populations = Fit(priors, v => Math.Abs(v[0] - 3), particles: 200, generations: 8, batch: 1);
        var last = populations[^1];
        Assert.InRange(last.Quantile(0, 0.5), 3 - last.Epsilon, 3 + last.Epsilon);
        Assert.True(last.Epsilon < 0.1, $"tolerance {last.Epsilon}");
        // Weights stay spread: with a posterior far narrower than the prior, importance weights are nearly equal.
        Assert.True(last.EffectiveSampleSize > 0.5 * last.Count, $"effective sample size {last.EffectiveSampleSize} of {last.Count}");
    }

    [Fact]
    public void ThreeCorrelatedParametersConvergeToTheTruth()
    {
        double[] truth = CorrelatedRidge.Truth;
        var all = Fit(CorrelatedRidge.Priors, CorrelatedRidge.Distance, particles: 100, generations: 10, batch: 1);
        var last = all[^1];
        string trace = CorrelatedRidge.Trace(all);
        for (int j = 0; j < truth.Length; j++)
            Assert.True(truth[j] >= last.Quantile(j, 0.05) && truth[j] <= last.Quantile(j, 0.95), trace);
        Assert.True(last.EffectiveSampleSize > 0.3 * last.Count, $"effective sample size {last.EffectiveSampleSize} of {last.Count}");
    }

    [Fact]
    public void ThePopulationDoesNotDependOnTheBatchSize()
    {
        Prior[] priors = [new UniformPrior(0, 10), new NormalPrior(0, 1, -3, 3)];
        double Distance(double[] v) => Math.Abs(v[0] - 3) + Math.Abs(v[1] - 0.5);
        var one = Fit(priors, Distance, particles: 50, generations: 4, batch: 1)[^1];
        var seven = Fit(priors, Distance, particles: 50, generations: 4, batch: 7)[^1];
        Assert.Equal(one.Sources, seven.Sources);
        Assert.Equal(one.Weights, seven.Weights);
    }

    [Fact]
    public void ResultsMayArriveInAnyOrder()
    {
        Prior[] priors = [new UniformPrior(0, 10)];
        var previous = Fit(priors, v => Math.Abs(v[0] - 3), particles: 20, generations: 2, batch: 1)[^1];
        var inOrder = new AbcSmcGeneration(2, priors, previous, 20, 0.5, 5);
        var reversed = new AbcSmcGeneration(2, priors, previous, 20, 0.5, 5);
        int needed = 0;
        while (!inOrder.IsComplete) { inOrder.Offer(needed, inOrder.Propose(needed), Math.Abs(inOrder.Propose(needed)[0] - 3)); needed++; }
        for (int k = needed + 10; k >= 0; k--) reversed.Offer(k, reversed.Propose(k), Math.Abs(reversed.Propose(k)[0] - 3));
        Assert.Equal(inOrder.Build().Sources, reversed.Build().Sources);
    }

    [Fact]
    public void AGenerationIsNotCompleteWhileAnEarlierProposalIsMissing()
    {
        Prior[] priors = [new UniformPrior(0, 1)];
        var generation = new AbcSmcGeneration(0, priors, null, 2, 0.5, 1);
        generation.Offer(1, [0.5], 0.1);
        generation.Offer(2, [0.5], 0.1);
        Assert.False(generation.IsComplete);
        generation.Offer(0, [0.5], double.PositiveInfinity);
        Assert.True(generation.IsComplete);
        Assert.Equal([new ParticleSource(0, 1), new ParticleSource(0, 2)], generation.Build().Sources);
    }

    [Fact]
    public void PriorDrawsOfDifferentParametersAreIndependent()
    {
        // Regression: binding the stream's method group copied the struct, so every parameter drew the same uniform.
        Prior[] priors = [new UniformPrior(0, 1), new UniformPrior(0, 1)];
        var generation = new AbcSmcGeneration(0, priors, null, 2, 0.5, 3);
        var draws = Enumerable.Range(0, 400).Select(generation.Propose).ToArray();
        double meanX = draws.Average(d => d[0]), meanY = draws.Average(d => d[1]);
        double covariance = draws.Average(d => (d[0] - meanX) * (d[1] - meanY));
        double correlation = covariance / Math.Sqrt(draws.Average(d => Math.Pow(d[0] - meanX, 2)) * draws.Average(d => Math.Pow(d[1] - meanY, 2)));
        // Independent: the sample correlation of 400 pairs has standard error 1/√400 = 0.05; allow 4 of them.
        Assert.InRange(correlation, -0.2, 0.2);
    }

    [Fact]
    public void TheMissingProposalsAreThoseBeforeTheLastNeededAcceptance()
    {
        Prior[] priors = [new UniformPrior(0, 1)];
        var generation = new AbcSmcGeneration(0, priors, null, 2, 0.5, 1);
        generation.Offer(0, [0.5], 0.1);
        Assert.Empty(generation.MissingBeforeComplete());   // one acceptance of the two needed: keep proposing
        generation.Offer(3, [0.5], 0.1);
        Assert.Equal([1, 2], generation.MissingBeforeComplete());
        generation.Offer(1, [0.5], double.PositiveInfinity);
        Assert.Equal([2], generation.MissingBeforeComplete());
        generation.Offer(2, [0.5], double.PositiveInfinity);
        Assert.True(generation.IsComplete);
        Assert.Empty(generation.MissingBeforeComplete());
    }
}
