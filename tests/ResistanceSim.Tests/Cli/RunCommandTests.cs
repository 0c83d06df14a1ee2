using ResistanceSim.Cli;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Cli;

public class RunCommandTests
{
    [Fact]
    public void QuickstartWritesTheRunDirectory()
    {
        using var temp = new TempDirectory();
        var result = Support.Cli.Run("run", Repository.Scenario("quickstart.yaml"), "--out", temp.Path, "--replicates", "2", "--threads", "2");
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        string run = Path.Combine(temp.Path, "quickstart");
        foreach (var table in new[] { "totals", "clones", "trajectories", "summary" })
            Assert.True(File.Exists(Path.Combine(run, table, "part-00000.parquet")), table);
        Assert.True(File.Exists(Path.Combine(run, "manifest.json")));
        Assert.Contains("name: quickstart", File.ReadAllText(Path.Combine(run, "scenario.yaml")));
        Assert.Contains("ALK_L1196M", File.ReadAllText(Path.Combine(run, "scenario.yaml")));     // includes expanded
        using (var summary = ResistanceSim.Parquet.ParquetFileReader.Open(Path.Combine(run, "summary", "part-00000.parquet")))
        {
            Assert.Equal(2, summary.RowCount);
            Assert.Equal(ManifestSha(run), summary.KeyValueMetadata["resistancesim.scenario_sha256"]);
        }
        Assert.Empty(Directory.EnumerateFiles(run, ".*tmp*", SearchOption.AllDirectories));
        Assert.Contains("dominant mechanism", result.Output);
        var manifest = ResistanceSim.Output.RunManifest.Read(Path.Combine(run, "manifest.json"));
        Assert.Equal(2, manifest.WorkUnitsDone);
        Assert.Equal(64, manifest.ScenarioSha256.Length);
    }

    private static string ManifestSha(string run) => ResistanceSim.Output.RunManifest.Read(Path.Combine(run, "manifest.json")).ScenarioSha256;

    [Fact]
    public void CsvFormatWritesCsvTables()
    {
        using var temp = new TempDirectory();
        var result = Support.Cli.Run("run", Repository.Scenario("quickstart.yaml"), "--out", temp.Path, "--replicates", "2", "--format", "csv");
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        string summary = Path.Combine(temp.Path, "quickstart", "summary", "part-00000.csv");
        var lines = File.ReadAllLines(summary);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("arm,point,replicate,outcome,", lines[0]);
    }

    [Fact]
    public void SameSeedGivesIdenticalBytesAtOneAndTwoThreads()
    {
        using var temp = new TempDirectory();
        string one = Path.Combine(temp.Path, "one"), two = Path.Combine(temp.Path, "two");
        Assert.Equal(0, Support.Cli.Run("run", Repository.Scenario("quickstart.yaml"), "--out", one, "--replicates", "6", "--threads", "1").ExitCode);
        Assert.Equal(0, Support.Cli.Run("run", Repository.Scenario("quickstart.yaml"), "--out", two, "--replicates", "6", "--threads", "2").ExitCode);
        foreach (var table in new[] { "totals", "clones", "trajectories", "summary" })
        {
            byte[] a = File.ReadAllBytes(Path.Combine(one, "quickstart", table, "part-00000.parquet"));
            byte[] b = File.ReadAllBytes(Path.Combine(two, "quickstart", table, "part-00000.parquet"));
            Assert.True(a.AsSpan().SequenceEqual(b), $"{table} differs between 1 and 2 threads");
        }
        Assert.Equal(File.ReadAllText(Path.Combine(one, "quickstart", "scenario.yaml")), File.ReadAllText(Path.Combine(two, "quickstart", "scenario.yaml")));
    }

    [Fact]
    public void DifferentSeedsGiveDifferentTrajectories()
    {
        using var temp = new TempDirectory();
        Assert.Equal(0, Support.Cli.Run("run", Repository.Scenario("quickstart.yaml"), "--out", Path.Combine(temp.Path, "a"), "--replicates", "1", "--seed", "1", "--format", "csv").ExitCode);
        Assert.Equal(0, Support.Cli.Run("run", Repository.Scenario("quickstart.yaml"), "--out", Path.Combine(temp.Path, "b"), "--replicates", "1", "--seed", "2", "--format", "csv").ExitCode);
        Assert.NotEqual(File.ReadAllText(Path.Combine(temp.Path, "a", "quickstart", "totals", "part-00000.csv")),
            File.ReadAllText(Path.Combine(temp.Path, "b", "quickstart", "totals", "part-00000.csv")));
    }

    [Fact]
    public void TheVignetteBenchmarkRunsAndItsReportShowsMutationPerDay()
    {
        // OncoSimulR's McFarland model with mutation per unit time, end to end: 1e9 cells in a fraction of a second.
        using var temp = new TempDirectory();
        var result = Support.Cli.Run("run", Path.Combine(Repository.Root, "benchmarks", "scenarios", "mcfl-vignette-1e9.yaml"), "--out", temp.Path);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        string report = File.ReadAllText(Path.Combine(temp.Path, "mcfl-vignette-1e9", "report.html"));
        Assert.Contains("G01 (ν = 1E-07/day, cost -0.1)", report);
    }

    [Theory]
    [InlineData("exact")]
    [InlineData("tau")]
    public void EngineOverrideRunsAndIsRecorded(string engine)
    {
        using var temp = new TempDirectory();
        // Outside the repository: includes resolve through the presets bundled with the tool.
        string scenario = temp.File("small.yaml", File.ReadAllText(Repository.Scenario("quickstart.yaml"))
            .Replace("cells: 999992", "cells: 20000").Replace("days: 60", "days: 5"));
        var result = Support.Cli.Run("run", scenario, "--out", temp.Path, "--engine", engine, "--replicates", "1");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(engine, ResistanceSim.Output.RunManifest.Read(Path.Combine(temp.Path, "quickstart", "manifest.json")).Engine);
    }

    [Theory]
    [InlineData("--threads", "0", "--threads must be >= 1 (0 supplied)")]
    [InlineData("--replicates", "0", "--replicates must be >= 1 (0 supplied)")]
    [InlineData("--seed", "9223372036854775808", "--seed must be at most 9223372036854775807, the largest seed a scenario file takes (9223372036854775808 supplied)")]
    [InlineData("--engine", "warp", "warp")]
    [InlineData("--format", "xlsx", "xlsx")]
    public void BadArgumentsExitTwoAndWriteNothing(string option, string value, string message)
    {
        using var temp = new TempDirectory();
        var result = Support.Cli.Run("run", Repository.Scenario("quickstart.yaml"), "--out", temp.Path, option, value);
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void MissingScenarioFileExitsTwo()
    {
        var result = Support.Cli.Run("run", "no/such/file.yaml");
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("does not exist", result.Error);
    }

    [Fact]
    public void OdeEngineRunsTheQuickstartFromTheCommandLine()
    {
        // Every engine is available; the deterministic one writes the same tables.
        using var temp = new TempDirectory();
        var result = Support.Cli.Run("run", Repository.Scenario("quickstart.yaml"), "--out", temp.Path, "--engine", "ode", "--format", "csv");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.NotEmpty(Directory.EnumerateFileSystemEntries(temp.Path));
    }
}

public class OutputSchemaDocumentationTests
{
    [Fact]
    public void EveryColumnOfEveryTableIsDocumented()
    {
        string doc = File.ReadAllText(Path.Combine(Repository.Root, "docs", "output-schema.md"));
        var scenario = ResistanceSim.Scenarios.ScenarioLoader.Load(Repository.Scenario("quickstart.yaml")).Scenario;
        foreach (var table in ResistanceSim.Output.Tables.RunTables.For(scenario))
        {
            Assert.Contains($"## `{table.Name}/`", doc);
            foreach (var column in table.Columns)
            {
                string documented = column.Name.StartsWith("cells_", StringComparison.Ordinal) && table.Name == "totals" ? "cells_<mechanism>"
                    : column.Name.StartsWith("conc_", StringComparison.Ordinal) ? "conc_<drug>_nM" : column.Name;
                Assert.True(doc.Contains($"`{documented}`", StringComparison.Ordinal), $"{table.Name}.{column.Name} is not in docs/output-schema.md");
            }
        }
    }
}
