using System.Diagnostics;
using System.Globalization;
using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Observation;
using ResistanceSim.Model;
using ResistanceSim.Output;
using ResistanceSim.Output.Locking;
using ResistanceSim.Output.Reading;
using ResistanceSim.Output.Shards;
using ResistanceSim.Output.Sinks;
using ResistanceSim.Output.Tables;
using ResistanceSim.Runs.Reporting;
using ResistanceSim.Scenarios.Limits;
using ResistanceSim.Scenarios.Sweeps;

namespace ResistanceSim.Runs;

/// <summary>
/// Scenario (with its sweep) → validated model → this shard's work units on the worker pool, checkpointed
/// → tables, derived tables (assay fits, trial endpoints) and, last, the manifest that lists them → plots and
/// report.html (whole runs; <see cref="RunReport"/> draws them for merged shards). Nothing is written unless the
/// scenario and settings are valid; all writing happens under the run directory's lock; tables count only once the
/// manifest lists them; an interrupted run resumes with <see cref="RunSettings.Resume"/>.
/// </summary>
internal static class RunPipeline
{
    public static RunOutcome Execute(RunnableScenario runnable, string outputRoot, RunSettings settings, IProgress<RunProgress>? progress,
        CancellationToken cancellation)
    {
        if (settings.Seed > long.MaxValue)
            throw new RunRequestException($"a seed must be at most {long.MaxValue}, the largest seed a scenario file takes ({settings.Seed} supplied)");
        var loaded = settings.Seed is { } seed ? SweepLoader.WithSeed(runnable.Loaded, seed) : runnable.Loaded;
        var scenario = ApplyOverrides(loaded.Scenario, settings);
        var sweep = loaded.Sweep;
        var algorithm = Algorithms.All.FirstOrDefault(a => a.Kind == scenario.Engine.Engine)
            ?? throw new RunRequestException($"engine '{Algorithms.NameOf(scenario.Engine.Engine)}' is not available in this version (available: {string.Join(", ", Algorithms.All.Select(a => a.Name))})");

        string runDirectory = Path.Combine(outputRoot, scenario.Name);
        if (scenario.Cohort is not null && scenario.Engine.Engine == EngineKind.Ode)
            throw new RunRequestException("cohorts need a stochastic engine (exact, tau or hybrid): the ode engine has no extinction and no chance resistance before diagnosis");
        if (settings.Patients is not null && scenario.Cohort is null)
            throw new RunRequestException($"a patient count applies only to scenarios with a cohort ('{runnable.Origin}' has none)");
        if (settings.Resume && !settings.Checkpoints)
            throw new RunRequestException("a run without checkpoints on disk cannot resume");
        var shard = settings.Shard;
        int[] pointsPerArm = [.. loaded.PointsPerArm.Select(points => Math.Min(points, settings.Patients ?? points))];
        var allUnits = new WorkUnitRange(pointsPerArm, scenario.Replicates);
        var (first, count) = shard.Range(allUnits.Total);
        var shardUnits = new WorkUnitRange(pointsPerArm, scenario.Replicates, first, count);
        foreach (var limitWarning in ResourceLimitCheck.Enforce(settings.Limits, ResourceEstimate.Of(scenario, shardUnits.Count, settings.Threads), runnable.Origin))
            Notify(progress, limitWarning.ToString());
        var provenance = new Provenance(Provenance.CurrentToolVersion, loaded.Document.Sha256Hex, scenario.Seed, algorithm.Name);
        var work = new DoneList(provenance.ScenarioSha256, scenario.Seed, algorithm.Name, scenario.Replicates, sweep.PointCount,
            OutputFormats.Extension(settings.Format), shard.ToString(), shardUnits.Count, 0, 0, false);
        var clock = Stopwatch.StartNew();
        if (DayZeroStop(scenario) is { } warning) Notify(progress, $"warning: {warning}");

        // Everything below writes into the run directory, so it happens under its lock.
        using var runLock = RunDirectoryLock.Acquire(runDirectory, shard, settings.LockHolder);
        if (runLock.StaleHolder is { } stale)
            Notify(progress, $"note: took over the lock of a run that is gone ({stale.Describe()}).");
        int leftovers = TemporaryFiles.Clean(runDirectory, shard);
        if (leftovers > 0) Notify(progress, $"note: removed {leftovers} unfinished temporary file{(leftovers == 1 ? "" : "s")} an interrupted run left in {runDirectory}.");
        var summary = new RunSummaryPrinter(sweep);
        TrialResults.Readout? trial;
        CourseCapture? course;
        using (var checkpoints = OpenCheckpoints(runDirectory, scenario, sweep, work, settings))
        {
            if (checkpoints.AlreadyPublished)
                return new RunOutcome(scenario.Name, runDirectory, shard, alreadyComplete: true, shardUnits.Count, clock.Elapsed, trial: null, summary: null);
            using var output = new RunOutput(runDirectory, scenario, settings.Format, provenance, shard.Index, sweep, wholeRun: shard.IsWhole);
            course = shard.IsWhole && settings.Plots ? new CourseCapture(output.Tables) : null;   // sharded runs are drawn once merged
            StreamTables(checkpoints, output, summary, course, runDirectory, shardUnits.Count, cancellation);
            var remaining = shardUnits.Skip(checkpoints.UnitsDone);
            progress?.Report(new RunProgress(RunStage.Started, 0, remaining.Count)
            {
                Description = Describe(scenario, sweep, loaded.Arms.Count, algorithm, shard),
                UnitsAlreadyDone = checkpoints.UnitsDone,
            });
            int finished = 0;   // the runner reports finished units one at a time, in order
            int done = ShardRunner.Run(scenario, unit => ApplyOverrides(loaded.ScenarioFor(unit.Arm, unit.Point), settings), remaining, settings.Threads, algorithm,
                checkpoints, result => progress?.Report(new RunProgress(RunStage.Running, ++finished, remaining.Count) { Unit = Totals(result, scenario.DrugList) }), cancellation).UnitsDone;
            if (done < remaining.Count)
                throw new RunStoppedException(RunStage.Running, checkpoints.UnitsDone, shardUnits.Count, runDirectory, cancellation);
            progress?.Report(new RunProgress(RunStage.Publishing, done, remaining.Count));
            try
            {
                trial = Publish(runDirectory, scenario, sweep, loaded, settings, provenance, algorithm, shardUnits.Count, clock, checkpoints, output, cancellation);
            }
            catch (OperationCanceledException e) when (cancellation.IsCancellationRequested)
            {
                throw new RunStoppedException(RunStage.Publishing, shardUnits.Count, shardUnits.Count, runDirectory, cancellation, e);
            }
        }

        if (cancellation.IsCancellationRequested)
            throw new RunStoppedException(RunStage.Drawing, shardUnits.Count, shardUnits.Count, runDirectory, cancellation);
        if (course is not null)   // kept only by a whole run that draws its report
        {
            progress?.Report(new RunProgress(RunStage.Drawing, shardUnits.Count, shardUnits.Count));
            RunReport.Write(runDirectory, loaded, settings.ReportPage, new HeldByTheRun(course.Tables, trial));
        }
        return new RunOutcome(scenario.Name, runDirectory, shard, alreadyComplete: false, shardUnits.Count, clock.Elapsed, trial, summary);
    }

    /// <summary>
    /// Writes the shard's part files as its units finish (hidden until <see cref="Publish"/> commits them), the run's
    /// summary and the report's course watching every row, instead of reading the spool back once they are all done;
    /// a resumed run first replays what its spool holds, so the files are the same bytes.
    /// </summary>
    private static void StreamTables(ShardCheckpoints checkpoints, RunOutput output, RunSummaryPrinter summary, CourseCapture? course,
        string runDirectory, int shardUnits, CancellationToken cancellation)
    {
        var tables = output.Tables;
        try
        {
            checkpoints.StreamTo((table, batch) =>
            {
                summary.Observe(tables[table], batch);
                course?.Observe(tables[table], batch);
                output.Append(table, batch);
            }, cancellation);
        }
        catch (OperationCanceledException e) when (cancellation.IsCancellationRequested)
        {
            throw new RunStoppedException(RunStage.Running, checkpoints.UnitsDone, shardUnits, runDirectory, cancellation, e);
        }
    }

    /// <summary>
    /// A copy of a finished unit's totals for progress reports (the runner reuses the result's buffers for the next unit);
    /// its concentration columns are in <paramref name="drugs"/>' order, as in <c>totals</c>.
    /// </summary>
    private static UnitTotals Totals(WorkUnitResult result, IReadOnlyList<Drug> drugs) => new(result.Unit.Arm, result.Unit.Point, result.Unit.Replicate,
        result.SampleDay.Span.ToArray(), [.. result.TotalCells.Span.ToArray().Select(c => (double)c)])
    {
        DrugLevels = [.. drugs.Select((drug, d) => new DrugLevels(drug.Name, result.Concentrations[d].Span.ToArray()))],
    };

    private static void Notify(IProgress<RunProgress>? progress, string line) =>
        progress?.Report(new RunProgress(RunStage.Notice, 0, 0) { Notice = line });

    /// <summary>
    /// Publishes a finished shard: the manifests it makes stale go first, then the resolved scenario, the tables
    /// (streamed into <paramref name="output"/> while the units ran) and the derived tables, and last the manifest that
    /// lists them all, so readers see them all together or not at all; only then is the shard marked complete. A run
    /// killed or stopped before that replays its spool into new part files when resumed. Returns the trial readout of
    /// a whole cohort run.
    /// </summary>
    private static TrialResults.Readout? Publish(string runDirectory, Scenario scenario, Sweep sweep, LoadedSweep loaded, RunSettings settings,
        Provenance provenance, AlgorithmInfo algorithm, int units, Stopwatch clock, ShardCheckpoints checkpoints, RunOutput output,
        CancellationToken cancellation)
    {
        checkpoints.Finish();
        InvalidateManifests(runDirectory, settings.Shard);
        FaultInjection.Reach(FaultInjection.PublishStart);
        // The resolved scenario is published with the tables it produced (an earlier run's tables keep theirs until then).
        string resolved = Path.Combine(runDirectory, "scenario.yaml");
        AtomicFile.WriteAllText(resolved, loaded.Document.ResolvedYaml);
        var files = new List<string> { resolved };
        // A stop request up to here leaves the part files unpublished (the owner discards them; --resume replays the spool).
        cancellation.ThrowIfCancellationRequested();
        output.Commit();
        files.AddRange(output.Paths);
        FaultInjection.Reach(FaultInjection.PublishDerived);
        TrialResults.Readout? trial = null;
        if (settings.Shard.IsWhole)
        {
            var written = RunFiles.Pending(runDirectory, files);
            files.AddRange(AssayFits.Write(runDirectory, AssayFits.FitAll(written), settings.Format, provenance));
            // Only a cohort's summary has the trial's columns: a sweep's is not read back for nothing.
            trial = scenario.Cohort is null ? null : TrialResults.Read(written, [.. loaded.Arms.Select(a => a.Name)]);
            if (trial is not null) files.AddRange(TrialResults.Write(runDirectory, trial, settings.Format, provenance));
        }
        FaultInjection.Reach(FaultInjection.PublishManifest);
        new RunManifest(provenance.ToolVersion, scenario.Name, provenance.ScenarioSha256, scenario.Seed, algorithm.Name,
            OutputFormats.Extension(settings.Format), units, units, settings.Threads, clock.Elapsed.TotalSeconds,
            [.. RunTables.For(scenario, sweep).Select(t => t.Name), .. scenario.Cohort is null ? [] : new[] { TrialResults.EndpointsTable, TrialResults.MechanismsTable }],
            settings.Shard.ToString(), RunFiles.Pending(runDirectory, files).Relative).Write(RunManifest.PathFor(runDirectory, settings.Shard));
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

    private static ShardCheckpoints OpenCheckpoints(string runDirectory, Scenario scenario, Sweep sweep, DoneList work, RunSettings settings)
    {
        try
        {
            return new ShardCheckpoints(runDirectory, settings.Shard.Index, RunTables.For(scenario, sweep), work, settings.Resume, durable: settings.Checkpoints);
        }
        catch (ResumeMismatchException e)
        {
            throw new RunRequestException(e.Message);
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

    private static Scenario ApplyOverrides(Scenario scenario, RunSettings settings) => scenario with
    {
        Replicates = settings.Replicates ?? scenario.Replicates,
        Engine = settings.Engine is { } engine ? scenario.Engine with { Engine = engine } : scenario.Engine,
    };
}
