namespace ResistanceSim.Model;

/// <summary>
/// The starting population and the rates every clone shares (docs/biology.md):
/// b_i = b0 · (1 − cost_i) · φ(S_i^birth) · g(N),  d_i = d0 + (δ · (1 − min(φ(S_i^death), 1)) + kill_i) · (1 − ρ_i),
/// where S^birth and S^death are the residual signal under each drug's birth and death action (<see cref="DrugAction"/>).
/// </summary>
/// <param name="BirthPerDay">b0 &gt; 0.</param>
/// <param name="DeathPerDay">d0 ≥ 0.</param>
/// <param name="DrugDeathPerDay">δ ≥ 0: extra death when the survival signal is lost.</param>
public sealed record PopulationSpec(
    IReadOnlyList<InitialClone> Initial, double BirthPerDay, double DeathPerDay, double DrugDeathPerDay,
    SignalResponse Signal, GrowthLimit GrowthLimit, LineageMode Lineage)
{
    public long InitialCells => Initial.Sum(c => c.Cells);
}

/// <summary>Cells that exist at time 0, by the mechanisms they carry (none = parental).</summary>
public sealed record InitialClone(IReadOnlyList<string> Mechanisms, long Cells)
{
    /// <summary>Agent engine on a lattice: scattered among the layout's sites, or one clump.</summary>
    public Placement Placement { get; init; } = Placement.Scattered;

    /// <summary>Agent engine: the clump's centre (lattice coordinates); null for the lattice's centre.</summary>
    public IReadOnlyList<int>? ClusterAt { get; init; }
}

/// <summary>
/// The growth factor φ from residual signal S. The Hill form f(S) = (1 + K^γ) S^γ / (S^γ + K^γ) has
/// f(1) = 1, so parental cells without drug divide at b0, and K is the signal giving half of f's maximum.
/// Signal above the parental level saturates: φ(S) = min(f(S), 1) + <see cref="HyperactivationGain"/> ·
/// max(f(S) − 1, 0). With the default gain 0 a bypass or ALK copy gain only restores what the drug took
/// away and never speeds division past the parental rate, so resistant clones carry their fitness cost
/// before treatment; gain 1 is the unsaturated Hill curve (φ up to 1 + K^γ).
/// </summary>
/// <param name="HyperactivationGain">Share of the Hill curve's excess above φ = 1 that signal above the parental level adds (0 = saturating, 1 = full Hill).</param>
/// <param name="AlkIndependentShare">
/// β in [0, 1): the share of the parental cell's signal that does not pass through ALK (co-occurring drivers). ALK carries
/// 1 − β per copy and β is added uninhibited, so an untreated parental cell still has S = 1, while no ALK inhibitor can
/// push S below β: 0 is a fully ALK-addicted tumour, and a β near K gives primary or early resistance to every ALK drug.
/// </param>
public sealed record SignalResponse(double HalfMaximalSignal, double Hill, double HyperactivationGain = 0, double AlkIndependentShare = 0)
{
    /// <summary>Illustrative default: half-maximal at 30% of parental signal, moderately switch-like, saturating.</summary>
    public static SignalResponse Default { get; } = new(0.3, 2.0);
}

public enum GrowthLimitKind
{
    None,
    /// <summary>Birth × max(0, 1 − N/K).</summary>
    Logistic,
    /// <summary>Birth × max(0, ln(K/N) / ln K): 1 for a single cell, 0 at capacity.</summary>
    Gompertz,
    /// <summary>Death + ln(1 + N/K) (McFarland et al. 2014, as in OncoSimulR).</summary>
    Mcfarland,
}

public sealed record GrowthLimit(GrowthLimitKind Kind, double CapacityCells)
{
    public static GrowthLimit None { get; } = new(GrowthLimitKind.None, double.PositiveInfinity);

    /// <summary>g(N): the factor on every birth rate at <paramref name="totalCells"/>.</summary>
    public double BirthFactor(double totalCells) => BirthFactor(Kind, CapacityCells, totalCells);

    /// <summary>h(N): the extra death per cell at <paramref name="totalCells"/>.</summary>
    public double DeathPerCell(double totalCells) => DeathPerCell(Kind, CapacityCells, totalCells);

    /// <inheritdoc cref="BirthFactor(double)"/>
    public static double BirthFactor(GrowthLimitKind kind, double capacity, double totalCells) => kind switch
    {
        GrowthLimitKind.Logistic => Math.Max(0, 1 - totalCells / capacity),
        GrowthLimitKind.Gompertz => totalCells <= 1 ? 1 : Math.Max(0, Math.Log(capacity / totalCells) / Math.Log(capacity)),
        _ => 1,
    };

    /// <inheritdoc cref="DeathPerCell(double)"/>
    public static double DeathPerCell(GrowthLimitKind kind, double capacity, double totalCells) =>
        kind == GrowthLimitKind.Mcfarland ? Math.Log(1 + totalCells / capacity) : 0;
}

public enum LineageMode
{
    /// <summary>Every mutation event founds a new clone: exact Muller plots and phylogenies.</summary>
    PerEvent,
    /// <summary>Identical genotypes share one clone: fewer clones, for big sweeps.</summary>
    PerGenotype,
}
