namespace ResistanceSim.Runs;

/// <summary>
/// Runs a <see cref="RunnableScenario"/> end to end: its work units on the worker pool, then its tables, assay fits,
/// trial readout and (for a whole run) plots and report — into a run directory, or into memory.
/// </summary>
public static class ScenarioRunner
{
    /// <summary>
    /// Runs into <c>&lt;<paramref name="outputRoot"/>&gt;/&lt;scenario name&gt;/</c>, the layout docs/output-schema.md describes.
    /// Nothing is written unless the settings are valid; finished work units are checkpointed, so a stopped run resumes.
    /// </summary>
    /// <exception cref="RunRequestException">The settings do not fit the scenario, or the directory holds another run to resume.</exception>
    /// <exception cref="ResistanceSim.Scenarios.Diagnostics.ScenarioValidationException">The run is estimated to exceed <see cref="RunSettings.Limits"/>.</exception>
    /// <exception cref="RunStoppedException"><paramref name="cancellation"/> stopped it; what finished is kept.</exception>
    public static RunOutcome RunIntoDirectory(RunnableScenario scenario, string outputRoot, RunSettings settings,
        IProgress<RunProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(outputRoot);
        ArgumentNullException.ThrowIfNull(settings);
        return RunPipeline.Execute(scenario, outputRoot, settings, progress, cancellation);
    }

    /// <summary>
    /// Runs the whole scenario and returns its tables and readout, leaving no files: the run goes through a private
    /// scratch directory (so its tables are exactly those of <see cref="RunIntoDirectory"/>), which is removed afterwards,
    /// stopped or not. Plots are not drawn; the shard and resume settings do not apply.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> stopped it; nothing is kept.</exception>
    public static RunResults RunInMemory(RunnableScenario scenario, RunSettings settings,
        IProgress<RunProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(settings);
        string scratch = Path.Combine(Path.GetTempPath(), "resistancesim-runs", Guid.NewGuid().ToString("N"));
        try
        {
            var whole = settings with { Plots = false, Resume = false, Shard = Output.Shards.ShardSpec.Whole };
            var outcome = RunPipeline.Execute(scenario, scratch, whole, progress, cancellation);
            return RunResults.Read(outcome.RunDirectory);
        }
        finally
        {
            if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        }
    }
}
