using ResistanceSim.Runs;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Server.Lessons;

namespace ResistanceSim.Server.Api;

/// <summary>Turns a <see cref="RunRequest"/> into a validated scenario within the server's limits, or the reasons it is refused.</summary>
internal static class RunRequests
{
    public static (RunnableScenario? Scenario, Lesson? Lesson, IReadOnlyList<RequestProblem> Problems) Resolve(RunRequest request, LessonLibrary lessons, ServerLimits limits)
    {
        Lesson? lesson = null;
        if (request.Lesson is { } id && (lesson = lessons.Find(id)) is null) return Refused($"no lesson '{id}'");
        RunnableScenario? scenario;
        IReadOnlyList<Diagnostic> diagnostics;
        if (request.Yaml is { } yaml)
        {
            if (request.Values is { Count: > 0 } || request.Choices is { Count: > 0 }) return Refused("send either parameter values and choices or a scenario's YAML, not both");
            (scenario, diagnostics) = ClientScenario.Load(yaml, []);
        }
        else if (lesson is not null)
        {
            IReadOnlyList<KeyValuePair<string, string>> overrides;
            try
            {
                overrides = lesson.OverridesFor(request.Values ?? [], request.Choices);
            }
            catch (ArgumentException e)
            {
                return Refused(e.Message);
            }
            // The lesson's file was read at start-up: only the overrides are patched in and the result validated.
            var loaded = lesson.Scenario.Load(overrides);
            (scenario, diagnostics) = (loaded.Scenario, loaded.Diagnostics);
        }
        else return Refused("name a lesson or send a scenario's YAML");

        if (scenario is null)
            return (null, lesson, [.. diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(RequestProblem.From)]);
        var overLimits = limits.Problems(scenario);
        return overLimits.Count > 0 ? (null, lesson, [.. overLimits.Select(p => new RequestProblem(0, 0, p))]) : (scenario, lesson, []);
    }

    private static (RunnableScenario?, Lesson?, IReadOnlyList<RequestProblem>) Refused(string message) => (null, null, [new RequestProblem(0, 0, message)]);
}
