using ResistanceSim.Engine.Observation;

namespace ResistanceSim.Output.Tables;

/// <summary><c>cells/</c> (agent engine with <c>space.snapshot_every_days</c>): every cell at each snapshot, at most <c>max_snapshot_cells</c> per snapshot.</summary>
public sealed class CellsTable : IRunTable
{
    public string Name => "cells";

    public IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        .. WorkUnitColumns.Specs,
        new("time_days", ColumnType.Double, false, "day", "snapshot time"),
        new("x", ColumnType.Int32, false, "site", "lattice column, from 0"),
        new("y", ColumnType.Int32, false, "site", "lattice row, from 0"),
        new("z", ColumnType.Int32, false, "site", "lattice layer, from 0 (0 in 2D)"),
        new("clone_id", ColumnType.Int64, false, "", "clone id (see clones/)"),
        new("phenotype", ColumnType.Int32, false, "", "phenotype states as bits, catalog order of the phenotype mechanisms (0 = none)"),
        new("resistant", ColumnType.Boolean, false, "", "the cell carries any mechanism"),
    ];

    public void Fill(WorkUnitResult result, TableBatch batch)
    {
        batch.Reset(result.SnapshotDay.Count);
        WorkUnitColumns.Fill(result, batch);
        result.SnapshotDay.Span.CopyTo(batch.Double(3));
        result.CellX.Span.CopyTo(batch.Int32(4));
        result.CellY.Span.CopyTo(batch.Int32(5));
        result.CellZ.Span.CopyTo(batch.Int32(6));
        var ids = batch.Int64(7);
        var source = result.CellClone.Span;
        for (int i = 0; i < source.Length; i++) ids[i] = source[i];
        result.CellPhenotype.Span.CopyTo(batch.Int32(8));
        result.CellResistant.Span.CopyTo(batch.Boolean(9));
    }
}
