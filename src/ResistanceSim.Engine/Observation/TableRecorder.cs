using ResistanceSim.Engine.Assays;
using ResistanceSim.Engine.Running;
using ResistanceSim.Engine.State;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Observation;

/// <summary>
/// Turns a run into table rows: at each sample the totals row (with cells per mechanism and the
/// resistant fraction — cells carrying any mechanism) and a trajectory row per clone at or above
/// the sampling threshold; at the end the clones those trajectories mention plus all their
/// ancestors, and the summary row.
/// </summary>
public sealed class TableRecorder : IRunObserver
{
    private readonly SpatialRecorder _spatial = new();
    private bool[] _keep = new bool[256];
    private AssaySession? _assays;
    private long _resistantAtStart;

    public TableRecorder() { }

    public TableRecorder(WorkUnitResult target) => Target = target;

    /// <summary>Where the next run's rows go; set before each run (a worker reuses buffers).</summary>
    public WorkUnitResult Target { get; set; } = null!;

    public void RunStarted(SimulationRun run)
    {
        Target.Clear(run.Unit);
        if (run.Scenario.Assays.Count == 0) _assays = null;
        else if (!ReferenceEquals(_assays?.Scenario, run.Scenario)) _assays = new AssaySession(run.Scenario);
        _assays?.Start(run.Unit);
        _resistantAtStart = ResistantCells(run.Clones);
        _spatial.RunStarted();
    }

    public void Sampled(SimulationRun run)
    {
        var clones = run.Clones;
        var catalog = run.Scenario.Catalog;
        var cells = clones.Cells;
        var genotype = clones.Genotype;
        long total = clones.TotalCells;
        long threshold = run.Scenario.Sampling.CloneThresholdCells;

        Target.SampleDay.Add(run.Day);
        Target.TotalCells.Add(total);
        Target.ExpectedCells.Add(run.ExpectedCells);
        for (int m = 0; m < Target.MechanismCells.Length; m++)
            Target.MechanismCells[m].Add(CellsCarrying(catalog, clones, m));
        long resistant = ResistantCells(clones);
        Target.ResistantFraction.Add(total > 0 ? (double)resistant / total : 0);
        var concentrations = run.Concentrations;
        for (int d = 0; d < Target.Concentrations.Length; d++) Target.Concentrations[d].Add(concentrations[d]);

        var ids = clones.RegistryId;
        for (int i = 0; i < cells.Length; i++)
        {
            if (cells[i] < threshold) continue;
            Target.TrajectoryDay.Add(run.Day);
            Target.TrajectoryClone.Add(ids[i]);
            Target.TrajectoryCells.Add(cells[i]);
        }
        _assays?.Sampled(run, Target);
        _spatial.Sampled(run, Target);
    }

    public void RunEnded(SimulationRun run)
    {
        _assays?.Ended(run, Target);
        FillStartingExpectedCells();
        RecordClones(run);
        var response = run.Response;
        var clones = run.Clones;
        int dominant = DominantMechanism(run);
        double resistantFraction = Target.ResistantFraction.Count > 0 ? Target.ResistantFraction[Target.ResistantFraction.Count - 1] : 0;
        Target.Summary = new RunSummary(
            run.Outcome, response.ProgressionDay, response.NadirCells, response.NadirDay, response.BestResponse,
            dominant, clones.TotalCells, run.Day, resistantFraction, run.Registry.Count,
            run.Scenario.Cohort is { } cohort ? Course(run, cohort) : null);
        DrugExposureRecorder.Record(run, Target.Exposure);
    }

    private ClinicalCourse Course(SimulationRun run, Cohort cohort)
    {
        var response = run.Response;
        long total = run.Clones.TotalCells;
        ulong mechanisms = response.Progressed
            ? ProgressionBiopsy.MechanismsSeen(run.Scenario.Catalog, run.Clones, cohort.MechanismShareAtProgression)
            : 0;
        bool progressed = run.Outcome == RunOutcome.Progressed;
        return new ClinicalCourse(progressed ? response.ProgressionDay : run.Scenario.Stop.Days, progressed, run.DiagnosisDay, run.HistoryAttempts, response.BaselineCells, _resistantAtStart,
            response.BaselineMm, response.NadirMm, response.BestOverallResponse, response.FirstProgressionDay, mechanisms)
        {
            Cured = total == 0,
            BeyondBaselineDay = response.BeyondBaselineDay,
            LinesStarted = response.LinesStarted,
            PriorLineDays = run.PriorLineDays,
            ProgressedByNewLesion = progressed && !double.IsNaN(response.NewLesionDay),
            ProgressedInSanctuary = progressed && !double.IsNaN(response.SanctuaryProgressionDay),
            SanctuaryBaselineMm = response.BaselineSanctuaryMm,
            SanctuaryLesionsTreated = run.SanctuaryLesionsTreated,
        };
    }

    /// <summary>Cells carrying any mechanism (genotype other than parental).</summary>
    private static long ResistantCells(CloneState clones)
    {
        var cells = clones.Cells;
        var genotype = clones.Genotype;
        long resistant = 0;
        for (int i = 0; i < cells.Length; i++)
            if (genotype[i] != GenotypeLayout.Parental) resistant += cells[i];
        return resistant;
    }

    /// <summary>
    /// The first sample is taken as the run starts, before the engine has begun, so a mean-field
    /// engine has not yet reported its expected total there; it starts from the initial cells exactly.
    /// </summary>
    private void FillStartingExpectedCells()
    {
        var expected = Target.ExpectedCells;
        if (expected.Count > 1 && double.IsNaN(expected[0]) && !double.IsNaN(expected[expected.Count - 1]))
            expected[0] = Target.TotalCells[0];
    }

    /// <summary>Clones that reached the threshold at a sample, and every ancestor, so lineages are complete.</summary>
    private void RecordClones(SimulationRun run)
    {
        var registry = run.Registry;
        long threshold = run.Scenario.Sampling.CloneThresholdCells;
        if (_keep.Length < registry.Count) _keep = new bool[Math.Max(registry.Count, _keep.Length * 2)];
        Array.Clear(_keep, 0, registry.Count);
        var parent = registry.Parent;
        var maxCells = registry.MaxSampledCells;
        for (int id = registry.Count - 1; id >= 0; id--)
        {
            // Parents have smaller ids, so one backward pass marks whole ancestries.
            if (maxCells[id] >= threshold) _keep[id] = true;
            if (_keep[id] && parent[id] >= 0) _keep[parent[id]] = true;
        }
        for (int id = 0; id < registry.Count; id++)
        {
            if (!_keep[id]) continue;
            Target.CloneId.Add(id);
            Target.CloneParent.Add(parent[id]);
            Target.CloneBornDay.Add(registry.BornDay[id]);
            Target.CloneGenotype.Add(registry.Genotype[id]);
        }
    }

    private static int DominantMechanism(SimulationRun run)
    {
        var catalog = run.Scenario.Catalog;
        int best = -1;
        long bestCells = 0;
        for (int m = 0; m < catalog.All.Count; m++)
        {
            long carrying = CellsCarrying(catalog, run.Clones, m);
            if (carrying > bestCells)
            {
                best = m;
                bestCells = carrying;
            }
        }
        return best;
    }

    /// <summary>Cells of all living clones that carry catalog mechanism <paramref name="mechanism"/>.</summary>
    private static long CellsCarrying(MechanismCatalog catalog, CloneState clones, int mechanism)
    {
        var cells = clones.Cells;
        var genotype = clones.Genotype;
        long carrying = 0;
        for (int i = 0; i < cells.Length; i++)
            if (catalog.Carries(genotype[i], mechanism)) carrying += cells[i];
        return carrying;
    }
}
