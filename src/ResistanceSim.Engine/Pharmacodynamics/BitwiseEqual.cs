using System.Runtime.InteropServices;

namespace ResistanceSim.Engine.Pharmacodynamics;

/// <summary>
/// Equality of doubles bit for bit: what a cache of computed terms may reuse without changing a result by a rounding
/// (and without treating NaN as unequal to itself).
/// </summary>
internal static class BitwiseEqual
{
    public static bool Spans(ReadOnlySpan<double> a, ReadOnlySpan<double> b) =>
        MemoryMarshal.Cast<double, long>(a).SequenceEqual(MemoryMarshal.Cast<double, long>(b));
}
