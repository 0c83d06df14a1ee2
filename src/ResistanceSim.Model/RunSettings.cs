namespace ResistanceSim.Model;

public enum EngineKind { Exact, Tau, Ode, Hybrid, Agents }

/// <summary>How the hybrid engine moves its large clones through a leap.</summary>
public enum LargeCloneMode
{
    /// <summary>The exact birth–death transition (BNB): the large clones keep their demographic noise.</summary>
    Leap,

    /// <summary>The deterministic flow n·e^{rτ}, stochastically rounded to whole cells: the classic ODE/SSA hybrid.</summary>
    Flow,
}

/// <summary>When rows are emitted.</summary>
/// <param name="EveryDays">Sampling interval for totals and trajectories.</param>
/// <param name="CloneThresholdCells">Clones at or above this size at a sample appear in trajectories.</param>
public sealed record Sampling(double EveryDays, long CloneThresholdCells);

/// <summary>
/// When a run ends: at <see cref="Days"/>, on extinction (always), when the population reaches
/// <see cref="MaxCells"/>, or on progression if <see cref="OnProgression"/>.
/// Progression: the population regrows to ≥ <see cref="ProgressionFoldOverNadir"/> × its nadir
/// (a cell-count analogue of RECIST's 20% over nadir).
/// </summary>
public sealed record StopRule(double Days, double MaxCells, bool OnProgression, double ProgressionFoldOverNadir)
{
    public const double DefaultProgressionFold = 1.2;
}

/// <summary>Numerical settings of the engines (defaults documented in docs/scenario-reference.md).</summary>
/// <param name="TauEpsilon">Cao et al. (2006) leap condition: expected relative change per clone per leap.</param>
/// <param name="FenwickRefreshEvents">The exact engine rebuilds its rate sums every this many events, so rounding drift cannot accumulate.</param>
/// <param name="RateStepDays">Largest time over which time-varying rates are held constant.</param>
public sealed record EngineSettings(EngineKind Engine, double TauEpsilon, int FenwickRefreshEvents, double RateStepDays)
{
    /// <summary>The hybrid engine simulates clones below this size event by event and leaps larger ones.</summary>
    public double HybridThresholdCells { get; init; } = DefaultHybridThresholdCells;

    /// <summary>The hybrid engine's large clones: leaped by their exact transition (default) or moved by the mean-field flow.</summary>
    public LargeCloneMode HybridLargeClones { get; init; } = LargeCloneMode.Leap;

    /// <summary>ODE engine: relative and absolute local error tolerances of the adaptive integrator.</summary>
    public double OdeRelativeTolerance { get; init; } = 1e-8;

    /// <inheritdoc cref="OdeRelativeTolerance"/>
    public double OdeAbsoluteTolerance { get; init; } = 1e-6;

    /// <summary>
    /// Agent engine: stages of the cell cycle, k. A cycle is k exponential stages of rate k·β (an Erlang/gamma
    /// cycle of mean 1/β and coefficient of variation 1/√k); 1 is the exponential cycle of the clone engines.
    /// </summary>
    public int CellCycleShape { get; init; } = 1;

    public const int MaxCellCycleShape = 100;

    public const double DefaultHybridThresholdCells = 1_000;

    public static EngineSettings Default(EngineKind engine) => new(engine, 0.03, 100_000, 0.05);
}
