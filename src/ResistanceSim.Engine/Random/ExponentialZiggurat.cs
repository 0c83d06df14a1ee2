using System.Runtime.CompilerServices;

namespace ResistanceSim.Engine.Random;

/// <summary>
/// Standard exponential deviates by the ziggurat method (Marsaglia &amp; Tsang 2000, "The Ziggurat
/// Method for Generating Random Variables", J Stat Softw 5(8)), 256 layers: about 98.9 % of draws
/// take one 64-bit random word, a table lookup, a compare and a multiply; the rest fall in a wedge
/// (one extra uniform and one <c>exp</c>) or the tail beyond r (one <c>log</c>). The exact engines
/// draw one waiting time per event, and inversion (−ln U) spent about half their time in <c>log</c>.
/// <para>
/// Each draw splits one word: the low 8 bits choose the layer, the top 53 bits the position in it
/// (bits that do not overlap), so a layer's x grid has 2^53 points — finer than a double's mantissa.
/// </para>
/// </summary>
internal static class ExponentialZiggurat
{
    private const int Layers = ZigguratLayers.Count;

    // Marsaglia & Tsang (2000), exponential, 256 layers: r (right edge of the base layer) and v (the
    // common area of every layer, the base layer's tail included).
    private const double R = 7.69711747013104972;
    private const double V = 3.949659822581572e-3;

    // The layers' tables (ZigguratLayers) for f(x) = e^{−x}.
    private static readonly double[] Width = new double[Layers];
    private static readonly ulong[] Core = new ulong[Layers];
    private static readonly double[] Density = new double[Layers];

    static ExponentialZiggurat() =>
        ZigguratLayers.Fill(R, V, x => Math.Exp(-x), y => -Math.Log(y), Width, Core, Density);

    /// <summary>A deviate with density e^{−x}, x &gt; 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Next(ref Xoshiro256StarStar rng)
    {
        ulong word = rng.NextUInt64();
        int layer = (int)(word & (Layers - 1));
        ulong position = word >> 11;
        // + ½ keeps the deviate strictly positive (a half-step of 2^-54 of the layer, far below any use).
        if (position < Core[layer]) return (position + 0.5) * Width[layer];
        // The rare path draws from a copy, so a caller's generator held in a local is never address-exposed and
        // its state can stay in registers.
        var edgeRng = rng;
        double deviate = Edge(ref edgeRng, layer, position);
        rng = edgeRng;
        return deviate;
    }

    /// <summary>The ~1.1 % of draws outside a layer's core: the tail (layer 0) or a wedge test, retrying with a fresh word on rejection.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | HotPath.OptimizeAtFirstCall)]
    private static double Edge(ref Xoshiro256StarStar rng, int layer, ulong position)
    {
        while (true)
        {
            if (layer == 0) return R - Math.Log(rng.NextOpenDouble());   // memoryless tail beyond r
            double x = (position + 0.5) * Width[layer];
            double y = Density[layer] + rng.NextDouble() * (Density[layer - 1] - Density[layer]);
            if (y < Math.Exp(-x)) return x;
            ulong word = rng.NextUInt64();
            layer = (int)(word & (Layers - 1));
            position = word >> 11;
            if (position < Core[layer]) return (position + 0.5) * Width[layer];
        }
    }
}
