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
}
