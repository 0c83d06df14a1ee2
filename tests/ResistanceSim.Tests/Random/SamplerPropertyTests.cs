using FsCheck;
using FsCheck.Fluent;
using ResistanceSim.Engine.Random;
using Xunit;
using ResistanceSim.Testing;

namespace ResistanceSim.Tests.Random;

/// <summary>FsCheck properties over random parameters (each property runs FsCheck's default 100 cases).</summary>
public class SamplerPropertyTests
{
    // Counts from 0 to 2^52 on a log scale, so small, clone-sized and huge n are all exercised.
    private static readonly Gen<long> Counts =
        Gen.Choose(0, 52_000).Select(e => (long)Math.Min(Math.Pow(2, e / 1000.0), Samplers.MaxExactCount) - (e == 0 ? 1 : 0));

    private static readonly Gen<double> Probabilities = Gen.OneOf(
        Gen.Choose(0, 1_000_000).Select(i => i / 1e6),
        Gen.Choose(0, 300).Select(e => Math.Pow(10, -e / 20.0)),          // down to 1e-15
        Gen.Choose(0, 300).Select(e => 1 - Math.Pow(10, -e / 20.0 - 1)), // up to 1 − 1e-16
        Gen.Elements(0.0, 1.0, 0.5));

    private static readonly Gen<ulong> Seeds = Gen.Choose(0, int.MaxValue).Select(i => (ulong)i);

    [Fact]
    public void Binomial_is_always_within_0_and_n() =>
        PropertyCheck.Verify(Prop.ForAll(Arb.From(Gen.Zip(Gen.Zip(Counts, Probabilities), Seeds)), input =>
        {
            ((long n, double p), ulong seed) = input;
            var rng = new Xoshiro256StarStar(seed);
            for (int i = 0; i < 20; i++)
            {
                long x = Samplers.Binomial(ref rng, n, p);
                if (x < 0 || x > n)
                {
                    return false;
                }
            }

            return true;
        }));

    [Fact]
    public void Poisson_is_never_negative() =>
        PropertyCheck.Verify(Prop.ForAll(Arb.From(Gen.Zip(Gen.Choose(0, 180_000).Select(e => e == 0 ? 0 : Math.Pow(10, e / 10_000.0 - 3)), Seeds)), input =>
        {
            (double mean, ulong seed) = input;
            var rng = new Xoshiro256StarStar(seed);
            for (int i = 0; i < 20; i++)
            {
                if (Samplers.Poisson(ref rng, mean) < 0)
                {
                    return false;
                }
            }

            return true;
        }));

    [Fact]
    public void Multinomial_counts_are_non_negative_and_sum_to_n()
    {
        var weights = Gen.Choose(1, 12).SelectMany(k => Gen.ArrayOf(Gen.Choose(0, 1000), k))
            .Where(w => w.Sum() > 0)
            .Select(w => Array.ConvertAll(w, x => (double)x / w.Sum()));
        PropertyCheck.Verify(Prop.ForAll(Arb.From(Gen.Zip(Gen.Zip(Counts, weights), Seeds)), input =>
        {
            ((long n, double[] probabilities), ulong seed) = input;
            var rng = new Xoshiro256StarStar(seed);
            var counts = new long[probabilities.Length];
            Samplers.Multinomial(ref rng, n, probabilities, counts);
            return counts.All(c => c >= 0) && counts.Sum() == n
                && counts.Select((c, i) => probabilities[i] > 0 || c == 0).All(ok => ok);
        }));
    }

    [Fact]
    public void Hypergeometric_is_always_within_its_support()
    {
        var parameters = Counts.SelectMany(population =>
            Gen.Choose(0, 1000).SelectMany(a => Gen.Choose(0, 1000).Select(b =>
                (population, successes: population / 1000 * a + (a == 1000 ? population % 1000 : 0), draws: population / 1000 * b))));
        PropertyCheck.Verify(Prop.ForAll(Arb.From(Gen.Zip(parameters, Seeds)), input =>
        {
            ((long population, long successes, long draws), ulong seed) = input;
            var rng = new Xoshiro256StarStar(seed);
            long minimum = Math.Max(0, draws - (population - successes));
            long maximum = Math.Min(draws, successes);
            for (int i = 0; i < 20; i++)
            {
                long x = Samplers.Hypergeometric(ref rng, population, successes, draws);
                if (x < minimum || x > maximum)
                {
                    return false;
                }
            }

            return true;
        }));
    }

    [Fact]
    public void Same_seed_gives_the_same_draws() =>
        PropertyCheck.Verify(Prop.ForAll(Arb.From(Gen.Zip(Gen.Zip(Counts, Probabilities), Seeds)), input =>
        {
            ((long n, double p), ulong seed) = input;
            var first = RandomStreams.ForWorkUnit(seed, 0, 0, 0);
            var second = RandomStreams.ForWorkUnit(seed, 0, 0, 0);
            return Samplers.Binomial(ref first, n, p) == Samplers.Binomial(ref second, n, p)
                && Samplers.Poisson(ref first, n * p) == Samplers.Poisson(ref second, n * p);
        }));
}
