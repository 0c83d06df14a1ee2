using System.Runtime.CompilerServices;
using ResistanceSim.Engine.Random;

namespace ResistanceSim.Engine.Algorithms;

/// <summary>
/// The exact transition of a linear birth–death process with constant per-cell rates λ and μ over
/// a time τ (Kendall 1948, Ann Math Stat 19:1): each cell's line is extinct at τ with probability
/// α, otherwise it has a Geometric(1−β) number of cells. So from n cells:
/// m ~ Binomial(n, 1−α) lines survive and the count is m + NegativeBinomial(m, 1−β).
/// This is the binomial–negative-binomial (BNB) step of Mather, Hasty, Tsimring &amp; Williams
/// (2012, J R Soc Interface 9:1979), as used by OncoSimulR.
/// </summary>
public static class BirthDeathTransition
{
    /// <summary>Cells after τ days, starting from <paramref name="cells"/>, with birth λ and death μ per cell per day.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Sample(ref Xoshiro256StarStar rng, long cells, double birth, double death, double tau) =>
        Sample(ref rng, cells, birth, death, tau, out _);

    /// <summary>The same transition, also giving how many of the starting cells' lines survived (the binomial draw).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Sample(ref Xoshiro256StarStar rng, long cells, double birth, double death, double tau, out long survivingLines)
    {
        survivingLines = cells;
        if (cells == 0 || tau <= 0) return cells;
        Probabilities(birth, death, tau, out double survive, out double geometricSuccess);
        // One cell (a new mutant's line): a Bernoulli and a geometric, the same law without the general samplers' set-up.
        if (cells == 1)
        {
            survivingLines = rng.NextDouble() < survive ? 1 : 0;
            return survivingLines == 1 ? 1 + Samplers.Geometric(ref rng, geometricSuccess) : 0;
        }
        survivingLines = survive >= 1 ? cells : Samplers.Binomial(ref rng, cells, survive);
        return survivingLines + Samplers.NegativeBinomial(ref rng, survivingLines, geometricSuccess);
    }

    /// <summary>
    /// The one-cell transition by its events (Gillespie's direct method on one line): the same law as
    /// <see cref="Sample(ref Xoshiro256StarStar, long, double, double, double)"/> from one cell, at the cost of one
    /// exponential when, as for a mutant founded within a short leap, the cell most likely neither divides nor dies.
    /// Where events are expected (λ + μ)τ above <see cref="EventsForOneCellLoop"/> it draws the closed form instead.
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public static long SampleOneCell(ref Xoshiro256StarStar rng, double birth, double death, double tau)
    {
        double perCell = birth + death;
        if (perCell * tau > EventsForOneCellLoop) return Sample(ref rng, 1, birth, death, tau);
        return ByEvents(ref rng, 1, 0, tau, birth, perCell);
    }

    /// <summary>
    /// <paramref name="cells"/> cells at <paramref name="time"/>, each dividing at <paramref name="birth"/> and dividing or
    /// dying at <paramref name="perCell"/> in all, followed event by event to <paramref name="tau"/>: the cells then.
    /// </summary>
    internal static long ByEvents(ref Xoshiro256StarStar rng, long cells, double time, double tau, double birth, double perCell)
    {
        while (cells > 0)
        {
            time += ExponentialZiggurat.Next(ref rng) / (perCell * cells);
            if (time >= tau) break;
            if (rng.NextDouble() * perCell < birth) cells++;
            else cells--;
        }
        return cells;
    }

    /// <summary>Expected events per cell over a leap above which <see cref="SampleOneCell"/> uses the closed form.</summary>
    public const double EventsForOneCellLoop = 1;

    /// <summary>
    /// Largest error, in the distribution function, that <see cref="SampleWithNormalLimit"/> allows each of its two
    /// counts: where the Berry–Esseen bound is below it, a count is drawn from its normal limit.
    /// </summary>
    public const double NormalLimitError = 1e-3;

    /// <summary>Berry–Esseen constant for sums of independent, identically distributed terms (Shevtsova 2011, 0.4748).</summary>
    private const double BerryEsseen = 0.4748;

    /// <summary>
    /// The same transition for huge clones, where the exact samplers cost most and say least: the binomial (n lines,
    /// each surviving with probability s) and the negative binomial (m geometric terms) are sums of independent terms,
    /// so each is drawn from the normal with its mean and variance, rounded, when the Berry–Esseen bound puts that
    /// within <see cref="NormalLimitError"/> of the exact distribution function (from about 10⁶ cells at the usual
    /// leap sizes); otherwise exactly, as <see cref="Sample(ref Xoshiro256StarStar, long, double, double, double, out long)"/>,
    /// draw for draw. Mean and variance stay exact; what the limit drops is the skew, of relative size n^-1/2.
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public static long SampleWithNormalLimit(ref Xoshiro256StarStar rng, long cells, double birth, double death, double tau, out long survivingLines)
    {
        survivingLines = cells;
        if (cells == 0 || tau <= 0) return cells;
        Probabilities(birth, death, tau, out double survive, out double geometricSuccess);
        bool linesNormal = survive < 1 && BinomialIsNearNormal(cells, survive);
        if (!linesNormal && !(survive >= 1 && NegativeBinomialIsNearNormal(cells, geometricSuccess)))
            return Sample(ref rng, cells, birth, death, tau, out survivingLines);

        if (linesNormal)
        {
            double mean = cells * survive;
            survivingLines = (long)Math.Clamp(Math.Round(mean + Math.Sqrt(mean * (1 - survive)) * NormalZiggurat.Next(ref rng)), 0, cells);
        }
        long lines = survivingLines;
        if (lines == 0 || geometricSuccess >= 1) return lines;
        if (!NegativeBinomialIsNearNormal(lines, geometricSuccess))
            return lines + Samplers.NegativeBinomial(ref rng, lines, geometricSuccess);
        double failureOdds = (1 - geometricSuccess) / geometricSuccess;
        double added = lines * failureOdds;
        return lines + (long)Math.Max(Math.Round(added + Math.Sqrt(added / geometricSuccess) * NormalZiggurat.Next(ref rng)), 0);
    }

    /// <summary>
    /// Berry–Esseen for n Bernoulli(p) terms: E|X − μ|³/σ³ = (p² + (1 − p)²)/√(p(1 − p)), so the bound is
    /// C·(p² + q²)/√(npq) ≤ ε; compared squared, with neither a square root nor a division (false when pq = 0).
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    internal static bool BinomialIsNearNormal(long n, double p)
    {
        double q = 1 - p;
        double skew = BerryEsseen * (p * p + q * q);
        return skew * skew <= NormalLimitError * NormalLimitError * (n * p * q);
    }

    /// <summary>
    /// Berry–Esseen for m geometric terms (failures before a success of probability p): E|X − μ|³/σ³ is at most the
    /// square root of the kurtosis, 9 + p²/(1 − p), so the bound is C·√(9 + p²/(1 − p))/√m ≤ ε; compared squared and
    /// multiplied through by 1 − p (false when p = 1: no failures to sum).
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    internal static bool NegativeBinomialIsNearNormal(long m, double p)
    {
        double q = 1 - p;
        return BerryEsseen * BerryEsseen * (9 * q + p * p) <= NormalLimitError * NormalLimitError * (m * q);
    }

    /// <summary>
    /// The mean of the same transition, n·e^{(λ−μ)τ}, as whole cells: rounded up with probability equal to
    /// its fractional part, so the count stays an unbiased integer. The hybrid engine's <c>flow</c> option
    /// moves large clones this way (their relative noise, ~1/√n, is dropped).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long MeanFlow(ref Xoshiro256StarStar rng, long cells, double birth, double death, double tau)
    {
        if (cells == 0 || tau <= 0) return cells;
        double mean = cells * Math.Exp((birth - death) * tau);
        double whole = Math.Floor(mean);
        return (long)whole + (rng.NextDouble() < mean - whole ? 1 : 0);
    }

    /// <summary>
    /// 1 − α (a single cell's line survives τ) and 1 − β (the geometric "success" probability),
    /// written with expm1 so they stay accurate when λ ≈ μ or τ is small.
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public static void Probabilities(double birth, double death, double tau, out double survive, out double geometricSuccess)
    {
        double r = birth - death;
        if (birth == 0)
        {
            survive = Math.Exp(-death * tau);
            geometricSuccess = 1;
            return;
        }
        if (Math.Abs(r) * tau < 1e-12)
        {
            survive = geometricSuccess = 1 / (1 + birth * tau);
            return;
        }
        double growthMinusOne = double.ExpM1(r * tau);
        double denominator = birth * growthMinusOne + r;
        survive = r * (growthMinusOne + 1) / denominator;
        geometricSuccess = r / denominator;
    }

    /// <summary>
    /// ∫ n dt over a step that went from <paramref name="start"/> to <paramref name="end"/> cells,
    /// taking the path as exponential (logarithmic mean), the shape of birth–death growth.
    /// Used to count divisions and switches in the step. <paramref name="logRatio"/> is ln(end / start) when both are
    /// positive and differ (else unused): the caller computes it, since it needs the step's growth rate too.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double CellDays(long start, long end, double tau, double logRatio)
    {
        if (start == end || start == 0 || end == 0) return 0.5 * (start + end) * tau;
        return tau * (end - start) / logRatio;
    }
}
