using FsCheck;
using FsCheck.Fluent;
using ResistanceSim.Plotting.Scales;
using ResistanceSim.Testing;

namespace ResistanceSim.Plotting.Tests;

public class NiceTicksPropertyTests
{
    /// <summary>Ranges from 1e-12 to 1e17 in magnitude, negative and positive, with 2..15 target ticks.</summary>
    private static readonly Arbitrary<(double Min, double Max, int Target)> LinearRanges =
        Gen.Choose(-99999, 99999).SelectMany(a => Gen.Choose(-12, 12), (a, e) => a * Math.Pow(10, e))
            .SelectMany(_ => Gen.Choose(1, 99999).SelectMany(b => Gen.Choose(-12, 12), (b, e) => b * Math.Pow(10, e)), (min, span) => (min, span))
            .Where(r => r.span > Math.Abs(r.min) * 1e-6) // a span below float resolution of min is not an axis
            .SelectMany(_ => Gen.Choose(2, 15), (r, target) => (r.min, r.min + r.span, target))
            .ToArbitrary();

    private static readonly Arbitrary<(double Min, double Max)> LogRanges =
        Gen.Choose(-3000, 3000).SelectMany(_ => Gen.Choose(1, 4000), (lo, span) => (Math.Pow(10, lo / 100.0), Math.Pow(10, (lo + span) / 100.0)))
            .ToArbitrary();

    [Fact]
    public void Linear_ticks_cover_the_range_with_a_constant_1_2_5_step_and_a_reasonable_count()
    {
        PropertyCheck.Verify(Prop.ForAll(LinearRanges, r =>
        {
            var ticks = NiceTicks.Linear(r.Min, r.Max, r.Target);
            double step = NiceTicks.LinearStep(r.Min, r.Max, r.Target).Step;
            double tolerance = step * 1e-6;
            bool covers = ticks[0] <= r.Min + tolerance && ticks[^1] >= r.Max - tolerance;
            bool monotone = ticks.Zip(ticks.Skip(1)).All(p => p.Second > p.First);
            bool constantStep = ticks.Zip(ticks.Skip(1)).All(p => Math.Abs(p.Second - p.First - step) <= tolerance);
            double mantissa = step / Math.Pow(10, Math.Floor(Math.Log10(step) + 1e-9));
            bool nice = new[] { 1.0, 2.0, 5.0 }.Any(m => Math.Abs(mantissa - m) < 1e-6);
            bool onGrid = ticks.All(t => Math.Abs((t / step) - Math.Round(t / step)) < 1e-6);
            bool count = ticks.Length >= 2 && ticks.Length <= (2 * r.Target) + 3 && ticks.Length >= (r.Target / 2.0) + 1;
            return covers && monotone && constantStep && nice && onGrid && count;
        }));
    }

    [Fact]
    public void Linear_ticks_of_round_ranges_are_the_obvious_ones()
    {
        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8, 1.0], NiceTicks.Linear(0, 1, 5));
        Assert.Equal([0, 10, 20, 30, 40, 50, 60], NiceTicks.Linear(0, 60, 6));
        Assert.Equal([-1, -0.5, 0, 0.5, 1], NiceTicks.Linear(-0.93, 0.97, 4));
        Assert.Equal(0.3, NiceTicks.Linear(0, 1, 10)[3]); // not 0.30000000000000004
    }

    [Fact]
    public void Degenerate_and_invalid_ranges_are_handled()
    {
        var single = NiceTicks.Linear(5, 5, 5);
        Assert.True(single[0] < 5 && single[^1] > 5);
        Assert.Throws<ArgumentOutOfRangeException>(() => NiceTicks.Linear(double.NaN, 1, 5));
        Assert.Throws<ArgumentException>(() => NiceTicks.Linear(2, 1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => NiceTicks.Log(0, 10));
    }

    [Fact]
    public void Log_ticks_are_powers_of_ten_covering_the_range_at_a_constant_decade_stride()
    {
        PropertyCheck.Verify(Prop.ForAll(LogRanges, r =>
        {
            var ticks = NiceTicks.Log(r.Min, r.Max);
            bool powers = ticks.All(t => t == NiceTicks.PowerOfTen((int)Math.Round(Math.Log10(t))));
            bool covers = ticks[0] <= r.Min * (1 + 1e-12) && ticks[^1] >= r.Max * (1 - 1e-12);
            double[] exponents = [.. ticks.Select(t => Math.Round(Math.Log10(t)))];
            double stride = exponents.Length > 1 ? exponents[1] - exponents[0] : 1;
            bool constant = exponents.Zip(exponents.Skip(1)).All(p => p.Second - p.First == stride && stride >= 1);
            bool count = ticks.Length >= 2 && ticks.Length <= 12;
            // Minor ticks are 2..9 x 10^k strictly inside the range, only when no decade is skipped.
            var minor = NiceTicks.LogMinor(r.Min, r.Max);
            bool minorOk = minor.All(m => m > r.Min && m < r.Max) && (stride == 1 || minor.Length == 0);
            return powers && covers && constant && count && minorOk;
        }));
    }

    [Fact]
    public void Log_ticks_of_a_concentration_range_are_decades()
    {
        Assert.Equal([1, 10, 100, 1000, 10000], NiceTicks.Log(1, 10000));
        Assert.Equal([0.1, 1, 10], NiceTicks.Log(0.3, 7));
        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 9, 20, 30, 40, 50, 60, 70, 80, 90], NiceTicks.LogMinor(1, 100));
    }
}
