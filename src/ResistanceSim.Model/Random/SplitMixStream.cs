namespace ResistanceSim.Model.Random;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood 2014): the small seeded generator that lays out sweeps, draws cohort
/// patients and proposes calibration particles — few draws, independent of the .NET version's <c>System.Random</c>.
/// </summary>
public struct SplitMixStream(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in (0, 1).</summary>
    public double NextOpenDouble() => ((Next() >> 12) + 0.5) * (1.0 / (1UL << 52));

    /// <summary>A standard normal by Box–Muller (cosine branch only: each draw uses its own two uniforms).</summary>
    public double NextStandardNormal()
    {
        double u1 = NextOpenDouble(), u2 = NextOpenDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>A stream for coordinates (e.g. seed, patient, parameter) that does not overlap its neighbours'.</summary>
    public static SplitMixStream For(ulong seed, ulong a, ulong b)
    {
        var mixer = new SplitMixStream(seed ^ 0x6A09E667F3BCC909UL);
        ulong key = mixer.Next() ^ (a * 0xD1B54A32D192ED03UL);
        key = new SplitMixStream(key).Next() ^ (b * 0x8CB92BA72F3D8DD7UL);
        return new SplitMixStream(new SplitMixStream(key).Next());
    }
}
