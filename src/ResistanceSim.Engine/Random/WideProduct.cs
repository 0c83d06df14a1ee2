using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace ResistanceSim.Engine.Random;

/// <summary>
/// The high half of a 64 × 64-bit product. <see cref="Math.BigMul(ulong, ulong, out ulong)"/> hands its low half back
/// through memory, and the JIT keeps that on the stack: a store and a reload on the path of every bounded draw and
/// every fixed division of the agent engine. The low half, where needed, is the plain wrapped product a · b.
/// </summary>
internal static class WideProduct
{
    /// <summary>⌊<paramref name="a"/> · <paramref name="b"/> / 2^64⌋.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong High(ulong a, ulong b)
    {
        if (Bmi2.X64.IsSupported) return Bmi2.X64.MultiplyNoFlags(a, b);
        if (ArmBase.Arm64.IsSupported) return ArmBase.Arm64.MultiplyHigh(a, b);
        return Math.BigMul(a, b, out _);
    }
}
