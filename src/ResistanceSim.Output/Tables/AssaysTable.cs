using ResistanceSim.Engine.Observation;
using ResistanceSim.Model;

namespace ResistanceSim.Output.Tables;

/// <summary>
/// <c>assays/</c>: one row per well of each virtual viability assay — the dose–response points.
/// The 4-parameter Hill fit (IC50 with CI, fold change over the first assay) is done on these rows
/// by ResistanceSim.Analysis (HillCurveFitter); see docs/protocols.md.
/// </summary>
public sealed class AssaysTable(Scenario scenario) : IRunTable
{
    private readonly IReadOnlyList<ViabilityAssay> _assays = scenario.Assays;

    public string Name => "assays";

    public IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        .. WorkUnitColumns.Specs,
        new("assay", ColumnType.String, false, "", "assay name (scenario assays:)"),
        new("drug", ColumnType.String, false, "", "drug in the dilution series"),
        new("time_days", ColumnType.Double, false, "day", "when the population was plated"),
        new("concentration_nM", ColumnType.Double, false, "nM", "medium concentration (0 = vehicle)"),
        new("well", ColumnType.Int32, false, "", "replicate well at this concentration"),
        new("cells_plated", ColumnType.Int64, false, "cells", "cells drawn from the population into the well"),
        new("cells_final", ColumnType.Int64, false, "cells", "cells in the well at the end of the assay"),
        new("viability", ColumnType.Double, false, "fraction", "cells_final / mean cells_final of the vehicle wells"),
    ];

    public void Fill(WorkUnitResult result, TableBatch batch)
    {
        int rows = result.AssayDay.Count;
        batch.Reset(rows);
        WorkUnitColumns.Fill(result, batch);
        var index = result.AssayIndex.Span;
        var names = batch.String(3);
        var drugs = batch.String(4);
        for (int i = 0; i < rows; i++)
        {
            names[i] = _assays[index[i]].Name;
            drugs[i] = _assays[index[i]].Drug;
        }
        result.AssayDay.Span.CopyTo(batch.Double(5));
        result.AssayConcentration.Span.CopyTo(batch.Double(6));
        result.AssayWell.Span.CopyTo(batch.Int32(7));
        result.AssayCellsPlated.Span.CopyTo(batch.Int64(8));
        result.AssayCellsFinal.Span.CopyTo(batch.Int64(9));
        result.AssayViability.Span.CopyTo(batch.Double(10));
    }
}
