using ResistanceSim.Model.Calibration;
using ResistanceSim.Scenarios.Calibration;

namespace ResistanceSim.Runs.Calibration;

/// <summary>
/// Runs every scenario a target reads at one parameter set — the real run pipeline, into a scratch run directory
/// that is removed afterwards — and measures each target. Every parameter set runs the scenarios' own seeds, so all
/// sets see the same patients and the same chance events (common random numbers): differences between them are
/// the parameters', not luck's.
/// </summary>
internal sealed class ParticleEvaluator(LoadedCalibration calibration, string scratchRoot)
{
    /// <returns>Per target (in file order), the simulated metric on the calibration's reduced cohorts, one thread.</returns>
    public double[] Evaluate(IReadOnlyList<double> values, string label, CancellationToken cancellation) =>
        Run(values, label, threads: 1, (scenario, _) => (scenario.Patients, null), cancellation);

    /// <returns>
    /// Per target (in file order), the simulated metric on full cohorts of new patients, draw <paramref name="draw"/>,
    /// over <paramref name="threads"/>: each scenario runs at its own size with a seed derived from the calibration's,
    /// not the scenario's, so neither the fit's patients nor <c>--check</c>'s are among them.
    /// </returns>
    public double[] EvaluateOnNewPatients(IReadOnlyList<double> values, string label, int draw, int threads, CancellationToken cancellation)
    {
        ulong calibrationSeed = calibration.Plan.Seed;
        return Run(values, label, threads, (_, index) => (null, NewPatientsSeed(calibrationSeed, index, draw)), cancellation);
    }

    /// <summary>
    /// A seed for draw <paramref name="draw"/> of the new patients of scenario <paramref name="index"/>: the calibration's,
    /// spread by a golden-ratio step, each draw offset by an odd constant (draw 0 is the seed of a single draw). It is
    /// kept to 63 bits, the range of a scenario file's <c>seed:</c>, because it stands in for that seed: the patients'
    /// traits are drawn from it as well as their histories.
    /// </summary>
    internal static ulong NewPatientsSeed(ulong calibrationSeed, int index, int draw = 0) =>
        unchecked((calibrationSeed + 1 + (ulong)draw * 0xD1B54A32D192ED03UL) * 0x9E3779B97F4A7C15UL + (ulong)index) & long.MaxValue;

    private double[] Run(IReadOnlyList<double> values, string label, int threads, Func<CalibrationScenario, int, (int? Patients, ulong? Seed)> cohort,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(values);
        var plan = calibration.Plan;
        var estimates = new TargetEstimate[plan.Targets.Count];
        string particleRoot = Path.Combine(scratchRoot, label);
        try
        {
            for (int index = 0; index < plan.Scenarios.Count; index++)
            {
                var scenario = plan.Scenarios[index];
                if (!plan.IsFitted(scenario)) continue;   // read by predictions only: the check runs it
                var (patients, seed) = cohort(scenario, index);
                CalibrationScenarioRun.Measure(plan.Targets, scenario, Path.Combine(particleRoot, scenario.Name), threads, patients, seed,
                    CalibrationOverrides.For(calibration, scenario.Name, values), TextWriter.Null, cancellation, estimates);
            }
        }
        finally
        {
            if (Directory.Exists(particleRoot)) Directory.Delete(particleRoot, recursive: true);
        }
        return [.. estimates.Select(e => e.Value)];
    }
}
