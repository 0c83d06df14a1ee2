using System.Diagnostics;
using System.Globalization;
using ResistanceSim.Cli.Reporting;
using ResistanceSim.Cli.Terminal;
using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Observation;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Output;
using ResistanceSim.Output.Sinks;
using ResistanceSim.Output.Tables;
using ResistanceSim.Scenarios;

namespace ResistanceSim.Cli.Commands;

/// <summary>
/// Scenario → validated model → work units on the worker pool → tables, manifest and resolved
/// scenario in the run directory → plots and report.html → a short summary. Nothing is written unless the scenario and
/// options are valid; tables appear only complete.
/// </summary>
public static class RunPipeline
{
    private const int SummaryRowsShown = 20;

    public static int Execute(RunOptions options, CommandContext context)
    {
        if (!File.Exists(options.ScenarioPath)) throw new UsageException($"scenario file '{options.ScenarioPath}' does not exist");
        var loaded = ScenarioLoader.Load(options.ScenarioPath);
        var scenario = ApplyOverrides(loaded.Scenario, options);
        var algorithm = Algorithms.All.FirstOrDefault(a => a.Kind == scenario.Engine.Engine)
            ?? throw new UsageException($"engine '{Algorithms.NameOf(scenario.Engine.Engine)}' is not available in this version (available: {string.Join(", ", Algorithms.All.Select(a => a.Name))})");

        string runDirectory = Path.Combine(options.OutputRoot, scenario.Name);
        var units = Enumerable.Range(0, scenario.Replicates).Select(r => new WorkUnit(0, 0, r)).ToArray();
        var provenance = new Provenance(Provenance.CurrentToolVersion, loaded.Document.Sha256Hex, scenario.Seed, algorithm.Name);
        var clock = Stopwatch.StartNew();

        Directory.CreateDirectory(runDirectory);
        AtomicFile.WriteAllText(Path.Combine(runDirectory, "scenario.yaml"), loaded.Document.ResolvedYaml);
        var summaries = new List<(WorkUnit Unit, RunSummary Summary)>();
        int done;
        using (var output = new RunOutput(runDirectory, scenario, options.Format, provenance))
        {
            done = ProgressReporters.For(context.Output).Track($"{scenario.Name} on {algorithm.Name}", units.Length, tick =>
                BatchRunner.Run(scenario, units, options.Threads, algorithm, s => new SimulationRun(s), result =>
                {
                    output.Write(result);
                    summaries.Add((result.Unit, result.Summary));
                    tick();
                }, context.Cancellation));
            if (done < units.Length)
            {
                context.Error.WriteLine($"Stopped after {done} of {units.Length} work units; no tables were published.");
                throw new OperationCanceledException(context.Cancellation);
            }
            output.Commit();
        }

        new RunManifest(provenance.ToolVersion, scenario.Name, provenance.ScenarioSha256, scenario.Seed, algorithm.Name,
            OutputFormats.Extension(options.Format), units.Length, done, options.Threads, clock.Elapsed.TotalSeconds,
            [.. RunTables.For(scenario).Select(t => t.Name)]).Write(Path.Combine(runDirectory, "manifest.json"));

        AssayFits.Write(runDirectory, AssayFits.FitAll(runDirectory), options.Format, provenance);
        if (options.Plots) RunReport.Write(runDirectory);
        WriteSummary(context.Output, scenario, summaries);
        context.Output.WriteLine($"Wrote {runDirectory}{Path.DirectorySeparatorChar} ({done} work units, {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s).");
        return ExitCodes.Ok;
    }

    private static Scenario ApplyOverrides(Scenario scenario, RunOptions options) => scenario with
    {
        Replicates = options.Replicates ?? scenario.Replicates,
        Seed = options.Seed ?? scenario.Seed,
        Engine = options.Engine is { } engine ? scenario.Engine with { Engine = engine } : scenario.Engine,
    };

    private static void WriteSummary(TextWriter output, Scenario scenario, List<(WorkUnit Unit, RunSummary Summary)> summaries)
    {
        output.WriteLine();
        output.WriteLine($"{"replicate",9}  {"outcome",-10}  {"final cells",12}  {"progression day",15}  dominant mechanism");
        foreach (var (unit, s) in summaries.Take(SummaryRowsShown))
        {
            string progression = double.IsNaN(s.ProgressionDay) ? "-" : s.ProgressionDay.ToString("0.#", CultureInfo.InvariantCulture);
            string dominant = s.DominantMechanism >= 0 ? scenario.Catalog.All[s.DominantMechanism].Name : SummaryTable.NoMechanism;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{unit.Replicate,9}  {RunOutcomes.Label(s.Outcome),-10}  {s.FinalCells,12:0.###e+0}  {progression,15}  {dominant}"));
        }
        if (summaries.Count > SummaryRowsShown) output.WriteLine($"… {summaries.Count - SummaryRowsShown} more in summary/");
        output.WriteLine();
    }
}
