using ResistanceSim.Model.Calibration;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Sweeps;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Calibration;

/// <summary>A calibration file as read: the plan, the document (its hash identifies the fit), and where each parameter and target is written, to locate errors found later.</summary>
public sealed record LoadedCalibration(
    CalibrationPlan Plan, LoadedDocument Document, IReadOnlyList<SweepParameterSource> ParameterSources, IReadOnlyList<SourceLocation> TargetLocations)
{
    /// <summary>Where each of the plan's predictions is written.</summary>
    public IReadOnlyList<SourceLocation> PredictionLocations { get; init; } = [];
}
