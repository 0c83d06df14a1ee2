using System.Runtime.CompilerServices;

namespace ResistanceSim.Engine.Algorithms;

/// <summary>
/// Expected cell-days ∫₀^τ n(t) dt of a linear birth–death line (birth λ, death μ per cell per day)
/// given how its transition over τ ended, so that divisions, mutants per unit time and switches
/// counted from them have the exact mean n₀(e^{rτ} − 1)/r whatever τ.
/// <para>
/// For one cell, given n(τ) = k the expectation is <see cref="Extinct"/> for k = 0 and
/// <see cref="Surviving"/> + <see cref="Extinct"/>·k for k ≥ 1 (n(τ) has a linear-fractional law, so
/// E[n(t); n(τ) = k] ∝ (a + b·k)β^k for k ≥ 1 at every t). Lines are independent, so a step from n₀
/// cells in which m lines survive to n₁ cells expects (n₀ − m + n₁)·Extinct + m·Surviving cell-days;
/// the BNB transition draws m. <see cref="Extinct"/> is E[∫n | extinct by τ] = α'(τ)/α(τ)·∫₀^τ α/α' dt
/// (differentiate P(extinct, no event of an added rate ε) in ε; α is the extinction probability);
/// <see cref="Surviving"/> then follows from the unconditional mean. The exponential path between
/// the step's end counts (<see cref="BirthDeathTransition.CellDays"/>) is biased low for small lines on
/// long steps: a cell founded at the start of a 10-day step with λ = 1.3, μ = 1 expects 63.6
/// cell-days but the path through its end count gives 46.1 on average (issue #19).
/// </para>
/// </summary>
/// <param name="Extinct">Expected cell-days of a one-cell line that is extinct at τ; also what each cell at τ adds to a surviving line's.</param>
/// <param name="Surviving">The rest of a surviving one-cell line's expected cell-days.</param>
public readonly record struct LineCellDays(double Extinct, double Surviving)
{
    /// <summary>Below this |r|·τ the near-critical series replaces a difference that cancels to O((rτ)²).</summary>
    private const double NearCritical = 1e-4;

    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public static LineCellDays Of(double birth, double death, double tau)
    {
        if (tau <= 0) return default;
        double r = birth - death, x = r * tau;
        double growthMinusOne = double.ExpM1(x);   // the only transcendental call: this runs per clone per leap
        double meanCellDays = x == 0 ? tau : growthMinusOne / r;   // E∫n from one cell, (e^{rτ} − 1)/r
        double growth = 1 + growthMinusOne;
        double denominator = birth * meanCellDays + 1;
        double survive = growth / denominator;
        double extinct = death * meanCellDays / denominator;

        // [(λ+μ)e^{rτ}τ²f(rτ) − μ·meanCellDays²]/r with f(x) = (e^x − 1 − x)/x²: O(1) however small r is.
        double bracket = Math.Abs(x) < NearCritical
            ? tau * tau * (0.5 + birth * tau / 3 + x * (1 + birth * tau) / 3)
            : ((birth + death) * growth * tau * tau * ((growthMinusOne - x) / (x * x)) - death * meanCellDays * meanCellDays) / r;
        double extinctCellDays = bracket / (meanCellDays * denominator);

        // From E∫n = α·Extinct + P(survive)·Surviving + Extinct·E n(τ); far from critical the same
        // quantity in closed form, which does not cancel when survival is improbable.
        double surviving = Math.Abs(x) <= 1
            ? (meanCellDays - extinctCellDays * (extinct + growth)) / survive
            : ((birth + death) * tau * (birth * growth * growth - death)
               - meanCellDays * (birth * (birth + 3 * death) * growth - death * (death + 3 * birth)))
              / (r * r * r * meanCellDays * denominator);
        return new LineCellDays(extinctCellDays, surviving);
    }

    /// <summary>Expected cell-days of a step from <paramref name="start"/> cells, <paramref name="survivingLines"/> of whose lines survived, to <paramref name="end"/> cells.</summary>
    public double Step(long start, long survivingLines, long end) =>
        (start - survivingLines + end) * Extinct + survivingLines * Surviving;
}
