using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Random;
using ResistanceSim.Tests.Random;
using Xunit;

namespace ResistanceSim.Tests.Engine;

/// <summary>
/// The hybrid engine's one-cell line by its events (<see cref="BirthDeathTransition.SampleOneCell"/>) against the
/// closed form (Kendall 1948): extinct with probability 1 − s, otherwise 1 + Geometric(q) cells.
/// </summary>
public class OneCellTransitionTests
{
    [Theory]
    [InlineData(0.14, 0.13, 0.25)]   // a mutant founded within a trial leap: most lines have no event
    [InlineData(1.0, 0.9, 0.9)]      // just under the loop's limit of one expected event: several events
    [InlineData(0.5, 0.7, 1.2)]      // a shrinking clone
    [InlineData(0.6, 0.1, 0.0)]      // no time: the cell itself
    public void TheEventLoopHasTheClosedFormsLaw(double birth, double death, double tau)
    {
        long[] draws = Draws.Discrete(400_000, 17, (ref Xoshiro256StarStar rng) => BirthDeathTransition.SampleOneCell(ref rng, birth, death, tau));
        if (tau == 0)
        {
            Assert.All(draws, n => Assert.Equal(1, n));
            return;
        }
        BirthDeathTransition.Probabilities(birth, death, tau, out double survive, out double q);
        double Pmf(long k) => k == 0 ? 1 - survive : survive * q * Math.Pow(1 - q, k - 1);
        GoodnessOfFit.AssertChiSquare(draws, Pmf, cdf: null, 0, 200, $"one cell, λ {birth}, μ {death}, τ {tau}");
    }

    [Fact]
    public void AboveOneExpectedEventItIsTheClosedFormDrawForDraw()
    {
        var byEvents = new Xoshiro256StarStar(3);
        var closedForm = new Xoshiro256StarStar(3);
        for (int i = 0; i < 1_000; i++)
            Assert.Equal(BirthDeathTransition.Sample(ref closedForm, 1, 1.0, 0.5, 2.0), BirthDeathTransition.SampleOneCell(ref byEvents, 1.0, 0.5, 2.0));
    }
}
