using System.Diagnostics;
using System.Globalization;
using ResistanceSim.Model.Calibration;

namespace ResistanceSim.Runs.Calibration;

/// <summary>What <c>resistancesim calibrate --check</c> was asked to do, after parsing.</summary>
public sealed record CalibrationCheckOptions(string CalibrationPath, string OutputRoot, int Threads, bool Reduced)
{
    /// <summary>
    /// Full cohorts of this draw (1, 2, …) of new patients, seeded as the preset choice seeds them
    /// (<see cref="ParticleEvaluator.NewPatientsSeed"/>), instead of the scenarios' own; null: the scenarios' own patients.
    /// </summary>
    public int? NewPatientsDraw { get; init; }
}

/// <summary>
/// <c>calibrate --check</c>: runs every scenario of a calibration as it stands — its own presets (a calibrated one
/// included), no free parameter drawn — and sets each target's simulated value, with its 95% interval, beside the
/// published value and tolerance. Full cohorts by default (the trial a reader compares with); <c>--reduced</c> runs
/// the calibration's reduced cohorts instead, and <c>--new-patients N</c> full cohorts of other patients (draw N of those
/// the preset choice runs on). The runs are kept in <c>&lt;out&gt;/&lt;name&gt;-check/</c>. The
/// calibration's predictions (published values the fit does not use) are measured too and listed after the targets,
/// outside the count and the distance.
/// </summary>
public static class CalibrationCheck
{
    /// <summary>A target as the check measured it.</summary>
    public sealed record Row(CalibrationTarget Target, TargetEstimate Simulated)
    {
        /// <summary>True when the simulated value is within the target's tolerance of the published value.</summary>
        public bool Within => Target.Within(Simulated.Value);
    }

    /// <summary>The targets, then the predictions, each in file order.</summary>
    public sealed record Measured(IReadOnlyList<Row> Targets, IReadOnlyList<Row> Predictions);

    /// <summary>Runs the check and writes the table of targets and the count within tolerance to <see cref="CalibrationLog.Output"/>.</summary>
    public static void Execute(CalibrationCheckOptions options, CalibrationLog log)
    {
        ArgumentNullException.ThrowIfNull(options);
        var plan = CalibrationScenarioRun.LoadValidated(options.CalibrationPath).Plan;
        var (rows, predictions) = Measure(plan, options, log, out string checkRoot);
        log.Output.WriteLine();
        Print(log.Output, rows, "target");
        log.Output.WriteLine();
        var kind = plan.Abc.Distance;
        double distance = CalibrationDistance.Of([.. rows.Select(r => r.Target)], [.. rows.Select(r => r.Simulated.Value)], kind);
        log.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows.Count(r => r.Within)} of {rows.Count} targets within tolerance; distance {distance:0.###} ({CalibrationDistance.Describe(kind)}). Runs kept in {checkRoot}{Path.DirectorySeparatorChar}."));
        if (predictions.Count == 0) return;
        log.Output.WriteLine();
        Print(log.Output, predictions, "prediction (not fitted)");
        log.Output.WriteLine();
        log.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{predictions.Count(r => r.Within)} of {predictions.Count} predictions within tolerance: published values the fit did not use."));
    }

    /// <summary>Runs the scenarios and measures every target and prediction, in file order; <paramref name="checkRoot"/> holds the runs.</summary>
    public static Measured Measure(CalibrationCheckOptions options, CalibrationLog log, out string checkRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Measure(CalibrationScenarioRun.LoadValidated(options.CalibrationPath).Plan, options, log, out checkRoot);
    }

    private static Measured Measure(CalibrationPlan plan, CalibrationCheckOptions options, CalibrationLog log, out string checkRoot)
    {
        ArgumentNullException.ThrowIfNull(log);
        checkRoot = Path.Combine(options.OutputRoot, plan.Name + "-check");
        string size = options.Reduced ? "the calibration's reduced cohorts"
            : options.NewPatientsDraw is { } draw ? string.Create(CultureInfo.InvariantCulture, $"full cohorts of new patients (draw {draw})") : "full cohorts";
        string predictions = plan.Predictions.Count > 0 ? $" and {plan.Predictions.Count} predictions" : "";
        log.Output.WriteLine($"Checking {plan.Targets.Count} targets{predictions} of {plan.Name}: each scenario as it stands, {size}.");

        CalibrationTarget[] all = [.. plan.Targets, .. plan.Predictions];
        var estimates = new TargetEstimate[all.Length];
        for (int index = 0; index < plan.Scenarios.Count; index++)
        {
            var scenario = plan.Scenarios[index];
            log.Cancellation.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            ulong? seed = options.NewPatientsDraw is { } newPatients ? ParticleEvaluator.NewPatientsSeed(plan.Seed, index, newPatients - 1) : null;
            CalibrationScenarioRun.Measure(all, scenario, Path.Combine(checkRoot, scenario.Name), options.Threads,
                options.Reduced ? scenario.Patients : null, seed, [], log.Error, log.Cancellation, estimates);
            log.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ran {scenario.Name} ({scenario.Path}) in {clock.Elapsed.TotalSeconds:0} s"));
        }
        var rows = all.Select((target, t) => new Row(target, estimates[t])).ToArray();
        return new Measured(rows[..plan.Targets.Count], rows[plan.Targets.Count..]);
    }

    /// <summary>Rows as a Markdown table: <paramref name="what"/> (the first column's heading), published value, tolerance,
    /// simulated [95% CI], within tolerance.</summary>
    public static void Print(TextWriter output, IReadOnlyList<Row> rows, string what)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        output.WriteLine($"| {what} | published | tolerance | simulated [95% CI] | within |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var row in rows)
        {
            var target = row.Target;
            output.WriteLine($"| {target.Name} | {TargetText.Published(target)} | {TargetText.Tolerance(target)} | {row.Simulated} | {(row.Within ? "yes" : "no")} |");
        }
    }
}
