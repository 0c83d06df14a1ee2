using System.CommandLine;
using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Model;
using ResistanceSim.Output.Sinks;

namespace ResistanceSim.Cli.Commands;

/// <summary><c>resistancesim run &lt;scenario.yaml&gt; [--out DIR] [--replicates N] [--seed N] [--threads N] [--engine …] [--format …] [--shard K/N] [--resume] [--no-plots] [--patients N]</c></summary>
public static class RunCommand
{
    public static Command Create(CommandContext context)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario YAML file." };
        var output = new Option<string>("--out") { Description = "Output root; the run goes to <out>/<scenario name>/.", DefaultValueFactory = _ => "output" };
        var replicates = new Option<int?>("--replicates") { Description = "Override the scenario's replicate count." };
        var seed = new Option<ulong?>("--seed") { Description = "Override the scenario's seed, as if the file said it (a cohort's patients are drawn from it too)." };
        var engine = new Option<string?>("--engine") { Description = "Override the engine: exact, tau, ode, hybrid or agents." };
        engine.AcceptOnlyFromAmong("exact", "tau", "ode", "hybrid", "agents");
        var format = new Option<string>("--format") { Description = "Table format: parquet (default) or csv.", DefaultValueFactory = _ => "parquet" };
        format.AcceptOnlyFromAmong("parquet", "csv");
        var noPlots = new Option<bool>("--no-plots") { Description = "Skip plots/ and report.html." };

        var workers = new WorkerOptions("Worker threads (default: all cores).",
            "Run only shard K of N (K from 0), writing <table>/part-K; e.g. --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT.",
            "Keep the work units an interrupted run (of the same shard) finished and run the rest.");
        var patients = new Option<int?>("--patients") { Description = "Cohorts: treat only the first N patients of each arm (a quick look at a trial; the same patients as in the full run)." };

        var command = new Command("run", "Run a scenario and write its run directory.") { scenario, output, replicates, seed, engine, format, noPlots, patients };
        workers.AddTo(command);
        var limits = new ResourceLimitOptions();
        limits.AddTo(command);
        command.SetAction(parse =>
        {
            int threadCount = workers.Threads(parse);
            int? replicateCount = parse.GetValue(replicates);
            if (replicateCount is < 1) throw new UsageException($"--replicates must be >= 1 ({replicateCount} supplied)");
            ulong? seedValue = parse.GetValue(seed);
            if (seedValue > long.MaxValue) throw new UsageException($"--seed must be at most {long.MaxValue}, the largest seed a scenario file takes ({seedValue} supplied)");
            int? patientCount = parse.GetValue(patients);
            if (patientCount is < 1) throw new UsageException($"--patients must be >= 1 ({patientCount} supplied)");
            var shardSpec = workers.Shard(parse);
            var options = new RunOptions(
                parse.GetValue(scenario)!, parse.GetValue(output)!, replicateCount, seedValue, threadCount,
                parse.GetValue(engine) is { } name ? Enum.Parse<EngineKind>(name, ignoreCase: true) : null,
                parse.GetValue(format) == "parquet" ? OutputFormat.Parquet : OutputFormat.Csv)
            {
                Shard = shardSpec,
                Resume = workers.Resume(parse),
                Plots = !parse.GetValue(noPlots),
                Patients = patientCount,
                Limits = limits.Read(parse),
            };
            return RunCommandHandler.Execute(options, context);
        });
        return command;
    }
}
