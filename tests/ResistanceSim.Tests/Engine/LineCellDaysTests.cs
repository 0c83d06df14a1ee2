using ResistanceSim.Engine.Algorithms;

namespace ResistanceSim.Tests.Engine;

/// <summary>Expected cell-days of a birth–death line given its fate (<see cref="LineCellDays"/>).</summary>
public class LineCellDaysTests
{
    [Fact]
    public void CriticalLineMatchesItsClosedForm()
    {
        // λ = μ = τ = 1: E[∫n | extinct] = λ/(1+λτ)²·(τ²/2 + λτ³/3)/α with α = 1/2, i.e. 5/12; E[∫n | k cells] = 3/4 + 5k/12.
        var line = LineCellDays.Of(1, 1, 1);
        Assert.Equal(5.0 / 12, line.Extinct, 12);
        Assert.Equal(3.0 / 4, line.Surviving, 12);
    }

    [Theory]
    [InlineData(1.0, 1.0, 10.0)]
    [InlineData(1.0, 1.0 - 1e-7, 3.0)]       // near-critical series
    [InlineData(1.0, 0.9999, 3.0)]           // just past it
    [InlineData(1.3, 1.0, 10.0)]             // |r|τ > 1: closed form
    [InlineData(1.3, 1.0, 1e-4)]
    [InlineData(0.5, 1.5, 20.0)]             // survival improbable
    [InlineData(0.0, 1.0, 2.0)]              // pure death
    [InlineData(1.0, 0.0, 5.0)]              // pure birth
    public void AveragedOverTheTransitionItGivesTheUnconditionalMean(double birth, double death, double tau)
    {
        // E[cell-days] = α·Extinct + (1 − α)·Surviving + Extinct·E n(τ) must equal E∫n = (e^{rτ} − 1)/r.
        var line = LineCellDays.Of(birth, death, tau);
        double r = birth - death;
        double mean = r == 0 ? tau : double.ExpM1(r * tau) / r;
        BirthDeathTransition.Probabilities(birth, death, tau, out double survive, out _);
        double averaged = (1 - survive) * line.Extinct + survive * line.Surviving + line.Extinct * Math.Exp(r * tau);
        Assert.Equal(1, averaged / mean, 8);
        Assert.True(line.Extinct >= 0 && line.Extinct <= tau, $"a line that died lived at most τ cell-days: {line.Extinct}");
    }
}
