using ResistanceSim.Engine.Exposure;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model.Clinical;

namespace ResistanceSim.Engine.Observation;

/// <summary>
/// Everything one work unit reports, as columns ready for the table sinks (docs/output-schema.md): totals
/// per sample, trajectories of clones above the threshold, the clones those trajectories need
/// (with their ancestors), and a one-row summary. Reused across work units.
/// </summary>
public sealed class WorkUnitResult
{
    public WorkUnitResult(int mechanismCount, int drugCount)
    {
        MechanismCells = Enumerable.Range(0, mechanismCount).Select(_ => new ColumnBuffer<long>()).ToArray();
        Concentrations = Enumerable.Range(0, drugCount).Select(_ => new ColumnBuffer<double>()).ToArray();
        Exposure = new SteadyStateExposure[drugCount];
    }

    public WorkUnit Unit { get; set; }

    // totals/
    public ColumnBuffer<double> SampleDay { get; } = new();
    public ColumnBuffer<long> TotalCells { get; } = new();
    /// <summary>Unrounded total of a mean-field engine (<see cref="SimulationRun.ExpectedCells"/>); NaN for stochastic engines.</summary>
    public ColumnBuffer<double> ExpectedCells { get; } = new();
    /// <summary>Cells carrying each catalog mechanism, one column per mechanism (catalog order).</summary>
    public ColumnBuffer<long>[] MechanismCells { get; }
    public ColumnBuffer<double> ResistantFraction { get; } = new();
    /// <summary>Total concentration (nM) of each drug, scenario drug order.</summary>
    public ColumnBuffer<double>[] Concentrations { get; }

    // trajectories/
    public ColumnBuffer<double> TrajectoryDay { get; } = new();
    public ColumnBuffer<int> TrajectoryClone { get; } = new();
    public ColumnBuffer<long> TrajectoryCells { get; } = new();

    // clones/
    public ColumnBuffer<int> CloneId { get; } = new();
    public ColumnBuffer<int> CloneParent { get; } = new();
    public ColumnBuffer<double> CloneBornDay { get; } = new();
    public ColumnBuffer<ulong> CloneGenotype { get; } = new();

    // summary/
    public RunSummary Summary { get; set; }
    /// <summary>Steady-state exposure to each drug (scenario drug order; <see cref="SteadyStateExposure.None"/> unless dosed orally).</summary>
    public SteadyStateExposure[] Exposure { get; }

    // assays/ (one row per well of each virtual viability assay)
    public ColumnBuffer<int> AssayIndex { get; } = new();
    public ColumnBuffer<double> AssayDay { get; } = new();
    public ColumnBuffer<double> AssayConcentration { get; } = new();
    public ColumnBuffer<int> AssayWell { get; } = new();
    public ColumnBuffer<long> AssayCellsPlated { get; } = new();
    public ColumnBuffer<long> AssayCellsFinal { get; } = new();
    public ColumnBuffer<double> AssayViability { get; } = new();

    // spatial/ (agent engine on a lattice: one row per sample)
    public ColumnBuffer<double> SpatialDay { get; } = new();
    public ColumnBuffer<double> OccupiedFraction { get; } = new();
    public ColumnBuffer<double> RadiusOfGyration { get; } = new();
    public ColumnBuffer<double> ResistantToSensitiveDistance { get; } = new();
    public ColumnBuffer<int> ResistantPatches { get; } = new();

    // cells/ (agent engine snapshots: one row per recorded cell)
    public ColumnBuffer<double> SnapshotDay { get; } = new();
    public ColumnBuffer<int> CellX { get; } = new();
    public ColumnBuffer<int> CellY { get; } = new();
    public ColumnBuffer<int> CellZ { get; } = new();
    public ColumnBuffer<int> CellClone { get; } = new();
    public ColumnBuffer<int> CellPhenotype { get; } = new();
    public ColumnBuffer<bool> CellResistant { get; } = new();

    public void Clear(WorkUnit unit)
    {
        Unit = unit;
        SampleDay.Clear();
        TotalCells.Clear();
        ExpectedCells.Clear();
        foreach (var column in MechanismCells) column.Clear();
        ResistantFraction.Clear();
        foreach (var column in Concentrations) column.Clear();
        TrajectoryDay.Clear();
        TrajectoryClone.Clear();
        TrajectoryCells.Clear();
        CloneId.Clear();
        CloneParent.Clear();
        CloneBornDay.Clear();
        CloneGenotype.Clear();
        Summary = default;
        Array.Fill(Exposure, SteadyStateExposure.None);
        AssayIndex.Clear();
        AssayDay.Clear();
        AssayConcentration.Clear();
        AssayWell.Clear();
        AssayCellsPlated.Clear();
        AssayCellsFinal.Clear();
        AssayViability.Clear();
        SpatialDay.Clear();
        OccupiedFraction.Clear();
        RadiusOfGyration.Clear();
        ResistantToSensitiveDistance.Clear();
        ResistantPatches.Clear();
        SnapshotDay.Clear();
        CellX.Clear();
        CellY.Clear();
        CellZ.Clear();
        CellClone.Clear();
        CellPhenotype.Clear();
        CellResistant.Clear();
    }
}

/// <summary>One row of the summary table.</summary>
/// <param name="DominantMechanism">Catalog index of the mechanism carried by the most cells at the end, or −1 if no cell carries one.</param>
/// <param name="Clinical">The virtual patient's course; null outside cohorts.</param>
public readonly record struct RunSummary(
    RunOutcome Outcome, double ProgressionDay, double NadirCells, double NadirDay, double BestResponse,
    int DominantMechanism, long FinalCells, double EndDay, double ResistantFraction, int ClonesEver,
    ClinicalCourse? Clinical);

/// <summary>
/// A virtual patient's course (cohorts): untreated history, RECIST readout and what the progressing tumour carried.
/// </summary>
/// <param name="PfsDays">Progression-free survival: the scan that showed progression on the last line, else the end of follow-up.</param>
/// <param name="PfsEvent">True if progression was seen (false: censored at the end of follow-up).</param>
/// <param name="DiagnosisDay">Days from the first cell to detection.</param>
/// <param name="ResistantCellsAtDiagnosis">Cells carrying any mechanism at the start of treatment (Bozic's pre-existing resistance).</param>
/// <param name="FirstProgressionDay">Progression that ended an earlier line of a sequential protocol, NaN if none.</param>
/// <param name="MechanismsAtProgression">Bit m set when catalog mechanism m was carried by at least the cohort's share of cells at progression.</param>
public readonly record struct ClinicalCourse(
    double PfsDays, bool PfsEvent, double DiagnosisDay, int HistoryAttempts, double BaselineCells, long ResistantCellsAtDiagnosis,
    double BaselineMm, double NadirMm, RecistResponse BestOverallResponse, double FirstProgressionDay,
    ulong MechanismsAtProgression)
{
    public bool ObjectiveResponse => RecistResponses.IsObjectiveResponse(BestOverallResponse);

    /// <summary>No tumour cell left by the end of follow-up (the tumour died out under treatment).</summary>
    public bool Cured { get; init; }

    /// <summary>First scan at which the burden had grown past its baseline by the progression rule (NaN: not seen before the run stopped).</summary>
    public double BeyondBaselineDay { get; init; }

    /// <summary>Lines of the studied protocol the patient started: 1 plus every switch on progression.</summary>
    public int LinesStarted { get; init; }

    /// <summary>Days on the cohort's prior lines before the studied one (0 without prior lines).</summary>
    public double PriorLineDays { get; init; }

    /// <summary>The progression on the last line was a sanctuary site seen as a new lesion (scans imaging sanctuaries apart).</summary>
    public bool ProgressedByNewLesion { get; init; }

    /// <summary>The progression on the last line was at a sanctuary site imaged apart: a new lesion there or a known one's growth.</summary>
    public bool ProgressedInSanctuary { get; init; }

    /// <summary>Diameter (mm) of the sanctuary lesion at the arm's baseline, 0 if not visible; NaN when sanctuaries are not imaged apart.</summary>
    public double SanctuaryBaselineMm { get; init; } = double.NaN;

    /// <summary>Sanctuary lesions treated locally before the arm's line (cohort.sanctuary_local_therapy); 0 without it.</summary>
    public int SanctuaryLesionsTreated { get; init; }
}
