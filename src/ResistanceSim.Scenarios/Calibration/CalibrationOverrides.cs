using System.Globalization;
using ResistanceSim.Scenarios.Overrides;
using ResistanceSim.Scenarios.Sweeps;

namespace ResistanceSim.Scenarios.Calibration;

/// <summary>The overrides that set one parameter set into one of the calibration's scenarios, each located at the parameter's entry in the calibration file.</summary>
public static class CalibrationOverrides
{
    public static IReadOnlyList<ScenarioOverride> For(LoadedCalibration calibration, string scenario, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(values);
        var overrides = new List<ScenarioOverride>();
        for (int j = 0; j < calibration.Plan.Parameters.Count; j++)
        {
            if (!calibration.Plan.Parameters[j].AppliesTo(scenario)) continue;
            SweepParameterSource source = calibration.ParameterSources[j];
            overrides.Add(new ScenarioOverride(source.Path, values[j].ToString("R", CultureInfo.InvariantCulture), source.Location));
        }
        return overrides;
    }
}
