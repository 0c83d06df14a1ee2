namespace ResistanceSim.Engine.Random;

/// <summary>
/// Allocation-free samplers of the distributions the engines need, drawing from a
/// <see cref="Xoshiro256StarStar"/> passed by reference. One distribution per file
/// (<c>Samplers.*.cs</c>); each documents its method, its source and its parameter ranges, and
/// throws <see cref="ArgumentOutOfRangeException"/> outside them (NaN included).
/// MathNet.Numerics' samplers are too slow for the engine (docs/engines.md); its
/// PMFs are the reference the tests check these against.
/// </summary>
public static partial class Samplers
{
    /// <summary>
    /// Largest count or trial number the discrete samplers accept: 2^52, below which every integer
    /// and every half-integer is exact in a double, so the samplers' offsets and log-PMFs are exact.
    /// (A tumour of 1 kg holds ~1e12 cells, far below.)
    /// </summary>
    public const long MaxExactCount = 1L << 52;
}
