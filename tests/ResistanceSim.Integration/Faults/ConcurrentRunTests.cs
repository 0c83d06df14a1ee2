using ResistanceSim.Output;

namespace ResistanceSim.Integration.Faults;

/// <summary>
/// Two runs into one directory: while one holds the lock (paused at a checkpoint by the fault hook), a second
/// run, a --resume and a plot are refused with exit 2 naming the holder; once the holder is killed its lock is
/// stale and the next run takes it over and publishes tables of its own seed only.
/// </summary>
public class ConcurrentRunTests
{
    private const string Paused = $"fault: paused at {FaultInjection.Checkpoint}";

    [Fact]
    public void ASecondRunIntoALockedDirectoryIsRefusedNamingTheHolder()
    {
        using var scenario = new FaultScenario();
        string expected = scenario.Reference("expected", "--seed", "2");
        string root = Path.Combine(scenario.Root, "shared");
        string run = FaultScenario.RunDirectoryIn(root);

        using (var holder = CliProcess.Start(FaultScenario.RunArgs(root, "--seed", "1"), $"pause@{FaultInjection.Checkpoint}"))
        {
            holder.WaitForError(Paused);
            foreach (var args in new[]
            {
                FaultScenario.RunArgs(root, "--seed", "2"),
                FaultScenario.RunArgs(root, "--seed", "1", "--resume"),
                new[] { "plot", run },
            })
            {
                var refused = CliProcess.Run(args);
                Assert.True(refused.ExitCode == 2, refused.ToString());
                Assert.Contains($"is in use by another run: pid {holder.Id} on host {Environment.MachineName}", refused.Error, StringComparison.Ordinal);
            }
            holder.Signal("KILL");
            holder.WaitForExit();
        }

        var next = CliProcess.Run(FaultScenario.RunArgs(root, "--seed", "2"));
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Contains("took over the lock of a run that is gone", next.Error, StringComparison.Ordinal);
        RunDirectory.AssertSameTables(expected, run);
    }

    [Fact]
    public void ShardsRunSideBySideButExcludeAWholeRun()
    {
        using var scenario = new FaultScenario();
        string root = Path.Combine(scenario.Root, "shards");
        using var shard0 = CliProcess.Start(FaultScenario.RunArgs(root, "--shard", "0/2"), $"pause@{FaultInjection.Checkpoint}");
        shard0.WaitForError(Paused);

        var shard1 = CliProcess.Run(FaultScenario.RunArgs(root, "--shard", "1/2"));
        Assert.True(shard1.ExitCode == 0, shard1.ToString());
        var sameShard = CliProcess.Run(FaultScenario.RunArgs(root, "--shard", "0/2"));
        Assert.True(sameShard.ExitCode == 2, sameShard.ToString());
        Assert.Contains($"pid {shard0.Id}", sameShard.Error, StringComparison.Ordinal);
        var whole = CliProcess.Run(FaultScenario.RunArgs(root));
        Assert.True(whole.ExitCode == 2, whole.ToString());
        Assert.Contains($"pid {shard0.Id} on host {Environment.MachineName} (shard 0/2", whole.Error, StringComparison.Ordinal);
        shard0.Signal("KILL");
        shard0.WaitForExit();
    }
}
