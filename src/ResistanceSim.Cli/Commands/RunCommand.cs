using System.CommandLine;
using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Model;
using ResistanceSim.Output.Sinks;

namespace ResistanceSim.Cli.Commands;

/// <summary><c>resistancesim run &lt;scenario.yaml&gt; [--out DIR] [--replicates N] [--seed N] [--threads N] [--engine …] [--format …] [--no-plots]</c></summary>
public static class RunCommand
{
    public static Command Create(CommandContext context)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario YAML file." };
        var output = new Option<string>("--out") { Description = "Output root; the run goes to <out>/<scenario name>/.", DefaultValueFactory = _ => "output" };
        var replicates = new Option<int?>("--replicates") { Description = "Override the scenario's replicate count." };
        var seed = new Option<ulong?>("--seed") { Description = "Override the scenario's seed." };
        var threads = new Option<int>("--threads") { Description = "Worker threads (default: all cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var engine = new Option<string?>("--engine") { Description = "Override the engine: exact, tau, ode or hybrid." };
        engine.AcceptOnlyFromAmong("exact", "tau", "ode", "hybrid");
        var format = new Option<string>("--format") { Description = "Table format: parquet (default) or csv.", DefaultValueFactory = _ => "parquet" };
        format.AcceptOnlyFromAmong("parquet", "csv");
        var noPlots = new Option<bool>("--no-plots") { Description = "Skip plots/ and report.html." };

        var command = new Command("run", "Run a scenario and write its run directory.") { scenario, output, replicates, seed, threads, engine, format, noPlots };
        command.SetAction(parse =>
        {
            int threadCount = parse.GetValue(threads);
            if (threadCount < 1) throw new UsageException($"--threads must be >= 1 ({threadCount} supplied)");
            int? replicateCount = parse.GetValue(replicates);
            if (replicateCount is < 1) throw new UsageException($"--replicates must be >= 1 ({replicateCount} supplied)");
            var options = new RunOptions(
                parse.GetValue(scenario)!, parse.GetValue(output)!, replicateCount, parse.GetValue(seed), threadCount,
                parse.GetValue(engine) is { } name ? Enum.Parse<EngineKind>(name, ignoreCase: true) : null,
                parse.GetValue(format) == "parquet" ? OutputFormat.Parquet : OutputFormat.Csv,
                Plots: !parse.GetValue(noPlots));
            return RunPipeline.Execute(options, context);
        });
        return command;
    }
}
