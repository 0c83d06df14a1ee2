using System.Runtime.CompilerServices;

namespace ResistanceSim.Engine.Agents;

/// <summary>
/// Division of a non-negative int by a fixed divisor as a multiply-high with ⌈2^64 / d⌉, exact for 32-bit numerators
/// (Lemire, Kaser &amp; Kurz 2019, "Faster remainder by direct computation"): turning a site number into coordinates
/// is on the path of every division and of every cell drawn from a box, and a hardware division costs several times
/// as much.
/// </summary>
internal readonly struct Divisor
{
    private readonly ulong _reciprocal;   // ⌈2^64 / d⌉, which wraps to 0 for d = 1

    public Divisor(int divisor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(divisor, 1);
        _reciprocal = ulong.MaxValue / (ulong)divisor + 1;
    }

    /// <summary>⌊<paramref name="n"/> / d⌋ for n ≥ 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Divide(int n) => _reciprocal == 0 ? n : (int)Math.BigMul(_reciprocal, (ulong)(uint)n, out _);
}
