using ResistanceSim.Runs;
using ResistanceSim.Server.Lessons;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Server;

/// <summary>
/// The server answers every run's checks from one DuckDB database, a connection per run: runs whose tables have the
/// same names, checked at the same time on several threads, each get the answers of a database of their own.
/// </summary>
public class SharedAnswerDatabaseTests
{
    [Fact]
    public void RunsCheckedAtOnceEachSeeTheirOwnTables()
    {
        var lesson = LessonLibrary.Load(Path.Combine(Repository.Root, "lessons")).Find("4-bypass-rescue")!;
        using var output = new TempDirectory();
        // Two runs whose second check differs (with and without erlotinib): a run that read the other's tables would be caught.
        string[] runs = [.. new[] { 1000.0, 0.0 }.Select((erlotinib, i) =>
        {
            var scenario = lesson.ScenarioFor(new Dictionary<string, double> { ["erlotinib_nM"] = erlotinib }).Scenario!;
            return ScenarioRunner.RunIntoDirectory(scenario, Path.Combine(output.Path, $"run{i}"), new RunSettings { Plots = false }).RunDirectory;
        })];
        var expected = runs.Select(run =>
        {
            using var own = RunDatabase.Open(run);
            return AnswerCheck.Evaluate(lesson.Questions, own);
        }).ToArray();
        Assert.NotEqual(expected[0][1].Holds, expected[1][1].Holds);

        using var shared = new SharedRunDatabase();
        var answers = new IReadOnlyList<AnswerCheck>[64];
        Parallel.For(0, answers.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            using var database = shared.Open(runs[i % 2]);
            answers[i] = AnswerCheck.Evaluate(lesson.Questions, database);
        });
        for (int i = 0; i < answers.Length; i++) Assert.Equal(expected[i % 2], answers[i]);
    }

    [Fact]
    public void AConnectionsViewsGoWithIt()
    {
        var lesson = LessonLibrary.Load(Path.Combine(Repository.Root, "lessons")).Find("4-bypass-rescue")!;
        using var output = new TempDirectory();
        string run = ScenarioRunner.RunIntoDirectory(lesson.ScenarioFor(new Dictionary<string, double>()).Scenario!, output.Path, new RunSettings { Plots = false }).RunDirectory;
        using var shared = new SharedRunDatabase();
        using (var first = shared.Open(run)) Assert.Contains("totals", first.Tables);
        using var second = shared.Open(run);
        using var command = second.Connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM duckdb_views() WHERE view_name = 'totals'";
        Assert.Equal(1L, Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
