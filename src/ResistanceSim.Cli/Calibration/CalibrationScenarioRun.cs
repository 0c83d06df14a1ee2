using ResistanceSim.Cli.Commands;
using ResistanceSim.Model.Calibration;
using ResistanceSim.Output.Reading;
using ResistanceSim.Output.Sinks;
using ResistanceSim.Scenarios.Calibration;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Overrides;

namespace ResistanceSim.Cli.Calibration;

/// <summary>
/// What the fit and <c>--check</c> share: a calibration file read and validated before anything runs, and one of
/// its scenarios run through the real pipeline into a directory, with the targets that name it measured there.
/// </summary>
public static class CalibrationScenarioRun
{
    /// <summary>The calibration file, read and validated (exit 2 with located errors, nothing written).</summary>
    public static LoadedCalibration LoadValidated(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"calibration file '{path}' does not exist");
        var calibration = CalibrationReader.Load(path);
        var bag = new DiagnosticBag();
        CalibrationValidator.Validate(calibration, bag);
        bag.ThrowIfErrors();
        return calibration;
    }

    /// <summary>Runs <paramref name="scenario"/> into <paramref name="output"/> (no plots) and sets the estimate of each target that names it.</summary>
    /// <param name="patients">Patients per arm, or null for the full cohort.</param>
    public static void Measure(CalibrationPlan plan, CalibrationScenario scenario, string output, int threads, int? patients,
        IReadOnlyList<ScenarioOverride> overrides, CommandContext context, TargetEstimate[] estimates)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(estimates);
        var options = new RunOptions(scenario.Path, output, scenario.Replicates, Seed: null, threads, Engine: null, OutputFormat.Parquet)
        {
            Plots = false,
            Patients = patients,
            Overrides = overrides,
        };
        RunPipeline.Execute(options, context);
        var metrics = new TargetMetrics(RunFiles.Published(Directory.EnumerateDirectories(output).Single()));
        for (int t = 0; t < plan.Targets.Count; t++)
            if (plan.Targets[t].Scenario == scenario.Name)
                estimates[t] = metrics.Measure(plan.Targets[t]);
    }
}
