using ResistanceSim.Cli;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Cli;

/// <summary>What the command line does about its run directory: I/O errors, leftovers, unpublished runs, a run that stops at day 0.</summary>
public class RunDirectoryCommandTests
{
    [Fact]
    public void AnOutputPathThroughAFileIsAOneLineIoError()
    {
        using var temp = new TempDirectory();
        string file = temp.File("not-a-directory", "x");
        var result = Support.Cli.Run("run", Repository.Scenario("quickstart.yaml"), "--out", Path.Combine(file, "out"), "--replicates", "1");
        Assert.Equal(ExitCodes.IoError, result.ExitCode);
        string[] lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("I/O error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(file, lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void LeftoversOfAnInterruptedRunAreRemovedByTheNextRun()
    {
        using var temp = new TempDirectory();
        string leftover = temp.File("quickstart/summary/.part-00000.parquet.tmp-0123", "half a file");
        var result = Support.Cli.Run("run", Repository.Scenario("quickstart.yaml"), "--out", temp.Path, "--replicates", "1", "--no-plots");
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        Assert.False(File.Exists(leftover));
        Assert.Contains("removed 1 unfinished temporary file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void PlotRefusesARunThatNeverPublished()
    {
        using var temp = new TempDirectory();
        temp.File("quickstart/scenario.yaml", File.ReadAllText(Repository.Scenario("quickstart.yaml")));
        temp.File("quickstart/totals/part-00000.csv", "arm\n0\n");
        var result = Support.Cli.Run("plot", Path.Combine(temp.Path, "quickstart"));
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("has no manifest.json", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ARunWhoseInitialCellsReachTheSizeLimitWarnsAndDrawsNoMullerChart()
    {
        using var temp = new TempDirectory();
        foreach (string preset in Directory.GetFiles(Path.Combine(Repository.Scenarios, "presets"), "*.yaml"))
            temp.File(Path.Combine("presets", Path.GetFileName(preset)), File.ReadAllText(preset));
        // The quickstart's 1e6 initial cells against a limit of 1e6.
        string yaml = File.ReadAllText(Repository.Scenario("quickstart.yaml"))
            .Replace("stop: { days: 60 }", "stop: { days: 60, max_cells: 1.0e6 }", StringComparison.Ordinal);
        Assert.Contains("max_cells: 1.0e6", yaml, StringComparison.Ordinal);
        var result = Support.Cli.Run("run", temp.File("day0.yaml", yaml), "--out", temp.Path, "--replicates", "1");
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        Assert.Contains("warning: the initial population (1e+6 cells) already reaches stop.max_cells (1e+6)", result.Error, StringComparison.Ordinal);
        string plots = Path.Combine(temp.Path, "quickstart", "plots");
        Assert.True(File.Exists(Path.Combine(plots, "population.svg")));
        Assert.False(File.Exists(Path.Combine(plots, "muller.svg")));
    }
}
