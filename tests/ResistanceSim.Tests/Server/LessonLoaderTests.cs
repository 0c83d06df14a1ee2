using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Server.Lessons;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Server;

/// <summary>A malformed lesson file is reported at file:line:col with the rule and the value, like a scenario.</summary>
public class LessonLoaderTests
{
    private const string Valid = """
        title: A lesson
        summary: One line.
        scenario: SCENARIO
        parameters:
          - name: replicates
            label: Replicates
            path: replicates
            min: 2
            max: 20
            step: 1
            default: 5
            integer: true
        narrative: Some *text*.
        questions:
          - text: Is it?
            answer: Yes.
            check: SELECT true
        """;

    private static (Lesson? Lesson, IReadOnlyList<Diagnostic> Problems, string Path) Load(string text)
    {
        using var folder = new TempDirectory();
        string path = folder.File("lesson.yaml", text.Replace("SCENARIO", Path.Combine(Repository.Root, "lessons", "scenarios", "fluctuation.yaml"), StringComparison.Ordinal));
        var bag = new DiagnosticBag();
        var lesson = LessonLoader.Load(path, bag);
        return (lesson, bag.Sorted(), path);
    }

    private static string Single(string text)
    {
        var (lesson, problems, path) = Load(text);
        Assert.Null(lesson);
        var error = Assert.Single(problems, p => p.Severity == DiagnosticSeverity.Error);
        return error.ToString().Replace(path, "lesson.yaml", StringComparison.Ordinal);
    }

    [Fact]
    public void AValidLessonLoadsWithItsParametersAndQuestions()
    {
        var (lesson, problems, _) = Load(Valid);
        Assert.Empty(problems);
        Assert.Equal("lesson", lesson!.Id);
        Assert.Equal(5, Assert.Single(lesson.Parameters).Default);
        Assert.Equal([new("replicates", "7")], lesson.OverridesFor(new Dictionary<string, double> { ["replicates"] = 7 }));
    }

    [Fact]
    public void AnUnknownKeyIsLocatedWithTheNearestKnownOne()
    {
        var (lesson, problems, path) = Load(Valid.Replace("summary:", "sumary:", StringComparison.Ordinal));
        Assert.Null(lesson);
        Assert.Equal(2, problems.Count);   // the misspelt key, and the required one it was meant to be
        Assert.Contains(problems, p => p.ToString() == $"{path}:2:1: unknown key 'sumary' in lesson; did you mean 'summary'?");
        Assert.Contains(problems, p => p.ToString() == $"{path}:1:1: lesson: missing required key 'summary'");
    }

    [Fact]
    public void ADefaultOutsideItsRangeIsLocatedAtTheDefault() =>
        Assert.StartsWith("lesson.yaml:11:14: ", Single(Valid.Replace("default: 5", "default: 50", StringComparison.Ordinal)), StringComparison.Ordinal);

    [Fact]
    public void AWrongTypeNamesTheValue()
    {
        string error = Single(Valid.Replace("step: 1", "step: fast", StringComparison.Ordinal));
        Assert.StartsWith("lesson.yaml:10:11: ", error, StringComparison.Ordinal);
        Assert.Contains("fast", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AParameterPathTheScenarioRejectsIsReportedAtTheLessonLineThatWroteIt()
    {
        string error = Single(Valid.Replace("path: replicates", "path: population.b0_per_dya", StringComparison.Ordinal));
        Assert.StartsWith("lesson.yaml:7:11: ", error, StringComparison.Ordinal);
        Assert.Contains("b0_per_dya", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingScenarioFileIsLocatedAtTheScenarioKey() =>
        Assert.StartsWith("lesson.yaml:3:11: lesson.scenario: file 'scenarios/none.yaml' not found",
            Single(Valid.Replace("SCENARIO", "scenarios/none.yaml", StringComparison.Ordinal)), StringComparison.Ordinal);

    [Fact]
    public void AYamlSyntaxErrorIsLocated() =>
        Assert.StartsWith("lesson.yaml:7:11: YAML syntax error", Single(Valid.Replace("path: replicates", "path: [replicates", StringComparison.Ordinal)), StringComparison.Ordinal);

    [Fact]
    public void AQuestionWithoutACheckIsReported()
    {
        string error = Single(Valid.Replace("\n    check: SELECT true", "", StringComparison.Ordinal));
        Assert.StartsWith("lesson.yaml:15:5: ", error, StringComparison.Ordinal);
        Assert.Contains("check", error, StringComparison.Ordinal);
    }

    /// <summary><see cref="Valid"/> with a choice of run length after its slider: two options, each setting two paths.</summary>
    private static readonly string WithChoice = Valid.Replace("    integer: true\n", """
            integer: true
          - name: length
            kind: choice
            label: Length of the run
            default: short
            options:
              - name: short
                label: Ten days
                set:
                  protocol[0].days: 10
                  stop.days: 10
              - name: long
                label: Sixteen days
                set:
                  protocol[0].days: 16
                  stop.days: 16

        """, StringComparison.Ordinal);

    /// <summary>The 1-based line of the first line of <paramref name="text"/> holding <paramref name="part"/>, after <paramref name="after"/>.</summary>
    private static int LineOf(string text, string part, string? after = null)
    {
        string[] lines = text.Split('\n');
        int start = after is null ? 0 : Array.FindIndex(lines, l => l.Contains(after, StringComparison.Ordinal));
        return Array.FindIndex(lines, start, l => l.Contains(part, StringComparison.Ordinal)) + 1;
    }

    [Fact]
    public void AChoiceLoadsWithItsOptionsAndGivesItsOverridesBeforeTheSliders()
    {
        var (lesson, problems, _) = Load(WithChoice);
        Assert.Empty(problems);
        var choice = Assert.Single(lesson!.Choices);
        Assert.Equal(("length", "short"), (choice.Name, choice.Default));
        Assert.Equal(["short", "long"], choice.Options.Select(o => o.Name));
        Assert.Equal([new("protocol[0].days", "16"), new("stop.days", "16"), new("replicates", "5")],
            lesson.OverridesFor(new Dictionary<string, double>(), new Dictionary<string, string> { ["length"] = "long" }));
        Assert.Equal([new("protocol[0].days", "10"), new("stop.days", "10"), new("replicates", "7")],
            lesson.OverridesFor(new Dictionary<string, double> { ["replicates"] = 7 }));
    }

    [Fact]
    public void AChoiceDefaultThatIsNoOptionIsLocatedAtTheDefaultWithTheOptions()
    {
        string text = WithChoice.Replace("default: short", "default: medium", StringComparison.Ordinal);
        Assert.Equal($"lesson.yaml:{LineOf(text, "default: medium")}:14: lesson.parameters[1].default is not accepted: length must be one of 'short', 'long' ('medium' supplied)",
            Single(text));
    }

    [Fact]
    public void APathTheScenarioRejectsInAnOptionThatIsNotTheDefaultIsLocatedAtItsKey()
    {
        // Every option is loaded when the lesson is, not only the default: the student would meet this one first.
        string text = WithChoice.Replace("stop.days: 16", "stop.dayz: 16", StringComparison.Ordinal);
        string error = Single(text);
        Assert.StartsWith($"lesson.yaml:{LineOf(text, "stop.dayz")}:11: ", error, StringComparison.Ordinal);
        Assert.Contains("'dayz'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AValueTheScenarioRefusesInAnOptionNamesTheValueAtItsKey()
    {
        string text = WithChoice.Replace("stop.days: 16", "stop.days: -16", StringComparison.Ordinal);
        string error = Single(text);
        Assert.StartsWith($"lesson.yaml:{LineOf(text, "stop.days: -16")}:", error, StringComparison.Ordinal);
        Assert.Contains("-16", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoOptionsWithOneNameAreLocatedAtTheSecond()
    {
        string text = WithChoice.Replace("- name: long", "- name: short", StringComparison.Ordinal);
        Assert.Equal($"lesson.yaml:{LineOf(text, "- name: short", after: "label: Ten days")}:15: lesson.parameters[1].options[1].name is used by another option of 'length' ('short' supplied)",
            Single(text));
    }

    [Fact]
    public void AnOptionValueThatIsNotOneValueIsLocated()
    {
        string text = WithChoice.Replace("stop.days: 10", "stop.days: [10]", StringComparison.Ordinal);
        Assert.Equal($"lesson.yaml:{LineOf(text, "stop.days: [10]")}:22: lesson.parameters[1].options[0].set.stop.days must be one value, not a list",
            Single(text));
    }

    [Fact]
    public void ASliderKeyInAChoiceIsAnUnknownKey()
    {
        string text = WithChoice.Replace("    label: Length of the run", "    label: Length of the run\n    min: 1", StringComparison.Ordinal);
        string error = Single(text);
        Assert.StartsWith($"lesson.yaml:{LineOf(text, "min: 1")}:5: unknown key 'min'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownParameterKindNamesTheKinds()
    {
        string text = WithChoice.Replace("kind: choice", "kind: menu", StringComparison.Ordinal);
        string error = Single(text);
        Assert.StartsWith($"lesson.yaml:{LineOf(text, "kind: menu")}:11: ", error, StringComparison.Ordinal);
        Assert.Contains("'menu'", error, StringComparison.Ordinal);
        Assert.Contains("choice", error, StringComparison.Ordinal);
    }
}
