using System.Diagnostics;
using ResistanceSim.Output.Locking;
using ResistanceSim.Output.Shards;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Output;

/// <summary>
/// The run directory lock in one process (a flock belongs to an open file, so two acquisitions in one process
/// conflict like two processes'); the cross-process cases, with real kills, are in the integration fault tests.
/// </summary>
public class RunDirectoryLockTests
{
    private static readonly ShardSpec Shard0Of2 = new(0, 2), Shard1Of2 = new(1, 2);

    [Fact]
    public void ASecondWholeRunIsRefusedUntilTheFirstReleases()
    {
        using var temp = new TempDirectory();
        using (RunDirectoryLock.Acquire(temp.Path, ShardSpec.Whole, "first"))
        {
            var refused = Assert.Throws<RunDirectoryInUseException>(() => RunDirectoryLock.Acquire(temp.Path, ShardSpec.Whole, "second"));
            Assert.Contains($"{temp.Path} is in use by another run", refused.Message, StringComparison.Ordinal);
        }
        using var again = RunDirectoryLock.Acquire(temp.Path, ShardSpec.Whole, "third");
        Assert.Null(again.StaleHolder);
    }

    [Fact]
    public void ShardsShareTheDirectoryButExcludeTheirOwnShardAndAWholeRun()
    {
        using var temp = new TempDirectory();
        using var shard0 = RunDirectoryLock.Acquire(temp.Path, Shard0Of2, "shard 0");
        using var shard1 = RunDirectoryLock.Acquire(temp.Path, Shard1Of2, "shard 1");
        Assert.Throws<RunDirectoryInUseException>(() => RunDirectoryLock.Acquire(temp.Path, Shard0Of2, "shard 0 again"));
        Assert.Throws<RunDirectoryInUseException>(() => RunDirectoryLock.Acquire(temp.Path, ShardSpec.Whole, "whole"));
    }

    [Fact]
    public void TheHolderIsRecordedWhileHeldAndClearedOnRelease()
    {
        using var temp = new TempDirectory();
        string lockPath = Path.Combine(temp.Path, RunDirectoryLock.FileName);
        using (RunDirectoryLock.Acquire(temp.Path, ShardSpec.Whole, "resistancesim run x.yaml"))
        {
            var holder = LockHolder.TryRead(lockPath);
            Assert.NotNull(holder);
            Assert.Equal(Environment.ProcessId, holder.ProcessId);
            Assert.Equal(Environment.MachineName, holder.Host);
            Assert.Equal("resistancesim run x.yaml", holder.Command);
        }
        Assert.Null(LockHolder.TryRead(lockPath));
    }

    [Fact]
    public void ARecordOfADeadProcessIsStaleAndTakenOver()
    {
        using var temp = new TempDirectory();
        var dead = Finished();
        string lockPath = Path.Combine(temp.Path, RunDirectoryLock.FileName);
        new LockHolder(dead.Id, Environment.MachineName, dead.Started, "0/1", "killed run").Write(lockPath);

        using var taken = RunDirectoryLock.Acquire(temp.Path, ShardSpec.Whole, "next");
        Assert.NotNull(taken.StaleHolder);
        Assert.Equal(dead.Id, taken.StaleHolder.ProcessId);
    }

    [Fact]
    public void ALiveHolderOnThisHostIsRefusedEvenWhereTheFileSystemDoesNotEnforceTheLock()
    {
        // No flock is held here: only the record names a live process (as on a file system without flock).
        using var temp = new TempDirectory();
        using var live = Process.Start(new ProcessStartInfo("sleep", ["60"]) { UseShellExecute = false })!;
        try
        {
            string lockPath = Path.Combine(temp.Path, RunDirectoryLock.FileName);
            new LockHolder(live.Id, Environment.MachineName, live.StartTime.ToUniversalTime(), "0/1", "live run").Write(lockPath);
            var refused = Assert.Throws<RunDirectoryInUseException>(() => RunDirectoryLock.Acquire(temp.Path, ShardSpec.Whole, "intruder"));
            Assert.Contains($"pid {live.Id} on host {Environment.MachineName}", refused.Message, StringComparison.Ordinal);
            Assert.Contains("live run", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            live.Kill();
        }
    }

    [Fact]
    public void AReusedProcessIdWithAnotherStartTimeIsStale()
    {
        using var temp = new TempDirectory();
        using var live = Process.Start(new ProcessStartInfo("sleep", ["60"]) { UseShellExecute = false })!;
        try
        {
            string lockPath = Path.Combine(temp.Path, RunDirectoryLock.FileName);
            var recorded = live.StartTime.ToUniversalTime().AddHours(-1);
            new LockHolder(live.Id, Environment.MachineName, recorded, "0/1", "an earlier process with this id").Write(lockPath);
            using var taken = RunDirectoryLock.Acquire(temp.Path, ShardSpec.Whole, "next");
            Assert.NotNull(taken.StaleHolder);
        }
        finally
        {
            live.Kill();
        }
    }

    /// <summary>A process that ran and is gone. It is ended by us, not left to exit on its own: its start time can only
    /// be read while it lives, and a `true` could exit before StartTime was read, which then throws.</summary>
    private static (int Id, DateTime Started) Finished()
    {
        using var process = Process.Start(new ProcessStartInfo("sleep", ["60"]) { UseShellExecute = false })!;
        var started = process.StartTime.ToUniversalTime();
        process.Kill();
        process.WaitForExit();
        return (process.Id, started);
    }
}
