using ResistanceSim.Scenarios.Diagnostics;

namespace ResistanceSim.Scenarios.Yaml;

/// <summary>An entry of a map whose keys are names (drugs, mechanisms, arms): the name, where it is written,
/// and a reader over its settings.</summary>
public sealed record NamedMap(string Name, SourceLocation NameLocation, MapReader Reader);
