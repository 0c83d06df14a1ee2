using ResistanceSim.Model.Calibration;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Sweeps;

namespace ResistanceSim.Scenarios.Calibration;

/// <summary>
/// Checks a calibration against its scenarios before anything runs: each scenario loads with every parameter that
/// applies to it set to its prior's centre (a path it lacks is reported at the parameter), each target's arm, assay
/// and drug exist, trial metrics read cohort scenarios and cell counts read cultures, and every scenario feeds a target
/// or a prediction. Predictions are checked as targets are.
/// </summary>
public static class CalibrationValidator
{
    public static void Validate(LoadedCalibration calibration, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(bag);
        var plan = calibration.Plan;
        double[] centres = [.. plan.Parameters.Select(p => p.Prior.Centre)];
        var loaded = new Dictionary<string, LoadedSweep>(StringComparer.Ordinal);
        foreach (var scenario in plan.Scenarios)
        {
            try
            {
                loaded[scenario.Name] = SweepLoader.Load(scenario.Path, CalibrationOverrides.For(calibration, scenario.Name, centres));
            }
            catch (ScenarioValidationException e)
            {
                bag.AddRange(e.Diagnostics);
            }
        }
        for (int t = 0; t < plan.Targets.Count; t++)
            if (loaded.TryGetValue(plan.Targets[t].Scenario, out var sweep)) CheckTarget(plan.Targets[t], sweep, calibration.TargetLocations[t], "targets", bag);
        for (int t = 0; t < plan.Predictions.Count; t++)
            if (loaded.TryGetValue(plan.Predictions[t].Scenario, out var sweep)) CheckTarget(plan.Predictions[t], sweep, calibration.PredictionLocations[t], "predictions", bag);
        foreach (var unused in plan.Scenarios.Where(s => !plan.IsFitted(s) && plan.Predictions.All(p => p.Scenario != s.Name)))
            bag.Error(calibration.Document.Root.Location, "scenarios", $"scenario '{unused.Name}' is run but no target or prediction reads it (remove it or add a target)");
    }

    /// <param name="list">The key the target is listed under (<c>targets</c> or <c>predictions</c>), which errors name.</param>
    private static void CheckTarget(CalibrationTarget target, LoadedSweep sweep, SourceLocation at, string list, DiagnosticBag bag)
    {
        string where = $"{(list == "targets" ? "target" : "prediction")} '{target.Name}'";
        bool trial = target.Metric.ReadsTrial();
        var scenario = sweep.Scenario;
        if (trial && scenario.Cohort is null)
            bag.Error(at, list, $"{where}: its metric reads a trial, but scenario '{target.Scenario}' has no cohort");
        if (trial && sweep.Arms.All(a => a.Name != target.Arm))
            bag.Error(at, list, $"{where}: scenario '{target.Scenario}' has no arm '{target.Arm}'{KeySuggester.DidYouMean(target.Arm, [.. sweep.Arms.Select(a => a.Name)])}");
        if (target.Metric == TargetMetric.HazardRatio && sweep.Arms.Count > 0 && sweep.Arms[0].Name == target.Arm)
            bag.Error(at, list, $"{where}: the hazard ratio is against the first arm, so it cannot be of the first arm '{target.Arm}'");
        if (target.Metric == TargetMetric.MechanismShare)
            foreach (string mechanism in target.Mechanisms.Where(m => scenario.Catalog.All.All(c => c.Name != m)))
                bag.Error(at, list, $"{where}: scenario '{target.Scenario}' has no mechanism '{mechanism}'{KeySuggester.DidYouMean(mechanism, [.. scenario.Catalog.All.Select(c => c.Name)])}");
        if (target.Metric == TargetMetric.Ic50 && !scenario.Assays.Any(a => a.Name == target.Assay && a.Drug == target.Drug))
            bag.Error(at, list, $"{where}: scenario '{target.Scenario}' has no assay '{target.Assay}' of drug '{target.Drug}' (it has: {string.Join(", ", scenario.Assays.Select(a => $"{a.Name} of {a.Drug}"))})");
        if (target.ReadsSanctuaries && scenario.Cohort is { Imaging.NewLesionMm: <= 0 })
            bag.Error(at, list, $"{where}: its {(target.Metric.ReadsSanctuaries() ? "metric" : "subgroup")} reads sanctuary lesions imaged apart, but scenario '{target.Scenario}' does not image them (set cohort.scans.new_lesion_mm)");
        if (target.Metric == TargetMetric.Log10Cells && scenario.Cohort is not null)
            bag.Error(at, list, $"{where}: log10_cells reads a culture, but scenario '{target.Scenario}' is a cohort");
    }
}
