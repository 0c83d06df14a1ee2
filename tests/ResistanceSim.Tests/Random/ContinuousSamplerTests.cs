using MathNet.Numerics.Distributions;
using ResistanceSim.Engine.Random;
using Xunit;

namespace ResistanceSim.Tests.Random;

public class ContinuousSamplerTests
{
    // 2e5 draws: the KS critical distance at α = 1e-4 is 0.0050.
    private const int SampleSize = 200_000;

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.01)]
    [InlineData(1e3)]
    public void Exponential_matches_its_CDF_and_moments(double rate)
    {
        double[] samples = Draws.Continuous(SampleSize, 77, (ref Xoshiro256StarStar rng) => Samplers.Exponential(ref rng, rate));
        GoodnessOfFit.AssertKolmogorovSmirnov(samples, x => Exponential.CDF(rate, x), $"Exponential({rate})");
        GoodnessOfFit.AssertMoments(samples, 1 / rate, 1 / (rate * rate), 6, $"Exponential({rate})");
        Assert.All(samples, x => Assert.True(x > 0 && double.IsFinite(x)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Exponential_rejects_invalid_rates(double rate)
    {
        var rng = new Xoshiro256StarStar(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => Samplers.Exponential(ref rng, rate));
    }

    [Fact]
    public void Normal_matches_its_CDF_and_moments()
    {
        double[] samples = Draws.Continuous(SampleSize, 78, (ref Xoshiro256StarStar rng) => Samplers.Normal(ref rng, 3, 2));
        GoodnessOfFit.AssertKolmogorovSmirnov(samples, x => Normal.CDF(3, 2, x), "Normal(3, 2)");
        GoodnessOfFit.AssertMoments(samples, 3, 4, 0, "Normal(3, 2)");
    }

    [Fact]
    public void Normal_rejects_invalid_parameters()
    {
        var rng = new Xoshiro256StarStar(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => Samplers.Normal(ref rng, 0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Samplers.Normal(ref rng, double.NaN, 1));
    }
}
