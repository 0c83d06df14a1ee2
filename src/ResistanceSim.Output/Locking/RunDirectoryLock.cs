using System.Globalization;
using ResistanceSim.Output.Shards;

namespace ResistanceSim.Output.Locking;

/// <summary>
/// The advisory lock a run holds on its run directory for its whole life, so two runs (or a run and a
/// <c>--resume</c> of it) never write into one directory at once. A whole run holds <c>&lt;run&gt;/.lock</c>
/// exclusively; shard K/N holds it shared (shards of one sweep run side by side) and
/// <c>shards/part-K.lock</c> exclusively. The locks are <c>flock</c> locks (what .NET takes for
/// <see cref="FileShare.None"/> and shared opens on Unix), which the kernel drops when the holder dies —
/// even by SIGKILL — so a crashed run never blocks the next. The holder of an exclusive lock (process id,
/// host, process start time, command) is recorded beside it (<see cref="LockHolder"/>); where the file system does not enforce
/// <c>flock</c>, a holder that is still alive on this host is refused all the same, and a dead one is stale
/// and replaced.
/// </summary>
public sealed class RunDirectoryLock : IDisposable
{
    public const string FileName = ".lock";

    private readonly FileStream _runLock;
    private readonly FileStream? _shardLock;
    private readonly string _holderLockPath;

    private RunDirectoryLock(FileStream runLock, FileStream? shardLock, string holderLockPath, LockHolder? staleHolder)
    {
        _runLock = runLock;
        _shardLock = shardLock;
        _holderLockPath = holderLockPath;
        StaleHolder = staleHolder;
    }

    /// <summary>The holder recorded by an earlier run that is gone (crashed or killed), if any: its lock was taken over.</summary>
    public LockHolder? StaleHolder { get; }

    /// <summary>Takes the run directory's lock for <paramref name="shard"/>, or throws <see cref="RunDirectoryInUseException"/> naming the holder.</summary>
    public static RunDirectoryLock Acquire(string runDirectory, ShardSpec shard, string command)
    {
        Directory.CreateDirectory(runDirectory);
        string runLockPath = Path.Combine(runDirectory, FileName);
        var me = LockHolder.Current(shard.ToString(), command);
        var runLock = Open(runLockPath, exclusive: shard.IsWhole, runDirectory);
        try
        {
            // Where flock is not enforced: a whole run recorded in .lock that is still alive excludes everyone.
            if (LockHolder.TryRead(runLockPath) is { } wholeRun && wholeRun.IsAliveElsewhere())
                throw InUse(runDirectory, wholeRun.Describe());
            if (shard.IsWhole) return Claim(runLock, null, runLockPath, me);

            string shardLockPath = ShardLockPath(runDirectory, shard.Index);
            Directory.CreateDirectory(Path.GetDirectoryName(shardLockPath)!);
            var shardLock = Open(shardLockPath, exclusive: true, runDirectory);
            try
            {
                return Claim(runLock, shardLock, shardLockPath, me);
            }
            catch
            {
                shardLock.Dispose();
                throw;
            }
        }
        catch
        {
            runLock.Dispose();
            throw;
        }
    }

    public static string ShardLockPath(string runDirectory, int shard) =>
        Path.Combine(runDirectory, "shards", string.Create(CultureInfo.InvariantCulture, $"part-{shard:D5}.lock"));

    private static RunDirectoryLock Claim(FileStream runLock, FileStream? shardLock, string lockPath, LockHolder me)
    {
        var previous = LockHolder.TryRead(lockPath);
        if (previous is not null && previous.IsAliveElsewhere())
            throw InUse(Path.GetDirectoryName(lockPath)!, previous.Describe());
        me.Write(lockPath);
        return new RunDirectoryLock(runLock, shardLock, lockPath, previous);
    }

    private static FileStream Open(string path, bool exclusive, string runDirectory)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, exclusive ? FileShare.None : FileShare.ReadWrite);
        }
        catch (IOException e) when (IsLockConflict(e))
        {
            throw InUse(runDirectory, DescribeHolders(runDirectory, path));
        }
    }

    /// <summary>EWOULDBLOCK from flock on Unix (errno 11), ERROR_SHARING_VIOLATION on Windows.</summary>
    private static bool IsLockConflict(IOException e) => e.HResult == 11 || e.HResult == unchecked((int)0x80070020);

    /// <summary>The live holders to name when a lock is refused: the file's own holder, else (for .lock held shared) the shards'.</summary>
    private static string DescribeHolders(string runDirectory, string lockPath)
    {
        if (LockHolder.TryRead(lockPath) is { } holder && (holder.IsOnAnotherHost || holder.IsAliveElsewhere())) return holder.Describe();
        string shards = Path.Combine(runDirectory, "shards");
        var holders = Directory.Exists(shards)
            ? Directory.EnumerateFiles(shards, "part-*.lock").Order(StringComparer.Ordinal)
                .Select(LockHolder.TryRead).OfType<LockHolder>().Where(h => h.IsOnAnotherHost || h.IsAliveElsewhere()).Select(h => h.Describe()).ToArray()
            : [];
        return holders.Length > 0 ? string.Join("; ", holders) : "another process (its lock file names no holder)";
    }

    private static RunDirectoryInUseException InUse(string runDirectory, string holder) =>
        new($"{runDirectory} is in use by another run: {holder}. Wait for it to finish (or stop it), or choose another --out.");

    /// <summary>Clears the holder record (a later reader must not mistake it for a live holder) and releases the locks.</summary>
    public void Dispose()
    {
        LockHolder.Clear(_holderLockPath);
        _shardLock?.Dispose();
        _runLock.Dispose();
    }
}
