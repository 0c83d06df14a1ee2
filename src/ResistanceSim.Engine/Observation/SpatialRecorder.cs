using ResistanceSim.Engine.Agents;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Observation;

/// <summary>
/// The agent engine's spatial rows: a <c>spatial/</c> row at every sample (<see cref="SpatialSummary"/>) and, every
/// <see cref="Lattice.SnapshotEveryDays"/>, a <c>cells/</c> snapshot of every cell — thinned to every k-th cell in site
/// order when there are more than <see cref="Lattice.MaxSnapshotCells"/>, so the table stays bounded and no random
/// number is drawn (recording never changes a run). Does nothing for clone engines and well-mixed agents.
/// </summary>
public sealed class SpatialRecorder
{
    private readonly SpatialSummarizer _summarizer = new();
    private double _nextSnapshotDay;

    public void RunStarted() => _nextSnapshotDay = 0;

    public void Sampled(SimulationRun run, WorkUnitResult target)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(target);
        if (run.Agents is not { Lattice: { } lattice } agents) return;
        if (_summarizer.Summarize(agents, run) is not { } summary) return;
        target.SpatialDay.Add(run.Day);
        target.OccupiedFraction.Add(summary.OccupiedFraction);
        target.RadiusOfGyration.Add(summary.RadiusOfGyration);
        target.ResistantToSensitiveDistance.Add(summary.MeanDistanceResistantToSensitive);
        target.ResistantPatches.Add(summary.ResistantPatches);
        if (run.Day >= _nextSnapshotDay && double.IsFinite(lattice.SnapshotEveryDays))
        {
            Snapshot(run, agents, lattice, target);
            while (_nextSnapshotDay <= run.Day) _nextSnapshotDay += lattice.SnapshotEveryDays;
        }
    }

    private static void Snapshot(SimulationRun run, AgentMethod agents, Lattice lattice, WorkUnitResult target)
    {
        var clones = run.Clones;
        long stride = Math.Max(1, (clones.TotalCells + lattice.MaxSnapshotCells - 1) / lattice.MaxSnapshotCells);
        ulong phenotypeMask = (1UL << run.Layout.PhenotypeCount) - 1;
        long k = 0;
        foreach (var cell in agents.Cells())
        {
            if (k++ % stride != 0) continue;
            ulong genotype = clones.Genotype[cell.CloneIndex];
            target.SnapshotDay.Add(run.Day);
            target.CellX.Add(cell.X);
            target.CellY.Add(cell.Y);
            target.CellZ.Add(cell.Z);
            target.CellClone.Add(clones.RegistryId[cell.CloneIndex]);
            target.CellPhenotype.Add((int)(genotype & phenotypeMask));
            target.CellResistant.Add(genotype != GenotypeLayout.Parental);
        }
    }
}
