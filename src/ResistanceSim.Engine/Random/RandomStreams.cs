namespace ResistanceSim.Engine.Random;

/// <summary>
/// Derives one independent generator per work unit from its coordinates alone, so results are
/// bit-identical whatever the thread count, shard layout, execution order or resume history
/// (docs/decisions.md, "Randomness").
/// </summary>
/// <remarks>
/// The coordinates are absorbed one at a time into a 64-bit hash with the SplitMix64 finaliser
/// (a bijective avalanche mix), each coordinate first offset by its own odd constant so that
/// swapping two coordinates gives a different key. The key then seeds xoshiro256** through
/// SplitMix64 as usual. Distinct work units collide only with probability ~2^-64 per pair, and the
/// avalanche makes streams of neighbouring units (replicate r and r + 1) statistically unrelated.
/// </remarks>
public static class RandomStreams
{
    /// <summary>Sub-stream for the stochastic dynamics of a work unit (the default).</summary>
    public const int DynamicsPurpose = 0;

    /// <summary>Sub-stream for drawing a virtual patient's parameters.</summary>
    public const int CohortParametersPurpose = 1;

    /// <summary>Sub-stream for assay plating (split and seeding draws).</summary>
    public const int AssayPlatingPurpose = 2;

    /// <summary>Per-dose events of a virtual patient's oral regimen (which doses are missed).</summary>
    public const int DosingPurpose = 3;

    /// <summary>Where the vessels of the agent engine's drug field lie: a stream of its own, so the tissue does not
    /// shift the cells' luck (a run with and without a field shares the dynamics stream).</summary>
    public const int VesselsPurpose = 4;

    /// <summary>Local treatment of a virtual patient's sanctuary lesions before the studied line (who is treated, which
    /// cells survive): a stream of its own, so a cohort without it keeps its dynamics draws.</summary>
    public const int LocalTherapyPurpose = 5;

    // Distinct odd offsets per coordinate (arbitrary 64-bit odd constants; their only job is to keep
    // the coordinates' roles apart).
    private const ulong ArmSalt = 0xA0761D6478BD642FUL;
    private const ulong PointSalt = 0xE7037ED1A0B428DBUL;
    private const ulong ReplicateSalt = 0x8EBC6AF09C88C6E3UL;
    private const ulong PurposeSalt = 0x589965CC75374CC3UL;

    /// <summary>The dynamics stream (<see cref="DynamicsPurpose"/>) of work unit (seed, arm, point, replicate).</summary>
    /// <param name="seed">Scenario seed. Range: any.</param>
    /// <param name="arm">Arm index. Range: arm ≥ 0.</param>
    /// <param name="point">Sweep point index. Range: point ≥ 0.</param>
    /// <param name="replicate">Replicate index. Range: replicate ≥ 0.</param>
    public static Xoshiro256StarStar ForWorkUnit(ulong seed, int arm, long point, long replicate) =>
        ForWorkUnit(seed, arm, point, replicate, DynamicsPurpose);

    /// <summary>A purpose-specific sub-stream of work unit (seed, arm, point, replicate).</summary>
    /// <param name="seed">Scenario seed. Range: any.</param>
    /// <param name="arm">Arm index. Range: arm ≥ 0.</param>
    /// <param name="point">Sweep point index. Range: point ≥ 0.</param>
    /// <param name="replicate">Replicate index. Range: replicate ≥ 0.</param>
    /// <param name="purpose">What the stream is for, e.g. <see cref="DynamicsPurpose"/>. Range: purpose ≥ 0.</param>
    public static Xoshiro256StarStar ForWorkUnit(ulong seed, int arm, long point, long replicate, int purpose)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(arm);
        ArgumentOutOfRangeException.ThrowIfNegative(point);
        ArgumentOutOfRangeException.ThrowIfNegative(replicate);
        ArgumentOutOfRangeException.ThrowIfNegative(purpose);
        return new Xoshiro256StarStar(StreamKey(seed, arm, point, replicate, purpose));
    }

    /// <summary>The 64-bit key that seeds the stream of a work unit and purpose.</summary>
    public static ulong StreamKey(ulong seed, int arm, long point, long replicate, int purpose)
    {
        ulong key = SplitMix64.Mix(seed + SplitMix64.GoldenGamma);
        key = Absorb(key, (ulong)arm, ArmSalt);
        key = Absorb(key, (ulong)point, PointSalt);
        key = Absorb(key, (ulong)replicate, ReplicateSalt);
        return Absorb(key, (ulong)purpose, PurposeSalt);
    }

    private static ulong Absorb(ulong key, ulong coordinate, ulong salt) =>
        SplitMix64.Mix(key ^ SplitMix64.Mix(coordinate + salt));
}
