using ResistanceSim.Model;

namespace ResistanceSim.Output.Tables;

/// <summary>The tables every run writes, in the order they are documented.</summary>
public static class RunTables
{
    /// <summary>The tables of a run; a sweep adds its parameter columns to <c>summary/</c> and the <c>points/</c> table.</summary>
    public static IReadOnlyList<IRunTable> For(Scenario scenario, Sweep? sweep = null) =>
        sweep is null || sweep.Kind == SweepKind.None
            ? [new TotalsTable(scenario), new ClonesTable(scenario), new TrajectoriesTable(), new SummaryTable(scenario)]
            : [new TotalsTable(scenario), new ClonesTable(scenario), new TrajectoriesTable(), new SummaryTable(scenario, sweep), new PointsTable(sweep)];
}
