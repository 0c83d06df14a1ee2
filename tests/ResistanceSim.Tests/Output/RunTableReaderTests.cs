using ResistanceSim.Output.Reading;
using ResistanceSim.Parquet;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Output;

public class RunTableReaderTests
{
    /// <summary>Three replicates of the quickstart in <paramref name="format"/>, without plots; the run directory.</summary>
    private static string RunQuickstart(TempDirectory temp, string format)
    {
        Assert.Equal(0, Support.Cli.Run("run", Repository.Scenario("quickstart.yaml"), "--out", temp.Path, "--replicates", "3", "--format", format, "--no-plots").ExitCode);
        return Path.Combine(temp.Path, "quickstart");
    }

    [Theory]
    [InlineData("parquet")]
    [InlineData("csv")]
    public void ReadsBackEveryRowOfEveryTableInEitherFormat(string format)
    {
        using var temp = new TempDirectory();
        string run = RunQuickstart(temp, format);
        var summary = RunTableReader.Read(run, "summary");
        Assert.Equal(3, summary.RowCount);
        Assert.Equal([0L, 1L, 2L], Enumerable.Range(0, 3).Select(r => summary.Long("replicate", r)));
        Assert.All(Enumerable.Range(0, 3), r => Assert.Contains(summary.String("outcome", r), new[] { "progressed", "extinct", "censored", "cured" }));

        var clones = RunTableReader.Read(run, "clones");
        var keys = Enumerable.Range(0, clones.RowCount).Select(r => (clones.Long("replicate", r), clones.Long("clone_id", r))).ToArray();
        Assert.Equal(keys.Length, keys.Distinct().Count());
        Assert.Equal("parental", clones.String("genotype", 0));
        Assert.Null(clones["parent_id", 0]);
        Assert.True(string.IsNullOrEmpty(clones.String("alk_mutations", 0)));   // CSV cannot tell an empty list from null
        int l1196m = Enumerable.Range(0, clones.RowCount).First(r => clones.String("genotype", r) == "ALK_L1196M");
        Assert.Equal("ALK_L1196M", clones.String("alk_mutations", l1196m));

        var totals = RunTableReader.Read(run, "totals");
        Assert.Equal(3 * 61, totals.RowCount);
        Assert.Equal(60.0, totals.Double("time_days", 60));
    }

    [Theory]
    [InlineData("parquet")]
    [InlineData("csv")]
    public void ASelectionKeepsExactlyTheRowsWhoseColumnsHoldItsValues(string format)
    {
        using var temp = new TempDirectory();
        var files = RunFiles.Published(RunQuickstart(temp, format));
        var all = RunTableReader.Read(files, "clones");

        var second = RunTableReader.Read(files, "clones", [("replicate", 1), ("arm", 0)]);
        var expected = Enumerable.Range(0, all.RowCount).Where(r => all.Long("replicate", r) == 1).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Length, second.RowCount);
        Assert.Equal(all.ColumnNames, second.ColumnNames);
        for (int k = 0; k < expected.Length; k++)
            foreach (string column in all.ColumnNames)
                Assert.Equal(all.String(column, expected[k]), second.String(column, k));

        Assert.Equal(0, RunTableReader.Read(files, "clones", [("replicate", 3)]).RowCount);   // no such replicate
        var missing = Assert.Throws<InvalidDataException>(() => RunTableReader.Read(files, "clones", [("patient", 0)]));
        Assert.Contains("has no column 'patient' to select rows by", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASelectionReadsTheSameRowsWhateverRowGroupsTheyFallIn()
    {
        // Row groups holding replicates {0}, {0, 1}, {1, 2} and {2}: one the statistics rule out for replicate 1, two it
        // is inside, one that holds it only in part.
        using var temp = new TempDirectory();
        string path = Path.Combine(temp.Path, "t", "part-00000.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        int[][] groups = [[0, 0], [0, 1, 1], [1, 2], [2, 2, 2]];
        using (var stream = File.Create(path))
        using (var writer = new ParquetFileWriter(stream, new ParquetSchema([ParquetColumn.Int32("replicate", false), ParquetColumn.Double("value", false)])))
        {
            double next = 0;
            foreach (var replicates in groups)
            {
                using (var rows = writer.BeginRowBatch())
                {
                    rows.AppendInt32(0, replicates);
                    rows.AppendDouble(1, [.. replicates.Select(_ => next++)]);
                }
                writer.FlushRowGroup();
            }
        }
        var files = RunFiles.Pending(temp.Path, [path]);

        var second = RunTableReader.Read(files, "t", [("replicate", 1)]);
        Assert.Equal([3.0, 4.0, 5.0], Enumerable.Range(0, second.RowCount).Select(r => second.Double("value", r)));
        Assert.Equal(0, RunTableReader.Read(files, "t", [("replicate", 7)]).RowCount);
        Assert.Equal(10, RunTableReader.Read(files, "t").RowCount);
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

public class AssayFitTableTests
{
    [Fact]
    public void TheRunFitsEveryAssayAndReportsFoldChangeOverTheFirst()
    {
        using var temp = new TempDirectory();
        var result = Support.Cli.Run("run", Repository.Scenario("h3122-stepwise-escalation.yaml"), "--out", temp.Path, "--replicates", "1");
        Assert.True(result.ExitCode == 0, result.Error);
        string run = Path.Combine(temp.Path, "h3122-stepwise-escalation");
        var fits = RunTableReader.Read(run, ResistanceSim.Runs.Reporting.AssayFits.Table);
        Assert.Equal(2, fits.RowCount);
        Assert.Equal(1.0, fits.Double("fold_change", 0), 12);
        Assert.Equal(fits.Double("ic50_nM", 1) / fits.Double("ic50_nM", 0), fits.Double("fold_change", 1), 9);
        for (int r = 0; r < 2; r++)
        {
            Assert.Equal("converged", fits.String("status", r));
            Assert.InRange(fits.Double("ic50_nM", r), fits.Double("ic50_lower_nM", r), fits.Double("ic50_upper_nM", r));
        }
        Assert.True(File.Exists(Path.Combine(run, "plots", "dose-response.svg")));
        Assert.Contains("Viability assays: fitted IC50", File.ReadAllText(Path.Combine(run, "report.html")));
    }
}
