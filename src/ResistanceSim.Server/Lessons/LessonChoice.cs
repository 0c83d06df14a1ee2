namespace ResistanceSim.Server.Lessons;

/// <summary>
/// A setting the student picks from a list on the lesson page (a drop-down), such as a dosing schedule: each option
/// sets its own overrides, so one choice may change several scenario values together (days on and days off).
/// </summary>
/// <param name="Name">Identifier in run requests.</param>
/// <param name="Label">Shown beside the drop-down.</param>
/// <param name="Options">The options, in page order; their names are distinct.</param>
/// <param name="Default">The name of the option a run takes when it does not pick one.</param>
public sealed record LessonChoice(string Name, string Label, IReadOnlyList<LessonChoiceOption> Options, string Default)
{
    /// <summary>Why <paramref name="option"/> is refused, or null when it names an option.</summary>
    public string? Problem(string option) =>
        Options.Any(o => o.Name == option)
            ? null
            : $"{Name} must be one of {string.Join(", ", Options.Select(o => $"'{o.Name}'"))} ('{option}' supplied)";

    /// <summary>The overrides of the option named <paramref name="option"/>.</summary>
    /// <exception cref="ArgumentException">No option has that name (<see cref="Problem"/>).</exception>
    public IReadOnlyList<KeyValuePair<string, string>> OverridesFor(string option)
    {
        if (Problem(option) is { } problem) throw new ArgumentException(problem);
        return Options.First(o => o.Name == option).Overrides;
    }
}
