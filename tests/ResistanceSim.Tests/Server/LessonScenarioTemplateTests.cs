using ResistanceSim.Runs;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Server;
using ResistanceSim.Server.Api;
using ResistanceSim.Server.Lessons;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Server;

/// <summary>
/// A lesson's scenario file is read once at start-up and each run only patches in its slider values: the scenario
/// (or the located refusal) must be exactly what loading the file afresh with the same overrides gives.
/// </summary>
public class LessonScenarioTemplateTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "lessons");

    public static TheoryData<string> LessonIds() => [.. LessonLibrary.Load(Folder).All.Select(l => l.Id)];

    /// <summary>Defaults, every slider at its minimum, at its maximum, and each one alone moved to the other end.</summary>
    private static IEnumerable<Dictionary<string, double>> ValueSets(Lesson lesson)
    {
        yield return [];
        yield return lesson.Parameters.ToDictionary(p => p.Name, p => p.Min);
        yield return lesson.Parameters.ToDictionary(p => p.Name, p => p.Max);
        foreach (var p in lesson.Parameters) yield return new() { [p.Name] = p.Default == p.Max ? p.Min : p.Max };
        yield return [];   // the defaults again, after other values: the template is left as it was read
    }

    /// <summary>The value sets at the default choices, then every option of every choice with the sliders at their defaults.</summary>
    private static IEnumerable<(Dictionary<string, double> Values, Dictionary<string, string> Choices)> Settings(Lesson lesson)
    {
        foreach (var values in ValueSets(lesson)) yield return (values, []);
        foreach (var choice in lesson.Choices)
            foreach (var option in choice.Options) yield return ([], new() { [choice.Name] = option.Name });
        yield return ([], []);
    }

    private static void AssertSame(ScenarioLoadResult fresh, ScenarioLoadResult cached)
    {
        Assert.Equal(fresh.Diagnostics, cached.Diagnostics);
        Assert.Equal(fresh.Succeeded, cached.Succeeded);
        if (fresh.Scenario is not { } expected) return;
        var actual = cached.Scenario!;
        Assert.Equal(expected.ResolvedYaml, actual.ResolvedYaml);
        Assert.Equal(expected.Loaded.Document.Sha256Hex, actual.Loaded.Document.Sha256Hex);
        Assert.Equal(expected.Origin, actual.Origin);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.WorkUnits, actual.WorkUnits);
        Assert.Equal(expected.Loaded.Document.Files, actual.Loaded.Document.Files);
    }

    [Theory]
    [MemberData(nameof(LessonIds))]
    public void EverySliderSettingAndChoiceGivesTheScenarioOfAFreshLoad(string id)
    {
        var lesson = LessonLibrary.Load(Folder).Find(id)!;
        foreach (var (values, choices) in Settings(lesson))
        {
            var overrides = lesson.OverridesFor(values, choices);
            var fresh = RunnableScenario.Load(lesson.ScenarioPath, overrides);
            Assert.True(fresh.Succeeded, $"{id} {string.Join(", ", values)} {string.Join(", ", choices)}: {string.Join("\n", fresh.Diagnostics)}");
            AssertSame(fresh, lesson.ScenarioFor(values, choices));
        }
    }

    /// <summary>Lesson 5's schedule sets the intermittent arm's days on and off together, and each option gives its own scenario.</summary>
    [Fact]
    public void EachOptionOfAChoiceSetsItsOwnValues()
    {
        var lesson = LessonLibrary.Load(Folder).Find("5-adaptive-dosing")!;
        var schedule = Assert.Single(lesson.Choices);
        Assert.Equal(schedule.Default, schedule.Options[0].Name);
        var longer = lesson.OverridesFor(new Dictionary<string, double>(), new Dictionary<string, string> { ["schedule"] = "2w-on-1w-off" });
        Assert.Contains(new KeyValuePair<string, string>("arms[1].protocol[0].on_days", "14"), longer);
        Assert.Contains(new KeyValuePair<string, string>("arms[1].protocol[0].off_days", "7"), longer);
        Assert.Equal(lesson.OverridesFor(new Dictionary<string, double>()),
            lesson.OverridesFor(new Dictionary<string, double>(), new Dictionary<string, string> { ["schedule"] = schedule.Default }));
        string[] yamls = [.. schedule.Options.Select(o => lesson.ScenarioFor(new Dictionary<string, double>(), new Dictionary<string, string> { ["schedule"] = o.Name }).Scenario!.ResolvedYaml)];
        Assert.Equal(yamls.Length, yamls.Distinct().Count());
    }

    /// <summary>A request naming an option the choice does not have, or a choice the lesson does not have, is refused with its reason.</summary>
    [Theory]
    [InlineData("schedule", "weekly", "schedule must be one of '1w-on-1w-off', '2w-on-1w-off', '1w-on-2w-off', '3d-on-4d-off', 'no-holidays' ('weekly' supplied)")]
    [InlineData("dosing", "1w-on-1w-off", "lesson '5-adaptive-dosing' has no choice 'dosing'")]
    public void AnUnknownChoiceOrOptionIsRefused(string choice, string option, string message)
    {
        var lessons = LessonLibrary.Load(Folder);
        var refused = RunRequests.Resolve(new RunRequest("5-adaptive-dosing", null, null, new() { [choice] = option }), lessons, new ServerLimits());
        Assert.Null(refused.Scenario);
        Assert.Equal(message, Assert.Single(refused.Problems).Message);
    }

    [Fact]
    public void ValuesTheScenarioRefusesAreRefusedWithTheSameLocatedMessages()
    {
        var template = ScenarioTemplate.Read(Path.Combine(Folder, "scenarios", "fluctuation.yaml"));
        KeyValuePair<string, string>[][] sets =
        [
            [new("population.d0_per_day", "-0.5")],
            [new("replicates", "0"), new("seed", "1.5")],
            [new("population.b0_per_dya", "0.5")],   // an unknown key, with the nearest known one suggested
            [new("protocol[", "1")],                  // a malformed path: refused before the file is patched
            [new("stop.days", "20"), new("population.d0_per_day", "abc")],
        ];
        foreach (var overrides in sets)
        {
            var fresh = RunnableScenario.Load(template.Path, overrides);
            Assert.False(fresh.Succeeded, string.Join(", ", overrides));
            Assert.Contains(fresh.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Location.File == RunnableScenario.OverridesOrigin);
            AssertSame(fresh, template.Load(overrides));
        }
        AssertSame(RunnableScenario.Load(template.Path), template.Load());
    }

    [Fact]
    public void AScenarioFileThatCannotBeReadIsReportedByEveryLoad()
    {
        using var folder = new TempDirectory();
        string path = folder.File("broken.yaml", "name: broken\nseed: [1\n");
        var template = ScenarioTemplate.Read(path);
        var fresh = RunnableScenario.Load(path);
        Assert.False(fresh.Succeeded);
        AssertSame(fresh, template.Load());
        AssertSame(fresh, template.Load());
    }

    /// <summary>A request from the lesson page: a slider value the lesson allows but the scenario refuses comes back
    /// with the message a fresh load gives; one outside the slider's range with the slider's own message.</summary>
    [Fact]
    public void ARunRequestIsRefusedAsAFreshLoadWouldRefuseIt()
    {
        using var folder = new TempDirectory();
        string scenario = Path.Combine(Folder, "scenarios", "fluctuation.yaml");
        folder.File("death.yaml", $"""
            title: Death rate
            summary: One line.
            scenario: {scenario}
            parameters:
              - name: death
                label: Death rate per day
                path: population.d0_per_day
                min: -1
                max: 1
                step: 0.1
                default: 0.1
            narrative: Some text.
            questions:
              - text: Is it?
                answer: Yes.
                check: SELECT true
            """);
        var lessons = LessonLibrary.Load(folder.Path);
        var lesson = lessons.Find("death")!;

        var refused = RunRequests.Resolve(new RunRequest("death", new() { ["death"] = -0.5 }, null), lessons, new ServerLimits());
        var fresh = RunnableScenario.Load(lesson.ScenarioPath, lesson.OverridesFor(new Dictionary<string, double> { ["death"] = -0.5 }));
        Assert.Null(refused.Scenario);
        Assert.Equal(
            fresh.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(RequestProblem.From),
            refused.Problems);
        Assert.NotEmpty(refused.Problems);

        var outOfRange = RunRequests.Resolve(new RunRequest("death", new() { ["death"] = 2 }, null), lessons, new ServerLimits());
        Assert.Null(outOfRange.Scenario);
        Assert.Equal(lesson.Parameters[0].Problem(2), Assert.Single(outOfRange.Problems).Message);

        var accepted = RunRequests.Resolve(new RunRequest("death", new() { ["death"] = 0.2 }, null), lessons, new ServerLimits());
        Assert.Empty(accepted.Problems);
        Assert.Equal(
            RunnableScenario.Load(lesson.ScenarioPath, lesson.OverridesFor(new Dictionary<string, double> { ["death"] = 0.2 })).Scenario!.ResolvedYaml,
            accepted.Scenario!.ResolvedYaml);
    }
}
