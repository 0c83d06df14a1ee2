using System.Runtime.CompilerServices;

namespace ResistanceSim.Engine.Random;

/// <summary>
/// Standard normal deviates by the ziggurat method (Marsaglia &amp; Tsang 2000, "The Ziggurat Method for Generating
/// Random Variables", J Stat Softw 5(8)), 256 layers over the half-density e^{−x²/2}, x ≥ 0, with a random sign:
/// about 98.8 % of draws take one 64-bit word, a table lookup, a compare and a multiply; the rest fall in a wedge (one
/// extra uniform and one <c>exp</c>) or the tail beyond r (Marsaglia's tail method, two <c>log</c>s). The polar method
/// (<see cref="Samplers.StandardNormal"/>) spends a <c>log</c>, a square root and a division on each draw; tau
/// leaping draws two normals per huge clone and leap, and the polar pair was a sixth of its time.
/// <para>
/// Each draw splits one word: the low 8 bits choose the layer, bit 8 the sign, the top 53 bits the position in the
/// layer (bits that do not overlap), as <see cref="ExponentialZiggurat"/> does.
/// </para>
/// </summary>
internal static class NormalZiggurat
{
    private const int Layers = ZigguratLayers.Count;

    // Marsaglia & Tsang (2000), normal, 256 layers: r (right edge of the base layer) and v (the common area of every
    // layer under e^{−x²/2}, the base layer's tail included: v = r·f(r) + ∫_r^∞ f).
    private const double R = 3.6541528853610088;
    private const double V = 4.92867323399e-3;

    private const int SignBit = 8;

    // The layers' tables (ZigguratLayers) for the half-density f(x) = e^{−x²/2}.
    private static readonly double[] Width = new double[Layers];
    private static readonly ulong[] Core = new ulong[Layers];
    private static readonly double[] Density = new double[Layers];

    static NormalZiggurat() =>
        ZigguratLayers.Fill(R, V, HalfDensity, y => Math.Sqrt(-2 * Math.Log(y)), Width, Core, Density);

    private static double HalfDensity(double x) => Math.Exp(-0.5 * x * x);

    /// <summary>A standard normal deviate.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Next(ref Xoshiro256StarStar rng)
    {
        ulong word = rng.NextUInt64();
        int layer = (int)(word & (Layers - 1));
        ulong position = word >> 11;
        // + ½ keeps the magnitude off zero, so the sign bit never makes a −0 (a half-step of 2^-54 of the layer).
        if (position < Core[layer]) return WithSign((position + 0.5) * Width[layer], word);
        // The rare path draws from a copy, so a caller's generator held in a local is never address-exposed.
        var edgeRng = rng;
        double deviate = Edge(ref edgeRng, word);
        rng = edgeRng;
        return deviate;
    }

    /// <summary><paramref name="magnitude"/> with the sign that bit 8 of <paramref name="word"/> chose.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double WithSign(double magnitude, ulong word) =>
        BitConverter.UInt64BitsToDouble(BitConverter.DoubleToUInt64Bits(magnitude) ^ ((word >> SignBit & 1) << 63));

    /// <summary>The ~1.2 % of draws outside a layer's core: the tail (layer 0) or a wedge test, retrying with a fresh word on rejection.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | HotPath.OptimizeAtFirstCall)]
    private static double Edge(ref Xoshiro256StarStar rng, ulong word)
    {
        while (true)
        {
            int layer = (int)(word & (Layers - 1));
            ulong position = word >> 11;
            if (position < Core[layer]) return WithSign((position + 0.5) * Width[layer], word);
            if (layer == 0) return WithSign(Tail(ref rng), word);
            double x = (position + 0.5) * Width[layer];
            double y = Density[layer] + rng.NextDouble() * (Density[layer - 1] - Density[layer]);
            if (y < HalfDensity(x)) return WithSign(x, word);
            word = rng.NextUInt64();
        }
    }

    /// <summary>A deviate of the normal conditioned beyond r (Marsaglia 1964): r + x, x exponential of rate r, kept with probability e^{−x²/2}.</summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private static double Tail(ref Xoshiro256StarStar rng)
    {
        while (true)
        {
            double x = -Math.Log(rng.NextOpenDouble()) / R;
            double y = -Math.Log(rng.NextOpenDouble());
            if (2 * y > x * x) return R + x;
        }
    }
}
