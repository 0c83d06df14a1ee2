using System.Runtime.CompilerServices;
using ResistanceSim.Engine.Random;

namespace ResistanceSim.Engine.Algorithms;

/// <summary>
/// Many one-cell lines born along a leap and grown to its end, in one go: the mutant daughters a large clone sends
/// into another large clone of their genotype. Each is born at a time with density ∝ e^{gs} on the parent's path
/// (s in [0, τ)) and then divides or dies at λ and μ. Most have no event before the leap ends and arrive as the one
/// cell they are, so the batch draws how many have one — Binomial(count, p̄), p̄ the chance averaged over the birth
/// time — and follows only those, from their birth time and first event conditioned on that event falling within the
/// leap. The same law as drawing every line's birth time and events in turn (tested), at a cost that grows with the
/// lines that change rather than with all of them.
/// </summary>
public static class ImmigrantLines
{
    /// <summary>Below this many lines each is drawn on its own (the binomial's set-up would cost more).</summary>
    public const long BatchFrom = 8;

    /// <summary>
    /// Cells at the leap's end descended from <paramref name="count"/> cells born along a path growing at
    /// <paramref name="growth"/> per day over <paramref name="tau"/> days, each then dividing at
    /// <paramref name="birth"/> and dying at <paramref name="death"/> per day.
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public static long CellsAtEnd(ref Xoshiro256StarStar rng, long count, double growth, double tau, double birth, double death,
        CancellationToken cancellation)
    {
        double perCell = birth + death;
        double spread = double.ExpM1(growth * tau);
        if (count < BatchFrom || perCell * tau > BirthDeathTransition.EventsForOneCellLoop || !(perCell > 0))
        {
            long total = 0;
            for (long c = 0; c < count; c++)
            {
                CancellationCheck.AfterEvent(c + 1, cancellation);
                total += BirthDeathTransition.SampleOneCell(ref rng, birth, death, tau - PathTime(rng.NextDouble(), growth, spread, tau));
            }
            return total;
        }
        long changed = Samplers.Binomial(ref rng, count, ChanceOfAnEvent(growth, tau, perCell, spread));
        long cells = count - changed;
        for (long c = 0; c < changed; c++)
        {
            CancellationCheck.AfterEvent(c + 1, cancellation);
            cells += LineWithAnEvent(ref rng, growth, tau, birth, perCell);
        }
        return cells;
    }

    /// <summary>
    /// A time in [0, τ) distributed like a birth on the path n(s) = n₀e^{gs}: inverse of the normalised ∫₀ˢ e^{gv} dv,
    /// uniform when g = 0; <paramref name="spread"/> is e^{gτ} − 1.
    /// </summary>
    public static double PathTime(double uniform, double growth, double spread, double tau)
    {
        if (Math.Abs(growth * tau) < 1e-9) return uniform * tau;
        return Math.Log(1 + uniform * spread) / growth;
    }

    /// <summary>
    /// p̄ = 1 − ∫ f(s) e^{−a(τ−s)} ds with f the path's birth-time density and a = λ + μ:
    /// 1 − g(e^{gτ} − e^{−aτ})/((e^{gτ} − 1)(g + a)); 1 − (1 − e^{−aτ})/(aτ) on a flat path, and
    /// 1 − gτe^{−aτ}/(e^{gτ} − 1) where the path shrinks at a (g = −a).
    /// </summary>
    private static double ChanceOfAnEvent(double growth, double tau, double perCell, double spread)
    {
        double noEvent;
        if (Math.Abs(growth * tau) < 1e-9)
            noEvent = -double.ExpM1(-perCell * tau) / (perCell * tau);
        else if (Math.Abs((growth + perCell) * tau) < 1e-9)
            noEvent = growth * tau * Math.Exp(-perCell * tau) / spread;
        else
            noEvent = growth * (spread - double.ExpM1(-perCell * tau)) / (spread * (growth + perCell));
        return Math.Clamp(1 - noEvent, 0, 1);
    }

    /// <summary>
    /// One line given that its first event falls before the leap's end. The time r it has left after birth is drawn
    /// from ∝ r (a triangle) and kept with probability (f(τ − r)/max f)·(1 − e^{−ar})/(ar), which gives the target
    /// ∝ f(τ − r)(1 − e^{−ar}); the first event then falls in [0, r) by the truncated exponential, and the line goes on
    /// by its events to the end.
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private static long LineWithAnEvent(ref Xoshiro256StarStar rng, double growth, double tau, double birth, double perCell)
    {
        double rest;
        while (true)
        {
            rest = tau * Math.Sqrt(rng.NextOpenDouble());
            double pathShare = growth >= 0 ? Math.Exp(-growth * rest) : Math.Exp(growth * (tau - rest));
            double x = perCell * rest;
            if (rng.NextDouble() < pathShare * (-double.ExpM1(-x) / x)) break;
        }
        double time = -double.LogP1(rng.NextDouble() * double.ExpM1(-perCell * rest)) / perCell;
        long cells = rng.NextDouble() * perCell < birth ? 2 : 0;
        return BirthDeathTransition.ByEvents(ref rng, cells, time, rest, birth, perCell);
    }
}
