using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Runs;

/// <summary>
/// A run draws its report from the course it kept while writing its tables; <c>resistancesim plot</c> draws it from the
/// files. Both must give the same bytes.
/// </summary>
public class ReportFromTheRunTests
{
    [Theory]
    [InlineData("parquet")]
    [InlineData("csv")]
    public void TheRunsReportEqualsTheOneRedrawnFromItsFiles(string format)
    {
        using var temp = new TempDirectory();
        var run = Support.Cli.Run("run", Repository.Scenario("quickstart.yaml"), "--out", temp.Path, "--replicates", "2", "--format", format);
        Assert.True(run.ExitCode == 0, run.Error);
        string directory = Path.Combine(temp.Path, "quickstart");
        var drawnByTheRun = Drawn(directory);
        Assert.Contains("plots/muller.svg", drawnByTheRun.Keys);

        var plot = Support.Cli.Run("plot", directory);
        Assert.True(plot.ExitCode == 0, plot.Error);
        var redrawn = Drawn(directory);
        Assert.Equal(drawnByTheRun.Keys, redrawn.Keys);
        foreach (var (file, bytes) in drawnByTheRun) Assert.True(bytes.AsSpan().SequenceEqual(redrawn[file]), $"{file} differs");
    }

    /// <summary>report.html and every plot, by path relative to the run directory.</summary>
    private static SortedDictionary<string, byte[]> Drawn(string directory) => new(
        Directory.GetFiles(Path.Combine(directory, "plots")).Append(Path.Combine(directory, "report.html"))
            .ToDictionary(f => Path.GetRelativePath(directory, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);
}
