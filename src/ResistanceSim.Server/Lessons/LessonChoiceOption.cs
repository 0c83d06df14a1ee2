namespace ResistanceSim.Server.Lessons;

/// <summary>One option of a <see cref="LessonChoice"/>: its name in run requests, its label in the drop-down, and the
/// scenario values it sets (path as in a sweep, value as YAML text), in file order.</summary>
public sealed record LessonChoiceOption(string Name, string Label, IReadOnlyList<KeyValuePair<string, string>> Overrides);
