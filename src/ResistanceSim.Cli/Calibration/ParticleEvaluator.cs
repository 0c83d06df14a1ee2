using ResistanceSim.Cli.Commands;
using ResistanceSim.Output.Reading;
using ResistanceSim.Output.Sinks;
using ResistanceSim.Scenarios.Calibration;

namespace ResistanceSim.Cli.Calibration;

/// <summary>
/// Runs every scenario of a calibration at one parameter set — the real run pipeline, into a scratch run directory
/// that is removed afterwards — and measures each target. Every parameter set runs the scenarios' own seeds, so all
/// sets see the same patients and the same chance events (common random numbers): differences between them are
/// the parameters', not luck's.
/// </summary>
public sealed class ParticleEvaluator(LoadedCalibration calibration, string scratchRoot)
{
    /// <returns>Per target (in file order), the simulated metric.</returns>
    public double[] Evaluate(IReadOnlyList<double> values, string label, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(values);
        var plan = calibration.Plan;
        var simulated = new double[plan.Targets.Count];
        string particleRoot = Path.Combine(scratchRoot, label);
        try
        {
            foreach (var scenario in plan.Scenarios)
            {
                string output = Path.Combine(particleRoot, scenario.Name);
                var options = new RunOptions(scenario.Path, output, scenario.Replicates, Seed: null, Threads: 1, Engine: null, OutputFormat.Parquet)
                {
                    Plots = false,
                    Patients = scenario.Patients,
                    Overrides = CalibrationOverrides.For(calibration, scenario.Name, values),
                };
                var quiet = new CommandContext(TextWriter.Null, TextWriter.Null, cancellation);
                RunPipeline.Execute(options, quiet);
                var metrics = new TargetMetrics(RunFiles.Published(Directory.EnumerateDirectories(output).Single()));
                for (int t = 0; t < plan.Targets.Count; t++)
                    if (plan.Targets[t].Scenario == scenario.Name)
                        simulated[t] = metrics.Measure(plan.Targets[t]).Value;
            }
        }
        finally
        {
            if (Directory.Exists(particleRoot)) Directory.Delete(particleRoot, recursive: true);
        }
        return simulated;
    }
}
