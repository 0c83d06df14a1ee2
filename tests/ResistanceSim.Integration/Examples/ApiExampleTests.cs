using System.Text.RegularExpressions;
using ResistanceSim.Integration.Packaging;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Integration.Examples;

/// <summary>
/// examples/ApiExample, run as docs/api.md tells a user to (<c>dotnet run --project examples/ApiExample</c>, from the
/// repository root): the override reaches the run, progress counts every work unit, and the numbers read in memory are
/// the numbers DuckDB reads from the run directory's Parquet files.
/// </summary>
public sealed partial class ApiExampleTests
{
    [Fact]
    public void TheExampleRunsTheQuickstartWithItsOverrideAndDuckDbReadsTheSameNumbers()
    {
        // Built with this test project (same configuration), so no second build runs beside the other tests.
        string printed = ExternalTool.Run("dotnet",
            ["run", "--project", Path.Combine("examples", "ApiExample"), "-c", LocalFeed.BuildConfiguration, "--no-build"],
            TimeSpan.FromMinutes(5), Repository.Root);
        var lines = printed.ReplaceLineEndings("\n").Split('\n');

        Assert.Contains("Loaded quickstart from scenarios/quickstart.yaml: 2 work units", lines);   // the file says 5 replicates
        Assert.Contains("  2/2 work units", lines);
        int duckDb = Array.FindIndex(lines, l => l.StartsWith("DuckDB over ", StringComparison.Ordinal));
        Assert.True(duckDb > 0, $"the example did not query DuckDB:\n{printed}");
        var inMemory = lines[..duckDb].Select(l => Replicate().Match(l)).Where(m => m.Success).Select(m => m.Value).ToList();
        var fromDuckDb = lines[duckDb..].Select(l => Replicate().Match(l)).Where(m => m.Success).Select(m => m.Value).ToList();
        Assert.Equal(2, inMemory.Count);
        Assert.Equal(inMemory, fromDuckDb);
        Assert.Contains("views clones, summary, totals, trajectories", lines[duckDb], StringComparison.Ordinal);
    }

    /// <summary>"replicate 0: progressed, 7795849 cells": the part both halves of the example print.</summary>
    [GeneratedRegex(@"replicate \d+: \w+, \d+ cells")]
    private static partial Regex Replicate();
}
