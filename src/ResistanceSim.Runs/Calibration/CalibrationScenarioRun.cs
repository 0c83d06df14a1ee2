using ResistanceSim.Model.Calibration;
using ResistanceSim.Output.Reading;
using ResistanceSim.Output.Sinks;
using ResistanceSim.Scenarios.Calibration;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Overrides;
using ResistanceSim.Scenarios.Sweeps;

namespace ResistanceSim.Runs.Calibration;

/// <summary>
/// What the fit and <c>--check</c> share: a calibration file read and validated before anything runs, and one of
/// its scenarios run through the real pipeline into a directory, with the targets that name it measured there.
/// </summary>
internal static class CalibrationScenarioRun
{
    /// <summary>The calibration file, read and validated (exit 2 with located errors, nothing written).</summary>
    public static LoadedCalibration LoadValidated(string path)
    {
        if (!File.Exists(path)) throw new RunRequestException($"calibration file '{path}' does not exist");
        var calibration = CalibrationReader.Load(path);
        var bag = new DiagnosticBag();
        CalibrationValidator.Validate(calibration, bag);
        bag.ThrowIfErrors();
        return calibration;
    }

    /// <summary>
    /// Runs <paramref name="scenario"/> into <paramref name="output"/> (no plots; <paramref name="patients"/> per arm of a cohort, or the
    /// full cohort when null; the scenario's seed unless <paramref name="seed"/> is given) and sets the estimate of each of
    /// <paramref name="targets"/> that names it, at the same position in <paramref name="estimates"/>. The run's warnings and notes go to
    /// <paramref name="warnings"/> (<see cref="TextWriter.Null"/> drops them).
    /// </summary>
    public static void Measure(IReadOnlyList<CalibrationTarget> targets, CalibrationScenario scenario, string output, int threads, int? patients, ulong? seed,
        IReadOnlyList<ScenarioOverride> overrides, TextWriter warnings, CancellationToken cancellation, TargetEstimate[] estimates)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(estimates);
        // The seed is read with the other overrides, so the new patients are drawn as the file is bound, once.
        var runnable = RunnableScenario.LoadOrThrow(scenario.Path, seed is { } newSeed ? [.. overrides, SweepLoader.SeedOverride(newSeed)] : overrides);
        var settings = new RunSettings
        {
            Replicates = scenario.Replicates,
            Threads = threads,
            Format = OutputFormat.Parquet,
            Plots = false,
            Patients = runnable.HasCohort ? patients : null,
        };
        RunPipeline.Execute(runnable, output, settings, new NoticeWriter(warnings), cancellation);
        var metrics = new TargetMetrics(RunFiles.Published(Directory.EnumerateDirectories(output).Single()));
        for (int t = 0; t < targets.Count; t++)
            if (targets[t].Scenario == scenario.Name)
                estimates[t] = metrics.Measure(targets[t]);
    }

    /// <summary>Writes a run's notices (resource warnings, lock notes) as lines, as <c>resistancesim run</c> prints them.</summary>
    private sealed class NoticeWriter(TextWriter writer) : IProgress<RunProgress>
    {
        public void Report(RunProgress value)
        {
            if (value.Stage == RunStage.Notice) writer.WriteLine(value.Notice);
        }
    }
}
