using ResistanceSim.Runs;

namespace ResistanceSim.Server.Lessons;

/// <summary>
/// One lesson of <c>lessons/*.yaml</c> (docs/teaching.md): a scenario made teaching-sized by <see cref="Settings"/>, the
/// parameters a student may move, a Markdown narrative, and questions whose expected answers are checks on the run's tables.
/// </summary>
/// <param name="Id">The file name without <c>.yaml</c>: the lesson's address (<c>/lessons/{id}</c>).</param>
/// <param name="Title">Shown in the gallery and as the page heading.</param>
/// <param name="Summary">One sentence for the gallery.</param>
/// <param name="ScenarioPath">The scenario file, resolved on the server from the lesson file's folder (never from a client).</param>
/// <param name="Settings">Fixed overrides (scenario path, YAML value) that make the scenario teaching-sized, applied before the parameters.</param>
/// <param name="Parameters">What the student may change, in page order.</param>
/// <param name="Narrative">The lesson text, Markdown.</param>
/// <param name="Questions">Questions, each with the check that says whether its expected answer holds in a run.</param>
public sealed record Lesson(
    string Id,
    string Title,
    string Summary,
    string ScenarioPath,
    IReadOnlyList<KeyValuePair<string, string>> Settings,
    IReadOnlyList<LessonParameter> Parameters,
    string Narrative,
    IReadOnlyList<LessonQuestion> Questions)
{
    /// <summary>Order in the gallery (lessons without one come last, by id).</summary>
    public int Order { get; init; } = int.MaxValue;

    /// <summary>The scenario file at <see cref="ScenarioPath"/>, read when the lesson was loaded: a run only patches in its overrides and validates.</summary>
    public required ScenarioTemplate Scenario { get; init; }

    /// <summary>Settings picked from a list (<see cref="LessonChoice"/>), in page order, shown before the sliders.</summary>
    public IReadOnlyList<LessonChoice> Choices { get; init; } = [];

    /// <summary>The scenario of a run with these parameter values and choices, validated as if loaded afresh from <see cref="ScenarioPath"/>.</summary>
    /// <exception cref="ArgumentException">As for <see cref="OverridesFor"/>.</exception>
    public ScenarioLoadResult ScenarioFor(IReadOnlyDictionary<string, double> values, IReadOnlyDictionary<string, string>? choices = null) =>
        Scenario.Load(OverridesFor(values, choices));

    /// <summary>
    /// The overrides of a run: the fixed settings, then every choice's option (the given one or the default), then every
    /// slider at its given value or default; a slider that sets a path a choice also sets wins.
    /// </summary>
    /// <exception cref="ArgumentException">A value or choice names nothing of this lesson, a value lies outside its range,
    /// or a choice names no option.</exception>
    public IReadOnlyList<KeyValuePair<string, string>> OverridesFor(IReadOnlyDictionary<string, double> values, IReadOnlyDictionary<string, string>? choices = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        choices ??= new Dictionary<string, string>();
        foreach (string name in values.Keys)
            if (!Parameters.Any(p => p.Name == name)) throw new ArgumentException($"lesson '{Id}' has no parameter '{name}'");
        foreach (string name in choices.Keys)
            if (!Choices.Any(c => c.Name == name)) throw new ArgumentException($"lesson '{Id}' has no choice '{name}'");
        var overrides = new List<KeyValuePair<string, string>>(Settings);
        foreach (var choice in Choices)
            overrides.AddRange(choice.OverridesFor(choices.TryGetValue(choice.Name, out string? picked) ? picked : choice.Default));
        foreach (var parameter in Parameters)
        {
            double value = values.TryGetValue(parameter.Name, out double given) ? given : parameter.Default;
            overrides.AddRange(parameter.OverridesFor(value));
        }
        return overrides;
    }
}
