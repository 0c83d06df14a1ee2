using System.Runtime.CompilerServices;
using ResistanceSim.Engine.Random;

namespace ResistanceSim.Engine.Algorithms;

/// <summary>
/// The switching cells a large clone sends into a large sibling within a hybrid leap, joined in one draw. Each was
/// born at a time s on the source's path (density ∝ e^{gs}) and should have divided and died in the receiver from then
/// on; the batch is moved by the receiver's birth–death transition over the one time t* at which its mean equals the
/// exact E[e^{ρ(τ−s)}]. Left out are its cells' own mutations and switches within the leap (the caller passes a death
/// rate without switching, so the cells stay), and its spread (a mixture over birth times drawn as one transition) is
/// approximate: what <see cref="SwitchFlowLimit"/> bounds. One transition instead of <see cref="ImmigrantLines"/>' one line per cell
/// with an event, because a large clone sends thousands a leap.
/// </summary>
public static class SwitchedBatch
{
    /// <summary>Cells at the leap's end from <paramref name="count"/> switching cells born on a path growing at <paramref name="growth"/> per day.</summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public static long CellsAtEnd(ref Xoshiro256StarStar rng, long count, double growth, double tau, double birth, double death) =>
        BirthDeathTransition.Sample(ref rng, count, birth, death, EffectiveTime(growth, birth - death, tau));

    /// <summary>t* with e^{ρt*} = E[e^{ρ(τ−s)}] over the birth time s; τ/2 where ρ = 0 (every t gives the mean then).</summary>
    public static double EffectiveTime(double growth, double net, double tau)
    {
        if (Math.Abs(net * tau) < 1e-9) return tau / 2;
        double logMean = net * tau + LogIntegral(growth - net, tau) - LogIntegral(growth, tau);
        return Math.Clamp(logMean / net, 0, tau);
    }

    /// <summary>ln ∫₀^τ e^{xs} ds.</summary>
    private static double LogIntegral(double x, double tau)
    {
        double xt = x * tau;
        if (Math.Abs(xt) < 1e-9) return Math.Log(tau);
        // For large positive xτ, ln((e^{xτ} − 1)/x) = xτ + ln(−expm1(−xτ)/x), without overflow.
        return xt > 0 ? xt + Math.Log(-double.ExpM1(-xt) / x) : Math.Log(double.ExpM1(xt) / x);
    }
}
