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
    /// Used to count divisions and switches in the step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double CellDays(long start, long end, double tau)
    {
        if (start == end || start == 0 || end == 0) return 0.5 * (start + end) * tau;
        return tau * (end - start) / Math.Log((double)end / start);
    }
}
