using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Sweeps;

/// <summary>A swept parameter as written: its parsed path and where the sweep names it.</summary>
public sealed record SweepParameterSource(string PathText, YamlPath Path, SourceLocation Location);

/// <summary>One point's values as written, each with the location a bad value is reported at.</summary>
public sealed record SweepPointSource(IReadOnlyList<string> Values, IReadOnlyList<SourceLocation> Locations);
