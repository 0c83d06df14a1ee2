using System.Runtime.CompilerServices;

namespace ResistanceSim.Engine.Random;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood 2014, "Fast splittable pseudorandom number generators", OOPSLA;
/// constants as in Vigna's reference splitmix64.c). Used only to expand a 64-bit seed into xoshiro
/// state and to hash work-unit coordinates into stream seeds; never as the simulation generator.
/// </summary>
public static class SplitMix64
{
    /// <summary>The golden-ratio increment 2^64 / φ, which makes the state sequence a full-period Weyl sequence.</summary>
    public const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;

    /// <summary>Advances <paramref name="state"/> by the golden gamma and returns the mixed output.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Next(ref ulong state)
    {
        state += GoldenGamma;
        return Mix(state);
    }

    /// <summary>The SplitMix64 output finaliser: a bijective avalanche mix of 64 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
