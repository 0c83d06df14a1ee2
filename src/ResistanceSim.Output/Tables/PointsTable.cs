using ResistanceSim.Engine.Observation;
using ResistanceSim.Model;

namespace ResistanceSim.Output.Tables;

/// <summary>
/// <c>points/</c>: one row per sweep point — its index and the value of every swept parameter. The row is
/// emitted with the point's first work unit (replicate 0), so each point appears in exactly one shard.
/// </summary>
public sealed class PointsTable(Sweep sweep) : IRunTable
{
    public string Name => "points";

    public IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("point", ColumnType.Int32, false, "", "sweep point index"),
        .. SweepColumns.Specs(sweep),
    ];

    public void Fill(WorkUnitResult result, TableBatch batch)
    {
        bool first = result.Unit.Replicate == 0 && result.Unit.Arm == 0;
        batch.Reset(first ? 1 : 0);
        if (!first) return;
        batch.Int32(0)[0] = result.Unit.Point;
        SweepColumns.Fill(sweep, result.Unit.Point, batch, 1);
    }
}
