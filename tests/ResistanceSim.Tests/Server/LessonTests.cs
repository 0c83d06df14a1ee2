using ResistanceSim.Runs;
using ResistanceSim.Server.Lessons;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Server;

/// <summary>Every lesson of lessons/ loads, runs at its default parameters, and each question's expected answer holds in that run.</summary>
public class LessonTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "lessons");

    /// <summary>One database for the class's tests, as the server keeps one for all its runs.</summary>
    private static readonly SharedRunDatabase Databases = new();

    private static IReadOnlyList<AnswerCheck> SharedChecks(Lesson lesson, string runDirectory)
    {
        using var database = Databases.Open(runDirectory);
        return AnswerCheck.Evaluate(lesson.Questions, database);
    }

    public static TheoryData<string> LessonIds() => [.. LessonLibrary.Load(Folder).All.Select(l => l.Id)];

    [Fact]
    public void TheIssuesSevenLessonsAreThereInOrder()
    {
        var lessons = LessonLibrary.Load(Folder).All;
        Assert.True(lessons.Count >= 7, $"{lessons.Count} lessons");
        Assert.Equal(Enumerable.Range(1, lessons.Count), lessons.Select(l => l.Order));
        Assert.All(lessons, l => Assert.NotEmpty(l.Questions));
    }

    [Theory]
    [MemberData(nameof(LessonIds))]
    public void EveryExpectedAnswerHoldsAtTheDefaults(string id)
    {
        var lesson = LessonLibrary.Load(Folder).Find(id)!;
        var loaded = RunnableScenario.Load(lesson.ScenarioPath, lesson.OverridesFor(new Dictionary<string, double>()));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        using var output = new TempDirectory();
        var outcome = ScenarioRunner.RunIntoDirectory(loaded.Scenario!, output.Path, new RunSettings { Plots = false });
        var checks = SharedChecks(lesson, outcome.RunDirectory);
        using (var own = RunDatabase.Open(outcome.RunDirectory))
            Assert.Equal(AnswerCheck.Evaluate(lesson.Questions, own), checks);   // the server's shared database answers as a database of its own
        for (int i = 0; i < checks.Count; i++)
        {
            Assert.Null(checks[i].Error);
            Assert.True(checks[i].Holds, $"{id}, question {i + 1} ('{lesson.Questions[i].Text}'): the expected answer does not hold ({checks[i].Figure})");
            Assert.NotEqual("", checks[i].Figure);
        }
    }

    /// <summary>The checks are about the run, not constants: without erlotinib the bypass culture keeps growing and
    /// lesson 4's second expected answer no longer holds (its first, about days 0–30, still does).</summary>
    [Fact]
    public void AChecksVerdictFollowsTheRun()
    {
        var lesson = LessonLibrary.Load(Folder).Find("4-bypass-rescue")!;
        var loaded = RunnableScenario.Load(lesson.ScenarioPath, lesson.OverridesFor(new Dictionary<string, double> { ["erlotinib_nM"] = 0 }));
        using var output = new TempDirectory();
        var outcome = ScenarioRunner.RunIntoDirectory(loaded.Scenario!, output.Path, new RunSettings { Plots = false });
        var checks = SharedChecks(lesson, outcome.RunDirectory);
        Assert.True(checks[0].Holds, checks[0].Figure);
        Assert.False(checks[1].Holds, checks[1].Figure);
    }
}
