namespace ResistanceSim.Engine.Random;

/// <summary>
/// The layer tables of a 256-layer ziggurat (Marsaglia &amp; Tsang 2000, J Stat Softw 5(8)) over a decreasing density f
/// on x ≥ 0 with f(0) = 1, shared by <see cref="ExponentialZiggurat"/> and <see cref="NormalZiggurat"/>. Layer i spans x
/// in [0, X_i]: Width[i] = X_i / 2^53, so a 53-bit position times it is the point's x; Core[i] = 2^53 · X_{i−1}/X_i
/// (below it the point lies under the next layer up, so inside the density); DensityAt[i] = f(X_i). Layer 0 is the
/// base, a rectangle of width v / f(r) whose part beyond r stands for the tail; layer 1 is the top, with no core. The
/// samplers keep the tables in their own static arrays, which their hot paths read directly.
/// </summary>
internal static class ZigguratLayers
{
    public const int Count = 256;

    private const double TwoPow53 = 9007199254740992.0;

    /// <param name="r">Right edge of the base layer.</param>
    /// <param name="v">Common area of every layer, the base layer's tail included.</param>
    /// <param name="density">f, with f(0) = 1.</param>
    /// <param name="inverse">f⁻¹.</param>
    public static void Fill(double r, double v, Func<double, double> density, Func<double, double> inverse,
        double[] width, ulong[] core, double[] densityAt)
    {
        double q = v / density(r);
        width[0] = q / TwoPow53;
        core[0] = (ulong)(r / q * TwoPow53);
        densityAt[0] = 1;   // f(X_0) with X_0 = 0, the top of the ziggurat (used by layer 1's wedge)
        width[Count - 1] = r / TwoPow53;
        densityAt[Count - 1] = density(r);
        double x = r;
        for (int i = Count - 2; i >= 1; i--)
        {
            // Each layer has area v: X_i solves X_{i+1}·(f(X_i) − f(X_{i+1})) = v.
            double next = inverse(v / x + density(x));
            core[i + 1] = (ulong)(next / x * TwoPow53);
            x = next;
            width[i] = x / TwoPow53;
            densityAt[i] = density(x);
        }
        core[1] = 0;   // the top layer has no core: its every point needs the wedge test
    }
}
