using ResistanceSim.Server;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Server;

/// <summary>docs/teaching.md states the server's per-run limits, the live chart's redraw limit and line count, and serve's exit code for a port in use as the code sets them, so the two cannot drift apart.</summary>
public class TeachingDocsTests
{
    [Fact]
    public void TheDocumentedLimitsAreTheServersDefaults()
    {
        string docs = File.ReadAllText(Path.Combine(Repository.Root, "docs", "teaching.md")).ReplaceLineEndings(" ");
        var limits = new ServerLimits();
        Assert.Equal(10_000_000, limits.MaxInitialCells);
        Assert.Contains("more than 10 million initial cells, 1,500 days, 200 replicates or 400 work units", docs, StringComparison.Ordinal);
        Assert.Equal((1_500.0, 200, 400L), (limits.MaxDays, limits.MaxReplicates, limits.MaxWorkUnits));
        Assert.Contains("to 512 MiB of memory and 256 MiB of tables", docs, StringComparison.Ordinal);
        Assert.Equal((512L << 20, 256L << 20), (limits.Resources.MaxMemoryBytes, limits.Resources.MaxOutputBytes));
        Assert.Contains("limited to 256 KiB", docs, StringComparison.Ordinal);
        Assert.Equal(256 * 1024, limits.MaxRequestBytes);
        Assert.Contains("up to 32 waiting", docs, StringComparison.Ordinal);
        Assert.Equal(32, limits.QueueCapacity);
        Assert.Contains("after 60 s of wall time", docs, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(60), limits.MaxWallTime);
        Assert.Contains("(the first 8 drawn)", docs, StringComparison.Ordinal);
        Assert.Equal(8, ResistanceSim.Runs.Reporting.LivePopulationChart.MaxLines);
        Assert.Contains("most twice a second", docs, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMilliseconds(500), limits.LiveChartInterval);
        Assert.Contains("and exits 75 (EX_TEMPFAIL)", docs, StringComparison.Ordinal);
        Assert.Equal(75, ResistanceSim.Cli.ExitCodes.PortInUse);
    }
}
