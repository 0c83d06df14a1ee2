using ResistanceSim.Engine.Observation;

namespace ResistanceSim.Output.Tables;

/// <summary><c>trajectories/</c>: one row per sample and clone at or above the sampling threshold.</summary>
public sealed class TrajectoriesTable : IRunTable
{
    public string Name => "trajectories";

    public IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        .. WorkUnitColumns.Specs,
        new("time_days", ColumnType.Double, false, "day", "sample time"),
        new("clone_id", ColumnType.Int64, false, "", "clone id (see clones/)"),
        new("cells", ColumnType.Int64, false, "cells", "cells in the clone"),
    ];

    public void Fill(WorkUnitResult result, TableBatch batch)
    {
        batch.Reset(result.TrajectoryDay.Count);
        WorkUnitColumns.Fill(result, batch);
        result.TrajectoryDay.Span.CopyTo(batch.Double(3));
        var ids = batch.Int64(4);
        var source = result.TrajectoryClone.Span;
        for (int i = 0; i < source.Length; i++) ids[i] = source[i];
        result.TrajectoryCells.Span.CopyTo(batch.Int64(5));
    }
}
