using ResistanceSim.Engine.Observation;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;

namespace ResistanceSim.Output.Tables;

/// <summary>
/// <c>summary/</c>: one row per work unit — outcome, time to progression, nadir, best response, dominant
/// mechanism, final size — then a virtual patient's clinical course (cohorts), the steady-state exposure to each
/// orally dosed drug, and the values of the swept
/// parameters at the unit's point (sweeps) or the patient's drawn parameters (cohorts).
/// </summary>
public sealed class SummaryTable(Scenario scenario, Sweep? sweep = null) : IRunTable
{
    public const string NoMechanism = "none";

    private readonly MechanismCatalog _catalog = scenario.Catalog;
    private readonly ExposureColumns _exposure = new(scenario);

    public string Name => "summary";

    public IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        .. WorkUnitColumns.Specs,
        new("outcome", ColumnType.String, false, "", "progressed | extinct | censored | cured (every clone shrinking at the end)"),
        new("progression_day", ColumnType.Double, true, "day", "first sample at ≥ fold × nadir (null if none)"),
        new("nadir_cells", ColumnType.Double, false, "cells", "smallest sampled population (baseline included); in a cohort, as the scans read it (with killed cells not yet cleared, cohort.scans.killed_cells_half_life_days)"),
        new("nadir_day", ColumnType.Double, false, "day", "time of the nadir"),
        new("best_response", ColumnType.Double, false, "fraction", "nadir / baseline − 1 (−1 = eradicated, 0 = no shrinkage)"),
        new("dominant_mechanism", ColumnType.String, false, "", "mechanism carried by the most cells at the end ('none' if no cell carries one)"),
        new("final_cells", ColumnType.Int64, false, "cells", "living cells at the end"),
        new("end_day", ColumnType.Double, false, "day", "time the run stopped"),
        new("resistant_fraction", ColumnType.Double, false, "fraction", "share of cells carrying any mechanism at the last sample"),
        new("clones_ever", ColumnType.Int32, false, "clones", "clones founded during the run (extinct included)"),
        .. scenario.Cohort is null ? [] : ClinicalColumns.Specs,
        .. new ExposureColumns(scenario).Specs,
        .. SweepColumns.Specs(sweep ?? Sweep.None),
    ];

    public void Fill(WorkUnitResult result, TableBatch batch)
    {
        batch.Reset(1);
        WorkUnitColumns.Fill(result, batch);
        var s = result.Summary;
        batch.String(3)[0] = RunOutcomes.Label(s.Outcome);
        batch.Double(4)[0] = s.ProgressionDay;
        batch.Valid(4)[0] = !double.IsNaN(s.ProgressionDay);
        batch.Double(5)[0] = s.NadirCells;
        batch.Double(6)[0] = s.NadirDay;
        batch.Double(7)[0] = s.BestResponse;
        batch.String(8)[0] = s.DominantMechanism >= 0 ? _catalog.All[s.DominantMechanism].Name : NoMechanism;
        batch.Int64(9)[0] = s.FinalCells;
        batch.Double(10)[0] = s.EndDay;
        batch.Double(11)[0] = s.ResistantFraction;
        batch.Int32(12)[0] = s.ClonesEver;
        int next = 13;
        if (scenario.Cohort is not null)
        {
            ClinicalColumns.Fill(scenario, result, batch, next);
            next += ClinicalColumns.Specs.Count;
        }
        _exposure.Fill(result, batch, next);
        next += _exposure.Specs.Count;
        if (sweep is not null) SweepColumns.Fill(sweep, result.Unit.Point, batch, next);
    }
}
