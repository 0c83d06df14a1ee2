using ResistanceSim.Engine.Random;

namespace ResistanceSim.Tests.Random;

internal delegate long DiscreteDraw(ref Xoshiro256StarStar rng);

internal delegate double ContinuousDraw(ref Xoshiro256StarStar rng);

/// <summary>Collects fixed-seed samples from a sampler.</summary>
internal static class Draws
{
    public static long[] Discrete(int count, ulong seed, DiscreteDraw draw)
    {
        var rng = new Xoshiro256StarStar(seed);
        var samples = new long[count];
        for (int i = 0; i < count; i++)
        {
            samples[i] = draw(ref rng);
        }

        return samples;
    }

    public static double[] Continuous(int count, ulong seed, ContinuousDraw draw)
    {
        var rng = new Xoshiro256StarStar(seed);
        var samples = new double[count];
        for (int i = 0; i < count; i++)
        {
            samples[i] = draw(ref rng);
        }

        return samples;
    }

    /// <summary>Equally spaced bin edges mean ± 4σ in steps of σ/4 (33 edges, 34 bins, each expecting ≥ 30 draws at n = 1e6).</summary>
    public static long[] EdgesAround(double mean, double standardDeviation)
    {
        var edges = new long[33];
        for (int i = 0; i < edges.Length; i++)
        {
            edges[i] = (long)Math.Floor(mean + (i - 16) * standardDeviation / 4);
        }

        return edges;
    }
}
