// The C# API in one program (docs/api.md): load a scenario with an override, run it in memory with progress, read
// its tables, then run it into a run directory and query that directory's Parquet files with DuckDB.
//   dotnet run --project examples/ApiExample [-- path/to/scenario.yaml]
using System.Globalization;
using ResistanceSim.Runs;

string path = args.Length > 0 ? args[0] : Path.Combine("scenarios", "quickstart.yaml");

// 1. Load: the same loader and validator as `resistancesim run`; overrides are (path as in `sweep:`, value) pairs.
var loaded = RunnableScenario.Load(path, [new("replicates", "2")]);
if (loaded.Scenario is not { } scenario)
{
    foreach (var problem in loaded.Diagnostics) Console.Error.WriteLine(problem);
    return 2;
}
Console.WriteLine($"Loaded {scenario.Name} from {path}: {scenario.WorkUnits} work units");

// 2. Run in memory. Progress arrives in order on this thread; no file is left behind.
var progress = new InlineProgress(report =>
{
    if (report.Stage == RunStage.Running) Console.WriteLine($"  {report.UnitsDone}/{report.UnitsTotal} work units");
});
var settings = new RunSettings { Threads = 2 };
var inMemory = ScenarioRunner.RunInMemory(scenario, settings, progress);

// 3. Read the tables as typed columns.
var summary = inMemory.Tables["summary"];
var totals = inMemory.Tables["totals"];
Console.WriteLine($"In memory: {string.Join(", ", inMemory.Tables.Keys)}; totals has {totals.RowCount} samples");
for (int row = 0; row < summary.RowCount; row++)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  replicate {summary.Long("replicate", row)}: {summary.String("outcome", row)}, {summary.Long("final_cells", row)} cells, mostly {summary.String("dominant_mechanism", row)}"));
}

// 4. Run into a run directory (the layout docs/output-schema.md describes) and query its tables in DuckDB: each
//    table is a view, over exactly the files the run's manifest lists.
string outputRoot = Path.Combine(Path.GetTempPath(), "resistancesim-api-example-" + Guid.NewGuid().ToString("N"));
try
{
    var outcome = ScenarioRunner.RunIntoDirectory(scenario, outputRoot, settings with { Plots = false });
    using var database = RunDatabase.Open(outcome.RunDirectory);
    Console.WriteLine($"DuckDB over {outcome.RunDirectory}: views {string.Join(", ", database.Tables)}");
    using var query = database.Connection.CreateCommand();
    query.CommandText = "SELECT replicate, outcome, final_cells FROM summary ORDER BY replicate";
    using var reader = query.ExecuteReader();
    while (reader.Read())
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  replicate {reader.GetInt64(0)}: {reader.GetString(1)}, {reader.GetInt64(2)} cells"));
}
finally
{
    if (Directory.Exists(outputRoot)) Directory.Delete(outputRoot, recursive: true);
}
return 0;

/// <summary>Reports synchronously to a callback (Progress&lt;T&gt; would post to the thread pool and could reorder lines).</summary>
internal sealed class InlineProgress(Action<RunProgress> report) : IProgress<RunProgress>
{
    public void Report(RunProgress value) => report(value);
}
