using System.Runtime.CompilerServices;

namespace ResistanceSim.Engine.Pharmacodynamics;

/// <summary>The Hill equation and Bliss independence, the two algebraic pieces of the signal model.</summary>
public static class Hill
{
    /// <summary>Fractional effect h = C^n / (C^n + IC50^n); 0 at C = 0, ½ at C = IC50.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Effect(double concentration, double ic50, double hill)
    {
        if (concentration <= 0) return 0;
        // Written as 1 / (1 + (IC50/C)^n) so huge C or tiny IC50 cannot overflow to ∞/∞.
        return 1.0 / (1.0 + Power(ic50 / concentration, hill));
    }

    /// <summary>Bliss independence: combined inhibition 1 − Π(1 − h_k), folded in one drug at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double BlissCombine(double inhibitionSoFar, double effect) =>
        1.0 - (1.0 - inhibitionSoFar) * (1.0 - effect);

    /// <summary>
    /// φ(S): the Hill curve f(S) = (1 + K^γ) S^γ / (S^γ + K^γ), with f(1) = 1 and f(0) = 0, saturating at 1
    /// above the parental signal except for <paramref name="hyperactivationGain"/> × the curve's excess.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double GrowthFactor(double signal, double halfMaximal, double hill, double hyperactivationGain = 0)
    {
        if (signal <= 0) return 0;
        double kg = Power(halfMaximal, hill);
        double sg = Power(signal, hill);
        double f = (1.0 + kg) * sg / (sg + kg);
        return f <= 1 ? f : 1 + hyperactivationGain * (f - 1);
    }

    /// <summary>
    /// x^n, by multiplication for the Hill slopes 1 and 2 the presets use: every clone's rates are evaluated again at
    /// every rate step of an oral schedule, and <see cref="Math.Pow"/> was a sixth of a trial's CPU time
    /// (benchmarks/RESULTS.md). For n = 1 the result is x exactly, as Math.Pow's; for n = 2 it is the correctly rounded
    /// square, which Math.Pow's can miss by one ulp.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Power(double x, double n) => n switch
    {
        1.0 => x,
        2.0 => x * x,
        _ => Math.Pow(x, n),
    };
}
