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
/// lines that change rather than with all of them. When thousands change (a clone seeding a site at 1e-3 per division
/// sends hundreds of thousands of daughters a leap), their sum is drawn as a normal with its exact mean and variance:
/// the lines are independent, so the sum's skewness is one line's over √changed, a few hundredths from
/// <see cref="MomentsFrom"/> on (docs/engines.md, "Hybrid").
/// </summary>
public static class ImmigrantLines
{
    /// <summary>Below this many lines each is drawn on its own (the binomial's set-up would cost more).</summary>
    public const long BatchFrom = 8;

    /// <summary>From this many lines with an event their sum is drawn from its mean and variance rather than line by line.</summary>
    public const long MomentsFrom = 1024;

    /// <summary>
    /// Cells at the leap's end descended from <paramref name="count"/> cells born along a path growing at
    /// <paramref name="growth"/> per day over <paramref name="tau"/> days, each then dividing at
    /// <paramref name="birth"/> and dying at <paramref name="death"/> per day.
    /// </summary>
    public static long CellsAtEnd(ref Xoshiro256StarStar rng, long count, double growth, double tau, double birth, double death,
        CancellationToken cancellation) =>
        CellsAtEnd(ref rng, count, growth, tau, birth, death, MomentsFrom, cancellation);

    /// <summary><see cref="CellsAtEnd(ref Xoshiro256StarStar, long, double, double, double, double, CancellationToken)"/> with the changed lines summed by their moments from <paramref name="momentsFrom"/> on (tests compare it with every line drawn).</summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    internal static long CellsAtEnd(ref Xoshiro256StarStar rng, long count, double growth, double tau, double birth, double death,
        long momentsFrom, CancellationToken cancellation)
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
        double chance = ChanceOfAnEvent(growth, tau, perCell, spread);
        long changed = Samplers.Binomial(ref rng, count, chance);
        long cells = count - changed;
        if (changed >= momentsFrom)
            return cells + ChangedLinesByMoments(ref rng, changed, chance, growth, tau, birth, death);
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
    /// The cells of <paramref name="changed"/> lines with an event, as a normal rounded to whole cells (never below none).
    /// A line's time left after birth, R, has density ∝ e^{−gr} on (0, τ]; from one cell a birth–death line holds on
    /// average e^{δR} cells (δ = λ − μ) with variance ((λ + μ)/δ)·e^{δR}(e^{δR} − 1). A line without an event holds
    /// its one cell, so the changed lines' moments are the unconditional ones less the unchanged share's, over p̄.
    /// </summary>
    private static long ChangedLinesByMoments(ref Xoshiro256StarStar rng, long changed, double chance, double growth,
        double tau, double birth, double death)
    {
        double net = birth - death;
        double norm = IntegralOfExponential(-growth, tau);
        double mean = IntegralOfExponential(net - growth, tau) / norm;
        double meanOfSquareOfMean = IntegralOfExponential(2 * net - growth, tau) / norm;
        // E[(λ + μ)/δ · e^{δR}(e^{δR} − 1)], which tends to (λ + μ)E[R] as δ → 0.
        double variance = Math.Abs(net * tau) < 1e-6
            ? (birth + death) * IntegralOfRTimesExponential(-growth, tau) / norm
            : (birth + death) / net * (meanOfSquareOfMean - mean);
        double secondMoment = variance + meanOfSquareOfMean;
        double changedMean = (mean - (1 - chance)) / chance;
        double changedVariance = Math.Max(0, (secondMoment - (1 - chance)) / chance - changedMean * changedMean);
        double cells = Samplers.Normal(ref rng, changed * changedMean, Math.Sqrt(changed * changedVariance));
        return Math.Max(0, (long)Math.Round(cells));
    }

    /// <summary>∫₀^τ e^{ar} dr.</summary>
    private static double IntegralOfExponential(double rate, double tau)
    {
        double x = rate * tau;
        return Math.Abs(x) < 1e-9 ? tau : tau * double.ExpM1(x) / x;
    }

    /// <summary>∫₀^τ r e^{ar} dr.</summary>
    private static double IntegralOfRTimesExponential(double rate, double tau)
    {
        double x = rate * tau;
        return Math.Abs(x) < 1e-6 ? tau * tau / 2 : (Math.Exp(x) * (x - 1) + 1) / (rate * rate);
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
