using ResistanceSim.Analysis.GoodnessOfFit;
using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Random;
using Xunit;

namespace ResistanceSim.Tests.Engine;

/// <summary>
/// The hybrid engine's batch of one-cell lines born along a leap (<see cref="ImmigrantLines.CellsAtEnd"/>): the same
/// law as drawing each line's birth time and events in turn, and the mean the closed forms give.
/// </summary>
public class ImmigrantLinesTests
{
    private const int Replicates = 100_000;

    [Theory]
    [InlineData(50L, 0.01, 0.25, 0.14, 0.13)]    // a trial leap: few lines change
    [InlineData(40L, 2.0, 1.0, 0.5, 0.4)]        // a steep path and one expected event per line
    [InlineData(30L, -0.8, 0.6, 0.3, 0.9)]       // a shrinking path into a shrinking clone
    [InlineData(20L, -1.2, 0.5, 0.4, 0.8)]       // the path shrinks at the lines' event rate (g = −(λ + μ))
    public void TheBatchHasTheLawOfLinesDrawnOneByOne(long count, double growth, double tau, double birth, double death)
    {
        var batched = new Xoshiro256StarStar(61);
        var oneByOne = new Xoshiro256StarStar(62);
        var batch = new double[Replicates];
        var reference = new double[Replicates];
        for (int i = 0; i < Replicates; i++)
        {
            batch[i] = ImmigrantLines.CellsAtEnd(ref batched, count, growth, tau, birth, death, CancellationToken.None);
            long cells = 0;
            for (long c = 0; c < count; c++)   // below BatchFrom every line is drawn on its own
                cells += ImmigrantLines.CellsAtEnd(ref oneByOne, 1, growth, tau, birth, death, CancellationToken.None);
            reference[i] = cells;
        }
        var ks = KolmogorovSmirnovTest.TwoSample(batch, reference);
        Assert.True(ks.PValue > 1e-4, $"KS D = {ks.Statistic}, p = {ks.PValue}");

        // E[cells] = count ∫ f(s) e^{(λ−μ)(τ−s)} ds.
        double expected = count * OverBirthTimes(growth, tau, timeLeft => Math.Exp((birth - death) * timeLeft));
        double mean = batch.Average();
        double sd = Math.Sqrt(Variance(batch, mean));
        Assert.InRange(mean, expected - 4.5 * sd / Math.Sqrt(Replicates), expected + 4.5 * sd / Math.Sqrt(Replicates));
    }

    /// <summary>
    /// Thousands of changed lines summed by their mean and variance: the same law, by KS and by the first two moments, as
    /// the same lines drawn one by one (the batch below <see cref="ImmigrantLines.MomentsFrom"/>).
    /// </summary>
    [Theory]
    [InlineData(40_000L, 0.01, 0.25, 0.14, 0.13)]   // a brain site seeded at 1e-3 per division by a trial's tumour
    [InlineData(6_000L, 2.0, 1.0, 0.5, 0.4)]        // a steep path and one expected event per line
    [InlineData(6_000L, -0.8, 0.6, 0.3, 0.9)]       // a shrinking path into a shrinking clone
    [InlineData(20_000L, 0.05, 0.5, 0.3, 0.3)]      // no net growth (δ = 0)
    public void ThousandsOfChangedLinesSummedByTheirMomentsHaveTheLawOfTheLines(long count, double growth, double tau,
        double birth, double death)
    {
        const int replicates = 20_000;
        var byMoments = new Xoshiro256StarStar(71);
        var byLines = new Xoshiro256StarStar(72);
        var summed = new double[replicates];
        var lines = new double[replicates];
        for (int i = 0; i < replicates; i++)
        {
            summed[i] = ImmigrantLines.CellsAtEnd(ref byMoments, count, growth, tau, birth, death, CancellationToken.None);
            lines[i] = ImmigrantLines.CellsAtEnd(ref byLines, count, growth, tau, birth, death, long.MaxValue, CancellationToken.None);
        }
        // The cases must reach the moments: the changed lines' expected number, count·p̄ with p̄ = 1 − E[e^{−(λ+μ)(τ−s)}]
        // over the birth time s, is well above the threshold.
        double expectedChanged = count * (1 - OverBirthTimes(growth, tau, timeLeft => Math.Exp(-(birth + death) * timeLeft)));
        Assert.True(expectedChanged > 1.2 * ImmigrantLines.MomentsFrom, $"{expectedChanged:F0} changed lines expected");
        var ks = KolmogorovSmirnovTest.TwoSample(summed, lines);
        Assert.True(ks.PValue > 1e-4, $"KS D = {ks.Statistic}, p = {ks.PValue}");
        // Means within 4.5 standard errors of their difference; variances within 4.5 of theirs (normal theory, 2σ⁴/(n−1)).
        double meanS = summed.Average(), meanL = lines.Average();
        double varS = Variance(summed, meanS), varL = Variance(lines, meanL);
        Assert.InRange(meanS - meanL, -4.5 * Math.Sqrt((varS + varL) / replicates), 4.5 * Math.Sqrt((varS + varL) / replicates));
        double varianceError = Math.Sqrt(2.0 / (replicates - 1) * (varS * varS + varL * varL));
        Assert.InRange(varS - varL, -4.5 * varianceError, 4.5 * varianceError);
    }

    [Fact]
    public void ACancelledRunStopsInALargeBatchDrawnLineByLine()
    {
        using var stop = new CancellationTokenSource();
        stop.Cancel();
        var rng = new Xoshiro256StarStar(1);
        Assert.Throws<OperationCanceledException>(() =>
            ImmigrantLines.CellsAtEnd(ref rng, 10_000_000, 0.1, 0.5, 0.5, 0.4, long.MaxValue, stop.Token));
    }

    /// <summary>
    /// ∫ f(s) h(τ − s) ds with f the birth-time density ∝ e^{gs} of a line born on the parent's path over [0, τ), by the
    /// midpoint rule: the closed forms the tests check the sampler against.
    /// </summary>
    private static double OverBirthTimes(double growth, double tau, Func<double, double> ofTimeLeft)
    {
        const int steps = 20_000;
        double weight = 0, sum = 0;
        for (int k = 0; k < steps; k++)
        {
            double s = (k + 0.5) * tau / steps;
            double f = Math.Exp(growth * s);
            weight += f;
            sum += f * ofTimeLeft(tau - s);
        }
        return sum / weight;
    }

    private static double Variance(double[] values, double mean) =>
        values.Sum(x => (x - mean) * (x - mean)) / (values.Length - 1);
}
