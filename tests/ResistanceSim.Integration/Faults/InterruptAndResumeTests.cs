using ResistanceSim.Output;

namespace ResistanceSim.Integration.Faults;

/// <summary>
/// A run stopped at a deterministic point — SIGKILL (no chance to clean up) or SIGTERM (a clean stop, as by
/// Ctrl+C) at its second checkpoint, so after one recorded chunk — then resumed equals an uninterrupted run byte for byte. (Formerly a
/// timing-dependent test in the fast suite; the kill points make it deterministic.)
/// </summary>
public class InterruptAndResumeTests
{
    [Fact]
    public void AShardKilledAtACheckpointResumesToTheUninterruptedTables()
    {
        using var scenario = new FaultScenario();
        string[] shard = ["--shard", "1/2", "--replicates", "12", "--format", "csv"];
        string expected = scenario.Reference("expected", shard);
        string root = Path.Combine(scenario.Root, "interrupted");

        var killed = CliProcess.Run(FaultScenario.RunArgs(root, shard), $"kill@{FaultInjection.Checkpoint}#2");
        Assert.True(killed.ExitCode == 137, killed.ToString());
        string run = FaultScenario.RunDirectoryIn(root);
        Assert.Empty(RunDirectory.PartFiles(run));

        var resumed = CliProcess.Run(FaultScenario.RunArgs(root, [.. shard, "--resume"]));
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains("Resuming: 1 of 6 work units already done.", resumed.Output, StringComparison.Ordinal);
        AssertSameShardTables(expected, run);
    }

    [Fact]
    public void SigtermStopsWithExit130AndTheResumeHint()
    {
        using var scenario = new FaultScenario();
        string expected = scenario.Reference("expected");
        string root = Path.Combine(scenario.Root, "interrupted");

        var stopped = CliProcess.Run(FaultScenario.RunArgs(root), $"term@{FaultInjection.Checkpoint}#2");
        Assert.True(stopped.ExitCode == 130, stopped.ToString());
        Assert.Contains("Continue with: resistancesim run", stopped.Error, StringComparison.Ordinal);
        Assert.Contains("--resume", stopped.Error, StringComparison.Ordinal);
        string run = FaultScenario.RunDirectoryIn(root);
        Assert.False(File.Exists(Path.Combine(run, RunManifest.FileName)));
        Assert.Empty(RunDirectory.PartFiles(run));

        var resumed = CliProcess.Run(FaultScenario.RunArgs(root, "--resume"));
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains("Resuming:", resumed.Output, StringComparison.Ordinal);
        RunDirectory.AssertSameTables(expected, run);
    }

    [Fact]
    public void SigtermDuringThePublishStopsWithExit130AndResumesToTheSameTables()
    {
        using var scenario = new FaultScenario();
        string expected = scenario.Reference("expected");
        string root = Path.Combine(scenario.Root, "interrupted");

        var stopped = CliProcess.Run(FaultScenario.RunArgs(root), $"term@{FaultInjection.PublishStart}");
        Assert.True(stopped.ExitCode == 130, stopped.ToString());
        Assert.Contains("Stopped while publishing; all 5 work units are kept. Continue with: resistancesim run", stopped.Error, StringComparison.Ordinal);
        string run = FaultScenario.RunDirectoryIn(root);
        Assert.False(File.Exists(Path.Combine(run, RunManifest.FileName)));
        Assert.Empty(RunDirectory.PartFiles(run));
        Assert.Empty(RunDirectory.Leftovers(run));

        var resumed = CliProcess.Run(FaultScenario.RunArgs(root, "--resume"));
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains("Resuming: 5 of 5 work units already done.", resumed.Output, StringComparison.Ordinal);
        RunDirectory.AssertSameTables(expected, run);
    }

    /// <summary>A shard publishes shards/part-K.manifest.json; compare the files it lists.</summary>
    private static void AssertSameShardTables(string expected, string actual)
    {
        string manifest = Path.Combine("shards", "part-00001.manifest.json");
        var want = RunManifest.Read(Path.Combine(expected, manifest)).Files;
        var got = RunManifest.Read(Path.Combine(actual, manifest)).Files;
        Assert.Equal(want, got);
        Assert.NotEmpty(want);
        foreach (string file in want)
            Assert.True(File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))), $"{file} differs");
    }
}
