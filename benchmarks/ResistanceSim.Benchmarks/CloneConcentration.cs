using ResistanceSim.Engine.Running;

namespace ResistanceSim.Benchmarks;

/// <summary>
/// ∫N dt and ∫Σᵢνᵢnᵢ² dt over a run, from its samples (each sample's state held back to the previous one): how
/// much of the run's mutation supply comes from large clones. OncoSimulR's BNB step redraws a clone's time to its
/// next mutation as (1/R)·log(…(1 − r)…) with r = u^{1/n}; for n ≳ 1e9 the rounding of r to 1 (probability ≈ n·2⁻⁵⁴
/// per draw) makes that time 0, and OncoSimulR then discards the whole run and starts again ("ti set to DBL_MIN.
/// Rerunning"). Draws happen at its 40 samples per day and at each mutation event, so a run survives with probability
/// ≈ exp(−2⁻⁵⁴·(40·∫N dt + k·∫Σνᵢnᵢ² dt)), k ∈ [1, 2] (the receiving clone is redrawn too). benchmarks/peer/compare.py
/// uses these integrals to ask whether that selection can explain a difference from OncoSimulR at 1e11.
/// </summary>
internal sealed class CloneConcentration : IRunObserver
{
    private double _lastDay;

    public double CellDays { get; private set; }

    public double MutationWeightedSquaredCellDays { get; private set; }

    public void RunStarted(SimulationRun run)
    {
        _lastDay = run.Day;
        CellDays = MutationWeightedSquaredCellDays = 0;
    }

    public void Sampled(SimulationRun run)
    {
        double dt = run.Day - _lastDay;
        _lastDay = run.Day;
        var cells = run.Clones.Cells;
        var nu = run.Clones.MutationPerDay;
        double squared = 0;
        for (int i = 0; i < cells.Length; i++) squared += nu[i] * cells[i] * (double)cells[i];
        CellDays += dt * run.Clones.TotalCells;
        MutationWeightedSquaredCellDays += dt * squared;
    }

    public void RunEnded(SimulationRun run) { }
}
