using ResistanceSim.Model;

namespace ResistanceSim.Output.Tables;

/// <summary>The tables every run writes, in the order they are documented.</summary>
public static class RunTables
{
    public static IReadOnlyList<IRunTable> For(Scenario scenario) =>
        [new TotalsTable(scenario), new ClonesTable(scenario), new TrajectoriesTable(), new SummaryTable(scenario), .. (scenario.Assays.Count > 0 ? new IRunTable[] { new AssaysTable(scenario) } : [])];
}
