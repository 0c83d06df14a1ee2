using ResistanceSim.Engine.Running;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Engine;

/// <summary>
/// The uncleared killed cells' integral (<see cref="UnclearedKills"/>): killed cells arriving at a rate exponential in
/// time (or linear, when one end is 0) over a held interval, cleared at λ, against the integral done by quadrature.
/// </summary>
public class UnclearedKillsTests
{
    private const double HalfLifeDays = 20;
    private static readonly double Clearance = Math.Log(2) / HalfLifeDays;

    [Theory]
    [InlineData(1e6, 1e6, 0.05)]
    [InlineData(1e6, 1e6, 42)]
    [InlineData(1e6, 3e4, 42)]    // shrinking under a drug
    [InlineData(2e5, 9e6, 42)]    // regrowing
    [InlineData(1e6, 0.5e6, 0.125)]
    public void ExponentialArrivalsAreIntegratedExactly(double start, double end, double span)
    {
        double g = Math.Log(end / start) / span;
        double expected = Quadrature(s => start * Math.Exp(g * s) * Math.Exp(-Clearance * (span - s)), span);
        double got = UnclearedKills.Arrived(start, end, span, Clearance, Math.Exp(-Clearance * span));
        Assert.Equal(expected, got, expected * 1e-9);
    }

    [Fact]
    public void ArrivalsShrinkingAsFastAsTheyClearAreIntegratedExactly()
    {
        const double span = 30;
        double end = 1e6 * Math.Exp(-Clearance * span);   // (g + λ)Δ = 0: the closed form's removable singularity
        double got = UnclearedKills.Arrived(1e6, end, span, Clearance, Math.Exp(-Clearance * span));
        Assert.Equal(1e6 * span * Math.Exp(-Clearance * span), got, 1e-3);
    }

    [Theory]
    [InlineData(0, 1e6, 42)]
    [InlineData(1e6, 0, 42)]
    [InlineData(0, 1e6, 1e-4)]   // λΔ small: the series
    public void ArrivalsFromOrToNothingAreIntegratedAsALine(double start, double end, double span)
    {
        double expected = Quadrature(s => (start + (end - start) * s / span) * Math.Exp(-Clearance * (span - s)), span);
        double got = UnclearedKills.Arrived(start, end, span, Clearance, Math.Exp(-Clearance * span));
        Assert.Equal(expected, got, expected * 1e-9);
    }

    [Fact]
    public void ManyShortHoldsAddUpToOneLongOne()
    {
        // One clone shrinking at 0.15/day under a drug that kills 0.2 of its cells a day: the arrival rate at any day is
        // known, so advancing daily or once must give the same uncleared cells.
        static double Arrivals(double day) => 0.2 * 1e9 * Math.Exp(-0.15 * day);
        var daily = new UnclearedKills();
        var once = new UnclearedKills();
        daily.Reset(HalfLifeDays);
        once.Reset(HalfLifeDays);
        daily.Hold(Arrivals(0));
        once.Hold(Arrivals(0));
        for (int day = 1; day <= 42; day++)
        {
            daily.AdvanceTo(day, Arrivals(day));
            daily.Hold(Arrivals(day));
        }
        once.AdvanceTo(42, Arrivals(42));
        Assert.Equal(once.Cells, daily.Cells, once.Cells * 1e-12);
        Assert.True(once.Cells > 0);
    }

    [Fact]
    public void ClearingStartsAfreshWithEachPeriodAndKeepsWhatIsLeft()
    {
        var kills = new UnclearedKills();
        kills.Reset(HalfLifeDays);
        kills.Hold(1e6);
        kills.AdvanceTo(10, 1e6);
        double left = kills.Cells;
        kills.Hold(0);
        kills.Rebase();   // day 10 is day 0 of the next period
        kills.AdvanceTo(HalfLifeDays, 0);
        Assert.Equal(left / 2, kills.Cells, left * 1e-12);
    }

    [Fact]
    public void WithoutAHalfLifeNothingIsKept()
    {
        var kills = new UnclearedKills();
        kills.Reset(0);
        kills.Hold(1e6);
        kills.AdvanceTo(42, 1e6);
        Assert.False(kills.Active);
        Assert.Equal(0, kills.Cells);
    }

    /// <summary>Simpson's rule on 20,000 panels: far below the tolerances above for these smooth integrands.</summary>
    private static double Quadrature(Func<double, double> f, double span) => Simpson.Integrate(f, 0, span, 20_000);
}
