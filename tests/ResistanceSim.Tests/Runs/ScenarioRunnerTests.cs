using ResistanceSim.Output.Reading;
using ResistanceSim.Runs;
using ResistanceSim.Runs.Reporting;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Runs;

/// <summary>Running through the run library: progress, cancellation, and the same tables in memory as in a run directory.</summary>
public class ScenarioRunnerTests
{
    private static readonly RunSettings Settings = new() { Threads = 2, Plots = false };

    /// <summary>The quickstart, shortened to keep the test quick: 3 replicates over 10 days.</summary>
    private static RunnableScenario ShortQuickstart()
    {
        var result = RunnableScenario.Load(Repository.Scenario("quickstart.yaml"), [new("replicates", "3"), new("stop.days", "10")]);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Scenario!;
    }

    [Fact]
    public void ARunReportsItsStartEveryWorkUnitAndPublishing()
    {
        var reports = new SynchronousProgress();

        var results = ScenarioRunner.RunInMemory(ShortQuickstart(), Settings, reports);

        var started = Assert.Single(reports.All, r => r.Stage == RunStage.Started);
        Assert.Equal(3, started.UnitsTotal);
        Assert.Equal(0, started.UnitsAlreadyDone);
        Assert.StartsWith("quickstart on hybrid", started.Description, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], reports.All.Where(r => r.Stage == RunStage.Running).Select(r => r.UnitsDone));
        Assert.Equal(RunStage.Publishing, reports.All[^1].Stage);
        Assert.Equal(3, results.Tables["summary"].RowCount);
        Assert.Null(results.Trial);
    }

    /// <summary>Each finished unit's report carries its population and drug levels as its rows of <c>totals</c> hold them, for a live chart.</summary>
    [Fact]
    public void EachFinishedUnitsReportCarriesItsTotalsAndDrugLevels()
    {
        var reports = new SynchronousProgress();
        var totals = ScenarioRunner.RunInMemory(ShortQuickstart(), Settings, reports).Tables["totals"];
        var units = reports.All.Where(r => r.Stage == RunStage.Running).Select(r => r.Unit!).ToList();
        Assert.Equal(3, units.Count);
        foreach (var unit in units)
        {
            int[] rows = [.. Enumerable.Range(0, totals.RowCount).Where(r => totals.Long("replicate", r) == unit.Replicate)];
            Assert.Equal(rows.Select(r => totals.Double("time_days", r)), unit.Days);
            Assert.Equal(rows.Select(r => (double)totals.Long("total_cells", r)), unit.TotalCells);
            var crizotinib = Assert.Single(unit.DrugLevels, d => d.Drug == "crizotinib");
            Assert.Equal(rows.Select(r => totals.Double(ResistanceSim.Output.Tables.TotalsTable.ConcentrationColumn("crizotinib"), r)), crizotinib.NanoMolar);
            Assert.Contains(300, crizotinib.NanoMolar);
        }
    }

    [Fact]
    public void CancellingAnInMemoryRunStopsItBeforeItsRemainingWorkUnits()
    {
        using var cancellation = new CancellationTokenSource();
        var reports = new SynchronousProgress(report =>
        {
            if (report.Stage == RunStage.Running) cancellation.Cancel();
        });
        var settings = Settings with { Threads = 1, Replicates = 6 };

        var stopped = Assert.Throws<RunStoppedException>(() => ScenarioRunner.RunInMemory(ShortQuickstart(), settings, reports, cancellation.Token));

        Assert.True(cancellation.IsCancellationRequested);
        var finished = reports.All.Count(r => r.Stage == RunStage.Running);
        Assert.InRange(finished, 1, 5);
        Assert.DoesNotContain(reports.All, r => r.Stage == RunStage.Publishing);
        Assert.Equal(RunStage.Running, stopped.Stage);
        Assert.Equal(finished, stopped.UnitsDone);
        Assert.Equal(6, stopped.UnitsTotal);
    }

    [Fact]
    public void ARunDirectoryReadsBackTheTablesOfTheSameRunInMemory()
    {
        using var output = new TempDirectory();
        var scenario = ShortQuickstart();

        var outcome = ScenarioRunner.RunIntoDirectory(scenario, output.Path, Settings);
        var fromDirectory = RunResults.Read(outcome.RunDirectory);
        var inMemory = ScenarioRunner.RunInMemory(scenario, Settings);

        Assert.False(outcome.AlreadyComplete);
        Assert.Equal(3, outcome.WorkUnits);
        Assert.Equal(Path.Combine(output.Path, "quickstart"), outcome.RunDirectory);
        Assert.Equal(fromDirectory.Tables.Keys, inMemory.Tables.Keys);
        Assert.Contains("totals", fromDirectory.Tables.Keys);
        foreach (var (name, table) in fromDirectory.Tables) AssertSameTable(name, table, inMemory.Tables[name]);
        Assert.Equal(fromDirectory.ScenarioYaml, inMemory.ScenarioYaml);
    }

    [Fact]
    public void TheReportARunDrawsFromTheScenarioItLoadedEqualsTheOneRedrawnFromItsFiles()
    {
        using var output = new TempDirectory();
        var outcome = ScenarioRunner.RunIntoDirectory(ShortQuickstart(), output.Path, Settings with { Plots = true });
        var drawnByTheRun = ReportFiles(outcome.RunDirectory);

        var redrawn = RunReport.Write(outcome.RunDirectory);   // what `resistancesim plot` does: scenario.yaml and the tables only

        Assert.Contains(Path.Combine(RunReport.PlotsFolder, "population.svg"), drawnByTheRun.Keys);
        Assert.Equal(drawnByTheRun.Keys.Order(StringComparer.Ordinal),
            redrawn.Select(f => Path.GetRelativePath(outcome.RunDirectory, f)).Order(StringComparer.Ordinal));
        Assert.Equal(drawnByTheRun, ReportFiles(outcome.RunDirectory));
    }

    [Fact]
    public void ARunWithoutItsReportPageDrawsTheChartsAndThePageCanBeWrittenLater()
    {
        using var output = new TempDirectory();
        var outcome = ScenarioRunner.RunIntoDirectory(ShortQuickstart(), output.Path, Settings with { Plots = true, ReportPage = false });
        Assert.True(File.Exists(Path.Combine(outcome.RunDirectory, RunReport.PlotsFolder, "population.svg")));
        Assert.False(File.Exists(Path.Combine(outcome.RunDirectory, RunReport.ReportFile)));

        using var whole = new TempDirectory();
        var reference = ScenarioRunner.RunIntoDirectory(ShortQuickstart(), whole.Path, Settings with { Plots = true });
        RunReport.Write(outcome.RunDirectory);
        Assert.Equal(ReportFiles(reference.RunDirectory), ReportFiles(outcome.RunDirectory));
    }

    [Fact]
    public void ARunWithoutCheckpointsOnDiskWritesTheSameDirectoryWithoutASpool()
    {
        using var withSpool = new TempDirectory();
        using var inMemory = new TempDirectory();
        var reference = ScenarioRunner.RunIntoDirectory(ShortQuickstart(), withSpool.Path, Settings);
        var spoolSeen = new List<bool>();
        var progress = new CallbackProgress(p =>
        {
            if (p.Stage == RunStage.Running)
                spoolSeen.Add(Directory.Exists(Path.Combine(inMemory.Path, "quickstart", "shards", "part-00000.spool")));
        });
        var outcome = ScenarioRunner.RunIntoDirectory(ShortQuickstart(), inMemory.Path, Settings with { Checkpoints = false }, progress);

        Assert.Equal([false, false, false], spoolSeen);
        Assert.Equal(Files(reference.RunDirectory), Files(outcome.RunDirectory));
        using var refused = new TempDirectory();
        Assert.Throws<RunRequestException>(() => ScenarioRunner.RunIntoDirectory(ShortQuickstart(), refused.Path, Settings with { Checkpoints = false, Resume = true }));
        Assert.Empty(Directory.EnumerateFileSystemEntries(refused.Path));   // refused before anything is written
    }

    /// <summary>Every file's bytes by relative path, except the manifest (it records the wall time).</summary>
    private static Dictionary<string, string> Files(string runDirectory) =>
        Directory.EnumerateFiles(runDirectory, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is not ("manifest.json" or ".lock"))
            .ToDictionary(f => Path.GetRelativePath(runDirectory, f), f => Convert.ToBase64String(File.ReadAllBytes(f)), StringComparer.Ordinal);

    private sealed class CallbackProgress(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }

    /// <summary>report.html and every file under plots/, by path relative to the run directory.</summary>
    private static Dictionary<string, string> ReportFiles(string runDirectory) =>
        Directory.EnumerateFiles(Path.Combine(runDirectory, RunReport.PlotsFolder))
            .Append(Path.Combine(runDirectory, RunReport.ReportFile))
            .ToDictionary(f => Path.GetRelativePath(runDirectory, f), f => Convert.ToBase64String(File.ReadAllBytes(f)), StringComparer.Ordinal);

    [Fact]
    public void ASecondRunOfAPublishedShardRunsNothing()
    {
        using var output = new TempDirectory();
        var scenario = ShortQuickstart();
        ScenarioRunner.RunIntoDirectory(scenario, output.Path, Settings);
        var reports = new SynchronousProgress();

        var again = ScenarioRunner.RunIntoDirectory(scenario, output.Path, Settings with { Resume = true }, reports);

        Assert.True(again.AlreadyComplete);
        Assert.DoesNotContain(reports.All, r => r.Stage == RunStage.Running);
    }

    [Fact]
    public void ACohortRunHasATrialReadoutInMemoryAndReadBackFromItsDirectory()
    {
        string yaml = Trials.TrialScenarios.Header + Trials.TrialScenarios.Cohort + Trials.TrialScenarios.TwoArms;
        var loaded = RunnableScenario.Parse(yaml, "trial.yaml");
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        Assert.True(loaded.Scenario!.HasCohort);
        var settings = Settings with { Patients = 5 };
        using var output = new TempDirectory();

        var inMemory = ScenarioRunner.RunInMemory(loaded.Scenario, settings);
        var outcome = ScenarioRunner.RunIntoDirectory(loaded.Scenario, output.Path, settings);
        var fromDirectory = RunResults.Read(outcome.RunDirectory);

        var trial = Assert.IsType<ResistanceSim.Runs.Reporting.TrialResults.Readout>(inMemory.Trial);
        Assert.Equal(2, trial.Arms.Count);
        Assert.All(trial.Arms, arm => Assert.Equal(5, arm.Patients));
        Assert.Contains("endpoints", inMemory.Tables.Keys);
        Assert.Equal(trial.Arms.Select(a => (a.Name, a.Patients, a.Events, a.MedianPfs.Median)),
            fromDirectory.Trial!.Arms.Select(a => (a.Name, a.Patients, a.Events, a.MedianPfs.Median)));
        Assert.Equal(trial.Arms.Select(a => (a.Name, a.Patients, a.Events)), outcome.Trial!.Arms.Select(a => (a.Name, a.Patients, a.Events)));
    }

    private static void AssertSameTable(string name, TableData expected, TableData actual)
    {
        Assert.Equal(expected.ColumnNames, actual.ColumnNames);
        Assert.True(expected.RowCount == actual.RowCount, $"{name}: {expected.RowCount} rows in the directory, {actual.RowCount} in memory");
        foreach (string column in expected.ColumnNames)
            for (int row = 0; row < expected.RowCount; row++)
                Assert.True(SameValue(expected[column, row], actual[column, row]), $"{name}.{column}[{row}]: {expected[column, row]} vs {actual[column, row]}");
    }

    /// <summary>Cells compare by value; list cells (<c>alk_mutations</c>, <c>bypass</c>) element by element.</summary>
    private static bool SameValue(object? expected, object? actual) =>
        expected is object[] list && actual is object[] other ? list.SequenceEqual(other) : Equals(expected, actual);

    /// <summary>Collects reports as they are made (<see cref="Progress{T}"/> would post them to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress(Action<RunProgress>? onReport = null) : IProgress<RunProgress>
    {
        public List<RunProgress> All { get; } = [];

        public void Report(RunProgress value)
        {
            All.Add(value);
            onReport?.Invoke(value);
        }
    }
}
