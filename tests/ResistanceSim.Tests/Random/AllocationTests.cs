using ResistanceSim.Engine.Random;
using Xunit;

namespace ResistanceSim.Tests.Random;

/// <summary>The samplers run in the engines' inner loops and must never allocate.</summary>
public class AllocationTests
{
    private const int Draws = 100_000;

    // Created once here: in a Debug build a span collection expression inside Run would allocate.
    private static readonly double[] Probabilities = [0.2, 0.3, 0.5];
    private static readonly double[] Weights = [1, 0, 3];

    public static TheoryData<string> SamplerNames => new()
    {
        "uniforms", "Exponential", "Normal", "ziggurat normal", "Poisson(0.5)", "Poisson(1e4)", "Poisson(1e16)",
        "Binomial(20, 0.3)", "Binomial(1e6, 0.4)", "Binomial(1e12, 0.999)", "Multinomial",
        "Hypergeometric(1000, 30, 100)", "Hypergeometric(1e9, 1000, 1e8)", "Categorical",
    };

    [Theory]
    [MemberData(nameof(SamplerNames))]
    public void Sampler_does_not_allocate(string sampler)
    {
        // Warm up with the very draws measured below (same stream): every branch and callee they reach is jitted
        // (and on-stack-replaced) first, so the measurement sees only the sampler. A shorter warm-up left a rare
        // branch of the large hypergeometric to be jitted inside the measured loop (4,456 bytes, once in a CI run).
        // The runtime can still allocate once on this thread while a measured pass runs (3,560 bytes for the
        // uniforms, once, on a machine at load 13, where tiering's background compiles run late); the same draws
        // repeat exactly in every pass, so an allocation of the sampler's own recurs in each and a one-off does not:
        // a pass that allocated is measured again, up to three times.
        Run(sampler, Draws);
        long allocated = 0;
        double checksum = 0;
        for (int pass = 0; pass < 3; pass++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            checksum = Run(sampler, Draws);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated == 0) break;
        }
        Assert.Equal(0, allocated);
        Assert.NotEqual(0, checksum);
    }

    private static double Run(string sampler, int count)
    {
        var rng = RandomStreams.ForWorkUnit(1, 0, 0, 0);
        Span<long> counts = stackalloc long[3];
        double checksum = 0;
        for (int i = 0; i < count; i++)
        {
            checksum += sampler switch
            {
                "uniforms" => rng.NextUInt64(10) + rng.NextDouble() + rng.NextOpenDouble(),
                "Exponential" => Samplers.Exponential(ref rng, 2),
                "Normal" => Samplers.Normal(ref rng, 0, 1),
                "ziggurat normal" => NormalZiggurat.Next(ref rng),
                "Poisson(0.5)" => Samplers.Poisson(ref rng, 0.5),
                "Poisson(1e4)" => Samplers.Poisson(ref rng, 1e4),
                "Poisson(1e16)" => Samplers.Poisson(ref rng, 1e16),
                "Binomial(20, 0.3)" => Samplers.Binomial(ref rng, 20, 0.3),
                "Binomial(1e6, 0.4)" => Samplers.Binomial(ref rng, 1_000_000, 0.4),
                "Binomial(1e12, 0.999)" => Samplers.Binomial(ref rng, 1_000_000_000_000, 0.999),
                "Multinomial" => MultinomialLast(ref rng, Probabilities, counts),
                "Hypergeometric(1000, 30, 100)" => Samplers.Hypergeometric(ref rng, 1000, 30, 100),
                "Hypergeometric(1e9, 1000, 1e8)" => Samplers.Hypergeometric(ref rng, 1_000_000_000, 1000, 100_000_000),
                "Categorical" => Samplers.Categorical(ref rng, Weights, 4),
                _ => throw new ArgumentException(sampler),
            };
        }

        return checksum;
    }

    private static long MultinomialLast(ref Xoshiro256StarStar rng, ReadOnlySpan<double> probabilities, Span<long> counts)
    {
        Samplers.Multinomial(ref rng, 1000, probabilities, counts);
        return counts[2];
    }
}
