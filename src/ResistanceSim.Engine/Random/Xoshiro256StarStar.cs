using System.Numerics;
using System.Runtime.CompilerServices;

namespace ResistanceSim.Engine.Random;

/// <summary>
/// xoshiro256** 1.0 (Blackman &amp; Vigna 2021, "Scrambled linear pseudorandom number generators",
/// ACM TOMS 47(4)): 256 bits of state, period 2^256 − 1, passes BigCrush and PractRand.
/// </summary>
/// <remarks>
/// A mutable struct so that the hot loop keeps the state in registers: always pass it by
/// <c>ref</c> (a copy continues the same sequence independently, which is almost never intended).
/// The default value (all-zero state) is invalid and only ever produces zeros; obtain generators
/// from the constructor or from <see cref="RandomStreams"/>.
/// </remarks>
public struct Xoshiro256StarStar
{
    // 2^-53 and 2^-52: scale factors that turn the top 53 (52) random bits into a double exactly.
    private const double TwoPowMinus53 = 1.0 / (1UL << 53);
    private const double TwoPowMinus52 = 1.0 / (1UL << 52);

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>
    /// Seeds the 256-bit state with four successive SplitMix64 outputs of <paramref name="seed"/>,
    /// as the xoshiro authors recommend. SplitMix64 is a bijection of its counter, so the four words
    /// can never all be zero.
    /// </summary>
    /// <param name="seed">Any 64-bit value. Range: all of <see cref="ulong"/>.</param>
    public Xoshiro256StarStar(ulong seed)
    {
        ulong splitMixState = seed;
        _s0 = SplitMix64.Next(ref splitMixState);
        _s1 = SplitMix64.Next(ref splitMixState);
        _s2 = SplitMix64.Next(ref splitMixState);
        _s3 = SplitMix64.Next(ref splitMixState);
    }

    /// <summary>Creates a generator from an explicit state (for reference test vectors and checkpoints).</summary>
    /// <exception cref="ArgumentException">All four words are zero (a fixed point of the generator).</exception>
    public static Xoshiro256StarStar FromState(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
        {
            throw new ArgumentException("xoshiro256** state must not be all zero.");
        }

        return new Xoshiro256StarStar { _s0 = s0, _s1 = s1, _s2 = s2, _s3 = s3 };
    }

    /// <summary>The four state words, for checkpointing (restore with <see cref="FromState"/>).</summary>
    public readonly (ulong S0, ulong S1, ulong S2, ulong S3) State => (_s0, _s1, _s2, _s3);

    /// <summary>Next 64 uniformly distributed bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform double in [0, 1) on the grid k·2^-53 (the top 53 bits of <see cref="NextUInt64"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * TwoPowMinus53;

    /// <summary>
    /// Uniform double in the open interval (0, 1) on the grid (k + ½)·2^-52: never 0 or 1, so
    /// <c>Math.Log</c> of it and of one minus it are always finite.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextOpenDouble() => ((NextUInt64() >> 12) + 0.5) * TwoPowMinus52;

    /// <summary>
    /// Uniform integer in [0, <paramref name="exclusiveBound"/>) without modulo bias
    /// (Lemire 2019, "Fast random integer generation in an interval", ACM TOMACS 29(1)).
    /// </summary>
    /// <param name="exclusiveBound">Range: exclusiveBound ≥ 1.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64(ulong exclusiveBound)
    {
        ArgumentOutOfRangeException.ThrowIfZero(exclusiveBound);
        ulong random = NextUInt64();
        ulong high = WideProduct.High(random, exclusiveBound);
        ulong low = random * exclusiveBound;
        if (low < exclusiveBound)
        {
            // Reject the few low products that would over-represent small results.
            ulong threshold = (0 - exclusiveBound) % exclusiveBound;
            while (low < threshold)
            {
                random = NextUInt64();
                high = WideProduct.High(random, exclusiveBound);
                low = random * exclusiveBound;
            }
        }

        return high;
    }
}
