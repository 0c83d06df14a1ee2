using System.Runtime.CompilerServices;
using ResistanceSim.Engine.Random;

namespace ResistanceSim.Engine.Algorithms;

/// <summary>
/// A small clone's cells from one of its emissions to the next, in one draw instead of event by event. Each cell
/// divides into two of the clone at λ, dies at μ and emits at κ — a mutant daughter (the parent keeps its place), a
/// mutant arising per unit time, or a cell switching phenotype — so the clone is a linear birth–death process with a
/// mark. The probability generating function of one cell's line with no mark by t, φ(s, t) = E[s^n(t); no emission],
/// solves the Riccati equation ∂φ/∂t = λφ² − (λ + μ + κ)φ + μ, φ(s, 0) = s (the backward equation of the process whose
/// marked event ends the line; Kendall 1948, Ann Math Stat 19:1, for κ = 0). Its solution is linear fractional in s:
/// with Δ = √((λ + μ + κ)² − 4λμ), E = e^{−Δt}, L₂ = (λ + μ + κ + Δ)/2 (λ times the larger root), L₁ = λμ/L₂ and
/// D = L₂ − L₁E,
/// <code>
///   φ(s, t) = a + b·s/(1 − g·s),   a = μ(1 − E)/D,   g = λ(1 − E)/D,   b = E·Δ²/D²,
/// </code>
/// so a line without a mark is empty with weight a and otherwise 1 + Geometric(g) cells, and φ(1, t) = a + b/(1 − g) is
/// the probability that it has no mark by t. From n cells the first emission T has P(T &gt; t) = φ(1, t)ⁿ, which inverts
/// in closed form; the cells just before it are the n lines given no mark, one of them size-biased by the rate at which
/// it emits (k·κ for k cells: 1 + two Geometric(g) for that line). With no emission before the end, each line given no
/// mark is drawn as in the binomial–negative-binomial step. Exact in law; the draws replace the events between
/// emissions, which for a clone that rarely mutates or switches are nearly all of them.
/// </summary>
public readonly struct EmittingLine
{
    private readonly double _growth, _loss, _delta, _upper, _lower;

    /// <summary>Per-cell division <paramref name="growth"/> (both daughters stay), death <paramref name="loss"/> and emission <paramref name="emission"/> (&gt; 0), per day.</summary>
    public EmittingLine(double growth, double loss, double emission)
    {
        _growth = growth;
        _loss = loss;
        // Δ² = (λ + μ + κ)² − 4λμ = (λ − μ)² + κ(κ + 2(λ + μ)): a sum of non-negative terms, free of cancellation.
        _delta = Math.Sqrt((growth - loss) * (growth - loss) + emission * (emission + 2 * (growth + loss)));
        _upper = 0.5 * (growth + loss + emission + _delta);
        _lower = growth * loss / _upper;
    }

    /// <summary>
    /// Follows <paramref name="cells"/> cells for up to <paramref name="tau"/> days. Returns true with the first emission
    /// after <paramref name="wait"/> days and the cells just before it in <paramref name="cellsThen"/> (the emitting cell
    /// among them); false when none comes within τ, with <paramref name="cellsThen"/> the cells at τ (0 if the line died
    /// out unmarked).
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public bool ToNextEmission(ref Xoshiro256StarStar rng, long cells, double tau, out double wait, out long cellsThen)
    {
        // P(T > t) = φ(1, t)ⁿ: the first emission is after τ when φ(1, τ) exceeds U^{1/n}, else where φ(1, ·) falls to it.
        double level = Math.Exp(Math.Log(1 - rng.NextDouble()) / cells);
        var atEnd = At(tau);
        if (atEnd.NoMark > level)
        {
            wait = tau;
            cellsThen = atEnd.Lines(ref rng, cells);
            return false;
        }
        wait = Math.Clamp(TimeOfNoMark(level), 0, tau);   // the clamp only absorbs rounding
        var then = At(wait);
        double success = 1 - then.Growth;
        cellsThen = 1 + Samplers.Geometric(ref rng, success) + Samplers.Geometric(ref rng, success) + then.Lines(ref rng, cells - 1);
        return true;
    }

    /// <summary>One line's law over <paramref name="t"/> days.</summary>
    internal Snapshot At(double t)
    {
        double e = Math.Exp(-_delta * t), oneMinusE = -double.ExpM1(-_delta * t);
        double d = _upper - _lower * e;
        double empty = _loss * oneMinusE / d;
        double growth = _growth * oneMinusE / d;
        double occupied = e * _delta * _delta / (d * d);
        return new Snapshot(empty, occupied / (1 - growth), growth);
    }

    /// <summary>
    /// The time at which one line is unmarked with probability <paramref name="level"/>, between φ(1, ∞) = r₁ = μ/L₂
    /// (the line died out unmarked) and 1: φ(1, t) = (r₁(L₂ − λ) + L₂(1 − r₁)E)/((L₂ − λ) + λ(1 − r₁)E) solved for E.
    /// </summary>
    internal double TimeOfNoMark(double level)
    {
        double r1 = _loss / _upper;
        double e = (level - r1) * (_upper - _growth) / ((1 - r1) * (_upper - _growth * level));
        return -Math.Log(e) / _delta;
    }

    /// <summary>
    /// One line at a time t: unmarked and empty with weight <paramref name="Empty"/>, unmarked with k ≥ 1 cells with weight
    /// proportional to <paramref name="Growth"/>^(k−1), <paramref name="Occupied"/> in all; <see cref="NoMark"/> their sum.
    /// </summary>
    internal readonly record struct Snapshot(double Empty, double Occupied, double Growth)
    {
        public double NoMark => Empty + Occupied;

        /// <summary>The cells of <paramref name="lines"/> lines given that none has a mark: the occupied ones, each 1 + Geometric(1 − g).</summary>
        public long Lines(ref Xoshiro256StarStar rng, long lines)
        {
            if (lines == 0) return 0;
            double occupied = Occupied / NoMark;
            long living = occupied >= 1 ? lines : Samplers.Binomial(ref rng, lines, occupied);
            return living == 0 ? 0 : living + Samplers.NegativeBinomial(ref rng, living, 1 - Growth);
        }
    }
}
