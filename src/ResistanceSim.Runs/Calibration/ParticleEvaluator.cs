using ResistanceSim.Scenarios.Calibration;

namespace ResistanceSim.Runs.Calibration;

/// <summary>
/// Runs every scenario of a calibration at one parameter set — the real run pipeline, into a scratch run directory
/// that is removed afterwards — and measures each target. Every parameter set runs the scenarios' own seeds, so all
/// sets see the same patients and the same chance events (common random numbers): differences between them are
/// the parameters', not luck's.
/// </summary>
internal sealed class ParticleEvaluator(LoadedCalibration calibration, string scratchRoot)
{
    /// <returns>Per target (in file order), the simulated metric.</returns>
    public double[] Evaluate(IReadOnlyList<double> values, string label, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(values);
        var plan = calibration.Plan;
        var estimates = new TargetEstimate[plan.Targets.Count];
        string particleRoot = Path.Combine(scratchRoot, label);
        try
        {
            foreach (var scenario in plan.Scenarios)
                CalibrationScenarioRun.Measure(plan, scenario, Path.Combine(particleRoot, scenario.Name), threads: 1, scenario.Patients,
                    CalibrationOverrides.For(calibration, scenario.Name, values), TextWriter.Null, cancellation, estimates);
        }
        finally
        {
            if (Directory.Exists(particleRoot)) Directory.Delete(particleRoot, recursive: true);
        }
        return [.. estimates.Select(e => e.Value)];
    }
}
