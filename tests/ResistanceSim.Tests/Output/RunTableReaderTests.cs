using ResistanceSim.Output.Reading;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Output;

public class RunTableReaderTests
{
    [Theory]
    [InlineData("parquet")]
    [InlineData("csv")]
    public void ReadsBackEveryRowOfEveryTableInEitherFormat(string format)
    {
        using var temp = new TempDirectory();
        Assert.Equal(0, Support.Cli.Run("run", Repository.Scenario("quickstart.yaml"), "--out", temp.Path, "--replicates", "3", "--format", format, "--no-plots").ExitCode);
        string run = Path.Combine(temp.Path, "quickstart");
        var summary = RunTableReader.Read(run, "summary");
        Assert.Equal(3, summary.RowCount);
        Assert.Equal([0L, 1L, 2L], Enumerable.Range(0, 3).Select(r => summary.Long("replicate", r)));
        Assert.All(Enumerable.Range(0, 3), r => Assert.Contains(summary.String("outcome", r), new[] { "progressed", "extinct", "censored", "cured" }));

        var clones = RunTableReader.Read(run, "clones");
        var keys = Enumerable.Range(0, clones.RowCount).Select(r => (clones.Long("replicate", r), clones.Long("clone_id", r))).ToArray();
        Assert.Equal(keys.Length, keys.Distinct().Count());
        Assert.Equal("parental", clones.String("genotype", 0));
        Assert.Null(clones["parent_id", 0]);
        Assert.Equal("", clones.String("alk_mutations", 0));
        int l1196m = Enumerable.Range(0, clones.RowCount).First(r => clones.String("genotype", r) == "ALK_L1196M");
        Assert.Equal("ALK_L1196M", clones.String("alk_mutations", l1196m));

        var totals = RunTableReader.Read(run, "totals");
        Assert.Equal(3 * 61, totals.RowCount);
        Assert.Equal(60.0, totals.Double("time_days", 60));
    }
}

public class RerunTests
{
    [Fact]
    public void ARerunInAnotherFormatLeavesOnlyItsOwnPartFiles()
    {
        using var temp = new TempDirectory();
        Assert.Equal(0, Support.Cli.Run("run", Repository.Scenario("quickstart.yaml"), "--out", temp.Path, "--replicates", "1", "--format", "csv", "--no-plots").ExitCode);
        var result = Support.Cli.Run("run", Repository.Scenario("quickstart.yaml"), "--out", temp.Path, "--replicates", "2");
        Assert.True(result.ExitCode == 0, result.Error);
        foreach (var table in new[] { "totals", "clones", "trajectories", "summary" })
            Assert.Equal(["part-00000.parquet"], Directory.GetFiles(Path.Combine(temp.Path, "quickstart", table)).Select(Path.GetFileName));
        Assert.Equal(2, RunTableReader.Read(Path.Combine(temp.Path, "quickstart"), "summary").RowCount);
        Assert.True(File.Exists(Path.Combine(temp.Path, "quickstart", "report.html")));
    }
}
