using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using ResistanceSim.Engine.Random;
using MathNetDistributions = MathNet.Numerics.Distributions;
using MathNetRandom = MathNet.Numerics.Random;

namespace ResistanceSim.Benchmarks;

/// <summary>
/// Draws per second of the engine's samplers against MathNet.Numerics'. Each benchmark makes
/// <see cref="DrawsPerInvoke"/> draws, so the reported mean is the time per draw. Results: benchmarks/RESULTS.md.
/// Run: <c>dotnet run -c Release --project benchmarks/ResistanceSim.Benchmarks -- --filter '*SamplerBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(ShortConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SamplerBenchmarks
{
    private const int DrawsPerInvoke = 1000;

    private Xoshiro256StarStar _rng;
    private MathNetRandom.Xoshiro256StarStar _mathNetRng = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rng = RandomStreams.ForWorkUnit(42, 0, 0, 0);
        _mathNetRng = new MathNetRandom.Xoshiro256StarStar(42, threadSafe: false);
    }

    [Benchmark(OperationsPerInvoke = DrawsPerInvoke, Baseline = true), BenchmarkCategory("Uniform")]
    public double Uniform()
    {
        double sum = 0;
        var rng = _rng; // a local copy stays in registers, as in the engine's loops
        for (int i = 0; i < DrawsPerInvoke; i++)
        {
            sum += rng.NextDouble();
        }

        _rng = rng;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = DrawsPerInvoke), BenchmarkCategory("Uniform")]
    public double MathNetUniform()
    {
        double sum = 0;
        for (int i = 0; i < DrawsPerInvoke; i++)
        {
            sum += _mathNetRng.NextDouble();
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = DrawsPerInvoke, Baseline = true), BenchmarkCategory("Exponential")]
    public double Exponential()
    {
        double sum = 0;
        var rng = _rng; // a local copy stays in registers, as in the engine's loops
        for (int i = 0; i < DrawsPerInvoke; i++)
        {
            sum += Samplers.Exponential(ref rng, 2.0);
        }

        _rng = rng;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = DrawsPerInvoke), BenchmarkCategory("Exponential")]
    public double MathNetExponential()
    {
        double sum = 0;
        for (int i = 0; i < DrawsPerInvoke; i++)
        {
            sum += MathNetDistributions.Exponential.Sample(_mathNetRng, 2.0);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = DrawsPerInvoke, Baseline = true), BenchmarkCategory("Normal")]
    public double NormalPolar()
    {
        double sum = 0;
        var rng = _rng;
        for (int i = 0; i < DrawsPerInvoke; i++)
        {
            sum += Samplers.StandardNormal(ref rng);
        }

        _rng = rng;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = DrawsPerInvoke), BenchmarkCategory("Normal")]
    public double NormalZigguratDraw()
    {
        double sum = 0;
        var rng = _rng;
        for (int i = 0; i < DrawsPerInvoke; i++)
        {
            sum += NormalZiggurat.Next(ref rng);
        }

        _rng = rng;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = DrawsPerInvoke), BenchmarkCategory("Normal")]
    public double MathNetNormal()
    {
        double sum = 0;
        for (int i = 0; i < DrawsPerInvoke; i++)
        {
            sum += MathNetDistributions.Normal.Sample(_mathNetRng, 0, 1);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = DrawsPerInvoke, Baseline = true), BenchmarkCategory("Poisson(0.5)")]
    public long PoissonSmall() => Poisson(0.5);

    [Benchmark(OperationsPerInvoke = DrawsPerInvoke), BenchmarkCategory("Poisson(0.5)")]
    public long MathNetPoissonSmall() => MathNetPoisson(0.5);

    [Benchmark(OperationsPerInvoke = DrawsPerInvoke, Baseline = true), BenchmarkCategory("Poisson(1e4)")]
    public long PoissonLarge() => Poisson(1e4);

    [Benchmark(OperationsPerInvoke = DrawsPerInvoke), BenchmarkCategory("Poisson(1e4)")]
    public long MathNetPoissonLarge() => MathNetPoisson(1e4);

    [Benchmark(OperationsPerInvoke = DrawsPerInvoke, Baseline = true), BenchmarkCategory("Binomial(20,0.3)")]
    public long BinomialSmall() => Binomial(20, 0.3);

    [Benchmark(OperationsPerInvoke = DrawsPerInvoke), BenchmarkCategory("Binomial(20,0.3)")]
    public long MathNetBinomialSmall() => MathNetBinomial(20, 0.3);

    [Benchmark(OperationsPerInvoke = DrawsPerInvoke, Baseline = true), BenchmarkCategory("Binomial(1e6,0.4)")]
    public long BinomialLarge() => Binomial(1_000_000, 0.4);

    // MathNet sums n Bernoulli trials: 1e6 uniforms per draw, so only a few draws per invoke.
    [Benchmark(OperationsPerInvoke = 4), BenchmarkCategory("Binomial(1e6,0.4)")]
    public long MathNetBinomialLarge()
    {
        long sum = 0;
        for (int i = 0; i < 4; i++)
        {
            sum += MathNetDistributions.Binomial.Sample(_mathNetRng, 0.4, 1_000_000);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = DrawsPerInvoke, Baseline = true), BenchmarkCategory("Hypergeometric(1e9,1e3,1e8)")]
    public long HypergeometricPassaging()
    {
        long sum = 0;
        var rng = _rng; // a local copy stays in registers, as in the engine's loops
        for (int i = 0; i < DrawsPerInvoke; i++)
        {
            sum += Samplers.Hypergeometric(ref rng, 1_000_000_000, 1000, 100_000_000);
        }

        _rng = rng;
        return sum;
    }

    private long Poisson(double mean)
    {
        long sum = 0;
        var rng = _rng;
        for (int i = 0; i < DrawsPerInvoke; i++)
        {
            sum += Samplers.Poisson(ref rng, mean);
        }

        _rng = rng;
        return sum;
    }

    private long MathNetPoisson(double mean)
    {
        long sum = 0;
        for (int i = 0; i < DrawsPerInvoke; i++)
        {
            sum += MathNetDistributions.Poisson.Sample(_mathNetRng, mean);
        }

        return sum;
    }

    private long Binomial(long n, double p)
    {
        long sum = 0;
        var rng = _rng;
        for (int i = 0; i < DrawsPerInvoke; i++)
        {
            sum += Samplers.Binomial(ref rng, n, p);
        }

        _rng = rng;
        return sum;
    }

    private long MathNetBinomial(int n, double p)
    {
        long sum = 0;
        for (int i = 0; i < DrawsPerInvoke; i++)
        {
            sum += MathNetDistributions.Binomial.Sample(_mathNetRng, p, n);
        }

        return sum;
    }

    /// <summary>BenchmarkDotNet's ShortRun (3 warm-ups, 3 iterations): enough for ratios on a shared 2-core machine.</summary>
    private sealed class ShortConfig : ManualConfig
    {
        public ShortConfig() => AddJob(Job.ShortRun);
    }
}
