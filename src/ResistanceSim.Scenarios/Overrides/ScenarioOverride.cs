using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Overrides;

/// <summary>
/// One value set from outside the scenario file (a calibration's parameter, later a lesson's slider): the path as in
/// <c>sweep:</c>, the value as text, and where the value came from, so a bad value is reported at its origin.
/// </summary>
public sealed record ScenarioOverride(YamlPath Path, string Value, SourceLocation Origin)
{
    public override string ToString() => $"{Path}={Value}";
}
