using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Cli.Query;

/// <summary>
/// <c>resistancesim query</c> with a real in-process DuckDB on a real quickstart run: the run's tables are views named
/// after them, results print as an aligned table or go to CSV/Parquet files written whole, and bad input exits 2 with
/// one line naming the problem.
/// </summary>
public sealed class QueryCommandTests(QuickstartRunFixture run) : IClassFixture<QuickstartRunFixture>
{
    [Fact]
    public void EveryPublishedTableIsAViewNamedAfterIt()
    {
        var result = Query(run.ParquetRun, "SELECT table_name FROM information_schema.tables ORDER BY table_name");

        Assert.Equal(["table_name", "clones", "summary", "totals", "trajectories"], Lines(result.Output));
    }

    /// <summary>The views belong to the query's own database (what EXPORT DATABASE writes), not to its connection only
    /// (the teaching server's shared database makes them temporary).</summary>
    [Fact]
    public void TheViewsAreTheDatabasesOwnNotTemporary()
    {
        var result = Query(run.ParquetRun, "SELECT count(*) FILTER (WHERE temporary) AS temporary, count(*) AS views FROM duckdb_views() WHERE NOT internal");

        Assert.Equal("0  4", string.Join("  ", Lines(result.Output)[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void AViewReadsExactlyItsTablesFiles()
    {
        string parts = Path.Combine(run.ParquetRun, "totals", "*.parquet").Replace("'", "''", StringComparison.Ordinal);
        var result = Query(run.ParquetRun,
            $"SELECT (SELECT count(*) FROM totals) = (SELECT count(*) FROM read_parquet('{parts}')) AS same, (SELECT count(*) FROM totals) > 10 AS rows");

        Assert.Equal("True  True", Lines(result.Output)[1].Trim());
    }

    [Fact]
    public void TheResultPrintsAsAnAlignedTableWithNumbersOnTheRight()
    {
        var result = Query(run.ParquetRun, "SELECT * FROM (VALUES (1, 'x', NULL), (100, 'yy', 2.5)) AS t(a, long_name, b) ORDER BY a");

        Assert.Equal("  a  long_name     b\n  1  x          NULL\n100  yy          2.5\n", result.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void TheSummaryOfTheRunReadsBackItsOneReplicate()
    {
        var result = Query(run.ParquetRun, "SELECT replicate, outcome FROM summary");

        var lines = Lines(result.Output);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^\s+0  (progressed|extinct|cured|censored)$", lines[1]);
    }

    [Fact]
    public void ACsvRunIsQueriedTheSameWay()
    {
        string sql = "SELECT count(*) AS n, sum(total_cells) AS cells FROM totals";

        Assert.Equal(Lines(Query(run.ParquetRun, sql).Output), Lines(Query(run.CsvRun, sql).Output));
    }

    [Fact]
    public void CsvWritesTheWholeResultAndLeavesNoTemporaryFile()
    {
        string target = run.Scratch("csv-out/summary.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        var result = Query(run.ParquetRun, "SELECT replicate, outcome FROM summary", "--csv", target);

        Assert.Equal($"Wrote {target}", result.Output.Trim());
        var lines = File.ReadAllLines(target);
        Assert.Equal("replicate,outcome", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.Equal([target], Directory.GetFiles(Path.GetDirectoryName(target)!));
    }

    [Fact]
    public void ParquetWritesAFileDuckDbReadsBack()
    {
        string target = run.Scratch("totals.parquet");

        Query(run.ParquetRun, "SELECT * FROM totals", "--parquet", target);
        string quoted = target.Replace("'", "''", StringComparison.Ordinal);
        var check = Query(run.ParquetRun, $"SELECT (SELECT count(*) FROM read_parquet('{quoted}')) = (SELECT count(*) FROM totals) AS same");

        Assert.Equal("True", Lines(check.Output)[1].Trim());
    }

    [Fact]
    public void AFailedExportLeavesTheTargetAsItWas()
    {
        string folder = run.Scratch("failed-export");
        Directory.CreateDirectory(folder);
        string target = Path.Combine(folder, "kept.csv");
        File.WriteAllText(target, "old content\n");

        var result = Support.Cli.Run("query", run.ParquetRun, "SELECT * FROM no_such_table", "--csv", target);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("old content\n", File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFiles(folder));
    }

    [Fact]
    public void AnSqlErrorExitsTwoNamingTheProblem()
    {
        var result = Support.Cli.Run("query", run.ParquetRun, "SELECT * FROM no_such_table");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: query failed: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("no_such_table", result.Error, StringComparison.Ordinal);
        Assert.Single(Lines(result.Error));
    }

    [Fact]
    public void AMissingRunDirectoryExitsTwoNamingIt()
    {
        string missing = run.Scratch("no-such-run");

        var result = Support.Cli.Run("query", missing, "SELECT 1");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: run directory '{missing}' does not exist", result.Error.Trim());
    }

    [Fact]
    public void ADirectoryThatIsNoRunExitsTwo()
    {
        string folder = run.Scratch("not-a-run");
        Directory.CreateDirectory(folder);

        var result = Support.Cli.Run("query", folder, "SELECT 1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not a run directory", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ARunThatHasNotPublishedItsTablesExitsTwo()
    {
        string folder = run.Scratch("unpublished");
        Directory.CreateDirectory(Path.Combine(folder, "shards"));

        var result = Support.Cli.Run("query", folder, "SELECT 1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("has not finished publishing", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancellationInterruptsALongQuery()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var output = new StringWriter();
        var error = new StringWriter();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // About 10^12 rows: hours, unless the interrupt stops it.
        int code = await ResistanceSim.Cli.CommandLine.InvokeAsync(
            ["query", run.ParquetRun, "SELECT count(*) FROM range(1000000) a, range(1000000) b WHERE a.range + b.range = -1"],
            output, error, cancellation.Token);

        Assert.Equal(130, code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the query ran {clock.Elapsed} after Ctrl+C");
        Assert.Equal("Stopped.", error.ToString().Trim());
    }

    private static Support.Cli.Result Query(string runDirectory, string sql, params string[] options)
    {
        var result = Support.Cli.Run(["query", runDirectory, sql, .. options]);
        Assert.True(result.ExitCode == 0, result.Error);
        return result;
    }

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}
