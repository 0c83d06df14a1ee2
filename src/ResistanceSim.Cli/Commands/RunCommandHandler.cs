using System.Globalization;
using ResistanceSim.Cli.Terminal;
using ResistanceSim.Engine;
using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Output.Sinks;
using ResistanceSim.Runs;
using ResistanceSim.Scenarios.Diagnostics;

namespace ResistanceSim.Cli.Commands;

/// <summary>
/// <c>resistancesim run</c> over the Runs library: checks what only the command line can get wrong, loads the
/// scenario, runs it with progress on the terminal, and prints the summary — or, when stopped, the command that
/// continues the run.
/// </summary>
public static class RunCommandHandler
{
    public static int Execute(RunOptions options, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        if (!File.Exists(options.ScenarioPath)) throw new UsageException($"scenario file '{options.ScenarioPath}' does not exist");
        HotPath.CompileInBackground();
        // --seed is read as the file's seed: patched in as the file is bound, so the cohort's patients are drawn from it
        // without binding the scenario a second time.
        var loaded = RunnableScenario.Load(options.ScenarioPath,
            options.Seed is { } seed ? [new("seed", seed.ToString(CultureInfo.InvariantCulture))] : null);
        var scenario = loaded.Scenario ?? throw new ScenarioValidationException(loaded.Diagnostics);
        if (options.Patients is not null && !scenario.HasCohort)
            throw new UsageException($"--patients applies only to scenarios with a cohort ('{options.ScenarioPath}' has none)");

        RunOutcome outcome;
        using (var progress = new RunProgressPrinter(context.Output, context.Error))
        {
            try
            {
                outcome = ScenarioRunner.RunIntoDirectory(scenario, options.OutputRoot, Settings(options), progress, context.Cancellation);
            }
            catch (RunStoppedException stopped)
            {
                progress.Dispose();
                context.Error.WriteLine(StoppedMessage(stopped, options));
                throw;
            }
        }

        if (outcome.AlreadyComplete)
        {
            context.Output.WriteLine($"Shard {options.Shard} of {outcome.ScenarioName} is already complete; nothing to run.");
            return ExitCodes.Ok;
        }
        outcome.WriteSummary(context.Output);
        context.Output.WriteLine($"Wrote {outcome.RunDirectory}{Path.DirectorySeparatorChar} ({outcome.WorkUnits} work units, {outcome.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s).");
        return ExitCodes.Ok;
    }

    private static RunSettings Settings(RunOptions options) => new()
    {
        Replicates = options.Replicates,
        Engine = options.Engine,
        Threads = options.Threads,
        Format = options.Format,
        Shard = options.Shard,
        Resume = options.Resume,
        Plots = options.Plots,
        Patients = options.Patients,
        Limits = options.Limits,
        LockHolder = CommandText(options),
    };

    private static string StoppedMessage(RunStoppedException stopped, RunOptions options) => stopped.Stage switch
    {
        RunStage.Running => $"Stopped after {stopped.UnitsDone} of {stopped.UnitsTotal} work units; they are kept. Continue with: {ResumeCommand(options)}",
        RunStage.Publishing => $"Stopped while publishing; all {stopped.UnitsTotal} work units are kept. Continue with: {ResumeCommand(options)}",
        _ => $"Stopped before drawing the report; the tables are published. Draw it with: resistancesim plot {stopped.RunDirectory}",
    };

    /// <summary>This process's command line, recorded in the lock file so a refused run can name its holder.</summary>
    private static string CommandText(RunOptions options) =>
        $"resistancesim run {options.ScenarioPath} --out {options.OutputRoot}" + (options.Shard.IsWhole ? "" : $" --shard {options.Shard}") + (options.Resume ? " --resume" : "");

    /// <summary>The command line that continues an interrupted run (the options that define the work repeated, plus --resume).</summary>
    private static string ResumeCommand(RunOptions options)
    {
        var parts = new List<string> { "resistancesim run", options.ScenarioPath, "--out", options.OutputRoot };
        if (options.Replicates is { } r) parts.AddRange(["--replicates", r.ToString(CultureInfo.InvariantCulture)]);
        if (options.Seed is { } s) parts.AddRange(["--seed", s.ToString(CultureInfo.InvariantCulture)]);
        if (options.Engine is { } e) parts.AddRange(["--engine", Algorithms.NameOf(e)]);
        parts.AddRange(["--format", OutputFormats.Extension(options.Format)]);
        if (!options.Shard.IsWhole) parts.AddRange(["--shard", options.Shard.ToString()]);
        if (options.Patients is { } patients) parts.AddRange(["--patients", patients.ToString(CultureInfo.InvariantCulture)]);
        parts.Add("--resume");
        return string.Join(' ', parts);
    }
}
