using ResistanceSim.Model;

namespace ResistanceSim.Output.Tables;

/// <summary>The tables every run writes, in the order they are documented.</summary>
public static class RunTables
{
    /// <summary>The tables of a run; a sweep adds its parameter columns to <c>summary/</c> and the <c>points/</c> table; assays add <c>assays/</c>;
    /// the agent engine on a lattice adds <c>spatial/</c>, and <c>cells/</c> when it takes snapshots.</summary>
    public static IReadOnlyList<IRunTable> For(Scenario scenario, Sweep? sweep = null)
    {
        bool swept = sweep is not null && sweep.Kind != SweepKind.None;
        var tables = new List<IRunTable>
        {
            new TotalsTable(scenario), new ClonesTable(scenario), new TrajectoriesTable(),
            swept ? new SummaryTable(scenario, sweep) : new SummaryTable(scenario),
        };
        if (swept) tables.Add(new PointsTable(sweep!));
        if (scenario.Assays.Count > 0) tables.Add(new AssaysTable(scenario));
        if (scenario.Engine.Engine == EngineKind.Agents && scenario.Space is { } lattice)
        {
            tables.Add(new SpatialTable());
            if (double.IsFinite(lattice.SnapshotEveryDays)) tables.Add(new CellsTable());
        }
        return tables;
    }
}
