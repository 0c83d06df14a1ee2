using ResistanceSim.Engine.Observation;

namespace ResistanceSim.Output.Tables;

/// <summary>The arm, point and replicate columns that open every table, identifying the work unit.</summary>
public static class WorkUnitColumns
{
    public const int Count = 3;

    public static IEnumerable<ColumnSpec> Specs { get; } =
    [
        new("arm", ColumnType.Int32, false, "", "treatment arm index (0 for single-arm scenarios)"),
        new("point", ColumnType.Int32, false, "", "sweep point index (0 without a sweep)"),
        new("replicate", ColumnType.Int32, false, "", "replicate index"),
    ];

    internal static void Fill(WorkUnitResult result, TableBatch batch)
    {
        batch.Int32(0).Fill(result.Unit.Arm);
        batch.Int32(1).Fill(result.Unit.Point);
        batch.Int32(2).Fill(result.Unit.Replicate);
    }
}
