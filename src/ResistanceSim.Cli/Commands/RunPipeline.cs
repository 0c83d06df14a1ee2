using System.Diagnostics;
using System.Globalization;
using ResistanceSim.Cli.Reporting;
using ResistanceSim.Cli.Terminal;
using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Model;
using ResistanceSim.Output;
using ResistanceSim.Output.Locking;
using ResistanceSim.Output.Reading;
using ResistanceSim.Output.Shards;
using ResistanceSim.Output.Sinks;
using ResistanceSim.Output.Tables;
using ResistanceSim.Scenarios.Limits;
using ResistanceSim.Scenarios.Sweeps;

namespace ResistanceSim.Cli.Commands;

/// <summary>
/// Scenario (with its sweep) → validated model → this shard's work units on the worker pool, checkpointed
/// → tables, derived tables (assay fits, trial endpoints) and, last, the manifest that lists them → plots and
/// report.html (whole runs; `resistancesim plot` draws them for merged shards) → a short summary. Nothing is
/// written unless the scenario and options are valid; all writing happens under the run directory's lock;
/// tables count only once the manifest lists them; an interrupted run resumes with --resume.
/// </summary>
public static class RunPipeline
{
    public static int Execute(RunOptions options, CommandContext context)
    {
        if (!File.Exists(options.ScenarioPath)) throw new UsageException($"scenario file '{options.ScenarioPath}' does not exist");
        var loaded = SweepLoader.Load(options.ScenarioPath, options.Overrides);
        var scenario = ApplyOverrides(loaded.Scenario, options);
        var sweep = loaded.Sweep;
        var algorithm = Algorithms.All.FirstOrDefault(a => a.Kind == scenario.Engine.Engine)
            ?? throw new UsageException($"engine '{Algorithms.NameOf(scenario.Engine.Engine)}' is not available in this version (available: {string.Join(", ", Algorithms.All.Select(a => a.Name))})");

        string runDirectory = Path.Combine(options.OutputRoot, scenario.Name);
        if (scenario.Cohort is not null && scenario.Engine.Engine == EngineKind.Ode)
            throw new UsageException("cohorts need a stochastic engine (exact, tau or hybrid): the ode engine has no extinction and no chance resistance before diagnosis");
        if (options.Patients is not null && scenario.Cohort is null)
            throw new UsageException($"--patients applies only to scenarios with a cohort ('{options.ScenarioPath}' has none)");
        int[] pointsPerArm = [.. loaded.PointsPerArm.Select(points => Math.Min(points, options.Patients ?? points))];
        var allUnits = new WorkUnitRange(pointsPerArm, scenario.Replicates);
        var (first, count) = options.Shard.Range(allUnits.Total);
        var shardUnits = new WorkUnitRange(pointsPerArm, scenario.Replicates, first, count);
        CommandLine.WriteWarnings(context.Error, ResourceLimitOptions.Enforce(options.Limits, ResourceEstimate.Of(scenario, shardUnits.Count, options.Threads), options.ScenarioPath));
        var provenance = new Provenance(Provenance.CurrentToolVersion, loaded.Document.Sha256Hex, scenario.Seed, algorithm.Name);
        var work = new DoneList(provenance.ScenarioSha256, scenario.Seed, algorithm.Name, scenario.Replicates, sweep.PointCount,
            OutputFormats.Extension(options.Format), options.Shard.ToString(), shardUnits.Count, 0, 0, false);
        var clock = Stopwatch.StartNew();
        if (DayZeroStop(scenario) is { } warning) context.Error.WriteLine($"warning: {warning}");

        // Everything below writes into the run directory, so it happens under its lock.
        using var runLock = RunDirectoryLock.Acquire(runDirectory, options.Shard, CommandText(options));
        if (runLock.StaleHolder is { } stale)
            context.Error.WriteLine($"note: took over the lock of a run that is gone ({stale.Describe()}).");
        int leftovers = TemporaryFiles.Clean(runDirectory, options.Shard);
        if (leftovers > 0) context.Error.WriteLine($"note: removed {leftovers} unfinished temporary file{(leftovers == 1 ? "" : "s")} an interrupted run left in {runDirectory}.");
        var summary = new RunSummaryPrinter(sweep);
        TrialResults.Readout? trial = null;
        using (var checkpoints = OpenCheckpoints(runDirectory, scenario, sweep, work, options))
        {
            if (checkpoints.AlreadyPublished)
            {
                context.Output.WriteLine($"Shard {options.Shard} of {scenario.Name} is already complete; nothing to run.");
                return ExitCodes.Ok;
            }
            var remaining = shardUnits.Skip(checkpoints.UnitsDone);
            if (checkpoints.UnitsDone > 0)
                context.Output.WriteLine($"Resuming: {checkpoints.UnitsDone} of {shardUnits.Count} work units already done.");
            int done = ProgressReporters.For(context.Output).Track(Describe(scenario, sweep, loaded.Arms.Count, algorithm, options.Shard), remaining.Count, tick =>
                ShardRunner.Run(scenario, unit => ApplyOverrides(loaded.ScenarioFor(unit.Arm, unit.Point), options), remaining, options.Threads, algorithm,
                    checkpoints, tick, context.Cancellation).UnitsDone);
            if (done < remaining.Count)
            {
                context.Error.WriteLine($"Stopped after {checkpoints.UnitsDone} of {shardUnits.Count} work units; they are kept. " +
                    $"Continue with: {ResumeCommand(options)}");
                throw new OperationCanceledException(context.Cancellation);
            }
            try
            {
                trial = Publish(runDirectory, scenario, sweep, loaded, options, provenance, algorithm, shardUnits.Count, clock, checkpoints, summary, context.Cancellation);
            }
            catch (OperationCanceledException) when (context.Cancellation.IsCancellationRequested)
            {
                context.Error.WriteLine($"Stopped while publishing; all {shardUnits.Count} work units are kept. Continue with: {ResumeCommand(options)}");
                throw;
            }
        }

        if (context.Cancellation.IsCancellationRequested)
        {
            context.Error.WriteLine($"Stopped before drawing the report; the tables are published. Draw it with: resistancesim plot {runDirectory}");
            throw new OperationCanceledException(context.Cancellation);
        }
        if (options.Shard.IsWhole && options.Plots) RunReport.Write(runDirectory);
        if (trial is not null)
        {
            context.Output.WriteLine();
            TrialResults.Print(context.Output, trial);
            context.Output.WriteLine();
        }
        else summary.Write(context.Output);
        context.Output.WriteLine($"Wrote {runDirectory}{Path.DirectorySeparatorChar} ({shardUnits.Count} work units, {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s).");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Publishes a finished shard: the manifests it makes stale go first, then the resolved scenario, the tables
    /// (from the spool) and the derived tables, and last the manifest that lists them all, so readers see them all
    /// together or not at all; only then is the shard marked complete. A run killed or stopped before that
    /// publishes again from the spool on --resume. Returns the trial readout of a whole cohort run.
    /// </summary>
    private static TrialResults.Readout? Publish(string runDirectory, Scenario scenario, Sweep sweep, LoadedSweep loaded, RunOptions options,
        Provenance provenance, AlgorithmInfo algorithm, int units, Stopwatch clock, ShardCheckpoints checkpoints, RunSummaryPrinter summary,
        CancellationToken cancellation)
    {
        InvalidateManifests(runDirectory, options.Shard);
        FaultInjection.Reach(FaultInjection.PublishStart);
        // The resolved scenario is published with the tables it produced (an earlier run's tables keep theirs until then).
        string resolved = Path.Combine(runDirectory, "scenario.yaml");
        AtomicFile.WriteAllText(resolved, loaded.Document.ResolvedYaml);
        var files = new List<string> { resolved };
        using (var output = new RunOutput(runDirectory, scenario, options.Format, provenance, options.Shard.Index, sweep, wholeRun: options.Shard.IsWhole))
        {
            checkpoints.Publish(output, summary.Observe, cancellation);
            files.AddRange(output.Paths);
        }
        FaultInjection.Reach(FaultInjection.PublishDerived);
        TrialResults.Readout? trial = null;
        if (options.Shard.IsWhole)
        {
            var written = RunFiles.Pending(runDirectory, files);
            files.AddRange(AssayFits.Write(runDirectory, AssayFits.FitAll(written), options.Format, provenance));
            trial = TrialResults.Read(written, [.. loaded.Arms.Select(a => a.Name)]);
            if (trial is not null) files.AddRange(TrialResults.Write(runDirectory, trial, options.Format, provenance));
        }
        FaultInjection.Reach(FaultInjection.PublishManifest);
        new RunManifest(provenance.ToolVersion, scenario.Name, provenance.ScenarioSha256, scenario.Seed, algorithm.Name,
            OutputFormats.Extension(options.Format), units, units, options.Threads, clock.Elapsed.TotalSeconds,
            [.. RunTables.For(scenario, sweep).Select(t => t.Name), .. scenario.Cohort is null ? [] : new[] { TrialResults.EndpointsTable, TrialResults.MechanismsTable }],
            options.Shard.ToString(), RunFiles.Pending(runDirectory, files).Relative).Write(RunManifest.PathFor(runDirectory, options.Shard));
        FaultInjection.Reach(FaultInjection.PublishComplete);
        checkpoints.MarkComplete();
        return trial;
    }

    /// <summary>
    /// Before a publish overwrites part files, removes the manifests that list them: a whole run's replaces
    /// every table, so the shards' manifests go too; a shard's overwrites its own part of the whole run's.
    /// A run killed mid-publish thus leaves no manifest naming a mix of old and new files.
    /// </summary>
    private static void InvalidateManifests(string runDirectory, ShardSpec shard)
    {
        File.Delete(RunManifest.PathFor(runDirectory, shard));
        if (!shard.IsWhole)
        {
            File.Delete(RunManifest.PathFor(runDirectory, ShardSpec.Whole));
            return;
        }
        string shards = Path.Combine(runDirectory, "shards");
        if (Directory.Exists(shards))
            foreach (string manifest in Directory.EnumerateFiles(shards, "part-*.manifest.json")) File.Delete(manifest);
    }

    /// <summary>The clear message for a run that would stop at its first sample because the initial cells already meet stop.max_cells.</summary>
    private static string? DayZeroStop(Scenario scenario)
    {
        if (scenario.Cohort is not null) return null;   // patients grow from their own initial cells to detection first
        double initial = scenario.Population.Initial.Sum(c => (double)c.Cells);
        return initial >= scenario.Stop.MaxCells
            ? string.Create(CultureInfo.InvariantCulture,
                $"the initial population ({initial:0.###e+0} cells) already reaches stop.max_cells ({scenario.Stop.MaxCells:0.###e+0}): every replicate stops at day 0 with nothing simulated; raise stop.max_cells or start with fewer cells")
            : null;
    }

    /// <summary>This process's command line, recorded in the lock file so a refused run can name its holder.</summary>
    private static string CommandText(RunOptions options) =>
        $"resistancesim run {options.ScenarioPath} --out {options.OutputRoot}" + (options.Shard.IsWhole ? "" : $" --shard {options.Shard}") + (options.Resume ? " --resume" : "");

    private static ShardCheckpoints OpenCheckpoints(string runDirectory, Scenario scenario, Sweep sweep, DoneList work, RunOptions options)
    {
        try
        {
            return new ShardCheckpoints(runDirectory, options.Shard.Index, RunTables.For(scenario, sweep), work, options.Resume);
        }
        catch (ResumeMismatchException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static string Describe(Scenario scenario, Sweep sweep, int arms, AlgorithmInfo algorithm, ShardSpec shard) =>
        $"{scenario.Name} on {algorithm.Name}"
        + (arms > 1 ? string.Create(CultureInfo.InvariantCulture, $", {arms} arms") : "")
        + (sweep.Kind switch
        {
            SweepKind.None => "",
            SweepKind.Cohort => string.Create(CultureInfo.InvariantCulture, $", {sweep.PointCount} patients"),
            _ => string.Create(CultureInfo.InvariantCulture, $", {sweep.PointCount} sweep points"),
        })
        + (shard.IsWhole ? "" : $", shard {shard}");

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

    private static Scenario ApplyOverrides(Scenario scenario, RunOptions options) => scenario with
    {
        Replicates = options.Replicates ?? scenario.Replicates,
        Seed = options.Seed ?? scenario.Seed,
        Engine = options.Engine is { } engine ? scenario.Engine with { Engine = engine } : scenario.Engine,
    };
}
