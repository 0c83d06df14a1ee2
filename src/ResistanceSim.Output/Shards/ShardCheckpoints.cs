using System.Diagnostics;
using System.Globalization;
using ResistanceSim.Engine.Observation;
using ResistanceSim.Output.Tables;

namespace ResistanceSim.Output.Shards;

/// <summary>
/// Makes a shard resumable. Finished work units' rows go to chunk files in <c>shards/part-K.spool/</c>
/// (each written atomically); after each chunk the done-list records how many units are safe. A run killed
/// at any moment — even SIGKILL — therefore loses at most the current chunk, and <c>--resume</c> continues
/// after the last recorded unit (chunks written after the last done-list update are discarded). When every
/// unit is done, <see cref="Publish"/> streams the chunks in order into the shard's part files, which are
/// thus byte-identical to an uninterrupted run's; once the caller has written the manifest that lists them,
/// <see cref="MarkComplete"/> marks the done-list complete and deletes the spool. A run killed anywhere
/// before that publishes again from the spool on <c>--resume</c>.
/// <para>A run that will never be resumed (the teaching server's) can keep its chunks in memory instead
/// (<c>durable: false</c>): the part files are the same, and the done-list is written once, complete, with no spool
/// folder, chunk files or done-list rewrites on the way — most of the files a small run would otherwise create.</para>
/// </summary>
public sealed class ShardCheckpoints : IDisposable
{
    /// <summary>Chunks per shard when units are fast; slow units are checkpointed at least this often instead.</summary>
    private const int TargetChunks = 256;
    private static readonly TimeSpan MaxChunkAge = TimeSpan.FromSeconds(10);

    private readonly IReadOnlyList<IRunTable> _tables;
    private readonly TableBatch[] _batches;
    private readonly string _spoolDirectory;
    private readonly int _unitsPerChunk;
    private readonly Stopwatch _chunkAge = new();
    /// <summary>The finished chunks of a run that is not durable; null when they are files.</summary>
    private readonly List<byte[]>? _memoryChunks;
    private DoneList _progress;
    private AtomicFile? _chunk;
    private MemoryStream? _memoryChunk;
    private BinaryWriter? _writer;
    private int _unitsInChunk;

    /// <param name="work">What the shard computes, with zero progress.</param>
    /// <param name="resume">Continue from an existing done-list (which must describe the same work); otherwise start over.</param>
    /// <param name="durable">Spool to disk so that a killed run can resume; false keeps the spool in memory (no resume).</param>
    public ShardCheckpoints(string runDirectory, int part, IReadOnlyList<IRunTable> tables, DoneList work, bool resume, bool durable = true)
    {
        if (resume && !durable) throw new ArgumentException("a run whose spool is kept in memory cannot resume", nameof(resume));
        _tables = tables;
        _batches = [.. tables.Select(t => new TableBatch(t.Columns))];
        string name = string.Create(CultureInfo.InvariantCulture, $"part-{part:D5}");
        DoneListPath = Path.Combine(runDirectory, "shards", name + ".done.json");
        _spoolDirectory = Path.Combine(runDirectory, "shards", name + ".spool");
        _unitsPerChunk = Math.Max(1, work.ShardUnits / TargetChunks);

        var previous = resume ? DoneList.TryRead(DoneListPath) : null;
        if (previous is not null && !previous.SameWorkAs(work))
            throw new ResumeMismatchException($"cannot resume shard {work.Shard}: {previous.DescribeDifference(work)} since {DoneListPath} was written; run without --resume to start over");
        _progress = previous ?? work;
        if (previous is null)
        {
            if (Directory.Exists(_spoolDirectory)) Directory.Delete(_spoolDirectory, recursive: true);
            // Starting over: an earlier run's done-list must not survive a kill before this run's first checkpoint.
            Directory.CreateDirectory(Path.GetDirectoryName(DoneListPath)!);
            if (durable) _progress.Write(DoneListPath);
            else File.Delete(DoneListPath);
        }
        if (!durable) _memoryChunks = [];
        DiscardUnrecordedChunks();
    }

    public string DoneListPath { get; }

    /// <summary>Units of this shard already safe from an earlier run (0 without <c>--resume</c>).</summary>
    public int UnitsDone => _progress.UnitsDone;

    /// <summary>True when an earlier run already published this shard's part files.</summary>
    public bool AlreadyPublished => _progress.Complete;

    /// <summary>Spools the next unit's rows (units must come in order); checkpoints when a chunk is due.</summary>
    public void Write(WorkUnitResult result)
    {
        if (_writer is null) OpenChunk();
        for (int t = 0; t < _tables.Count; t++)
        {
            _tables[t].Fill(result, _batches[t]);
            if (_batches[t].RowCount > 0) BatchSpool.Write(_writer!, t, _batches[t]);
        }
        _unitsInChunk++;
        if (_unitsInChunk >= _unitsPerChunk || _chunkAge.Elapsed >= MaxChunkAge) Checkpoint();
    }

    /// <summary>Makes every unit written so far safe: closes the current chunk and records it in the done-list.</summary>
    public void Checkpoint()
    {
        if (_writer is null) return;
        BatchSpool.WriteEnd(_writer);
        _writer.Flush();
        _writer.Dispose();
        _progress = _progress with { UnitsDone = _progress.UnitsDone + _unitsInChunk, Chunks = _progress.Chunks + 1 };
        if (_memoryChunks is not null)
        {
            _memoryChunks.Add(_memoryChunk!.ToArray());
        }
        else
        {
            _chunk!.Commit();
            FaultInjection.Reach(FaultInjection.Checkpoint);
            _progress.Write(DoneListPath);
        }
        _writer = null;
        _chunk = null;
        _memoryChunk = null;
        _unitsInChunk = 0;
    }

    /// <summary>
    /// Writes the spooled rows, in unit order, into <paramref name="output"/> (whose tables must be the spool's)
    /// and commits it. <paramref name="observe"/> sees every batch. The spool stays until <see cref="MarkComplete"/>.
    /// A stop request is observed between chunks (a big run's publish can take minutes); the uncommitted
    /// output is then discarded by its owner and <c>--resume</c> publishes again.
    /// </summary>
    public void Publish(RunOutput output, Action<IRunTable, TableBatch>? observe = null, CancellationToken cancellation = default)
    {
        Checkpoint();
        if (_progress.UnitsDone != _progress.ShardUnits)
            throw new InvalidOperationException($"shard {_progress.Shard} has {_progress.UnitsDone} of {_progress.ShardUnits} units; publish only a finished shard");
        for (int c = 0; c < _progress.Chunks; c++)
        {
            cancellation.ThrowIfCancellationRequested();
            using var reader = new BinaryReader(_memoryChunks is not null ? new MemoryStream(_memoryChunks[c], writable: false) : File.OpenRead(ChunkPath(c)));
            BatchSpool.Read(reader, _batches, (t, batch) =>
            {
                observe?.Invoke(_tables[t], batch);
                output.Append(t, batch);
            });
        }
        output.Commit();
    }

    /// <summary>Records that the shard's tables and manifest are published, and removes the spool.</summary>
    public void MarkComplete()
    {
        _progress = _progress with { Chunks = 0, Complete = true };
        _progress.Write(DoneListPath);
        _memoryChunks?.Clear();
        if (Directory.Exists(_spoolDirectory)) Directory.Delete(_spoolDirectory, recursive: true);
    }

    /// <summary>Discards an unrecorded chunk. Closing it may fail again for the reason writing failed (full disk); that is dropped so the first error is reported.</summary>
    public void Dispose()
    {
        try { _writer?.Dispose(); }
        catch (IOException) { }
        _chunk?.Dispose();
    }

    private void OpenChunk()
    {
        Stream stream;
        if (_memoryChunks is not null) stream = _memoryChunk = new MemoryStream();
        else stream = (_chunk = new AtomicFile(ChunkPath(_progress.Chunks))).Stream;
        _writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        _chunkAge.Restart();
    }

    private string ChunkPath(int chunk) => Path.Combine(_spoolDirectory, string.Create(CultureInfo.InvariantCulture, $"chunk-{chunk:D6}.bin"));

    /// <summary>A kill between writing a chunk and recording it leaves a chunk the done-list does not count; its units run again.</summary>
    private void DiscardUnrecordedChunks()
    {
        if (!Directory.Exists(_spoolDirectory)) return;
        foreach (string file in Directory.EnumerateFiles(_spoolDirectory))
        {
            string name = Path.GetFileName(file);
            bool recorded = name.StartsWith("chunk-", StringComparison.Ordinal)
                && int.TryParse(name.AsSpan(6, 6), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                && index < _progress.Chunks;
            if (!recorded) File.Delete(file);
        }
    }
}

/// <summary>An existing done-list describes different work than the run being resumed.</summary>
public sealed class ResumeMismatchException(string message) : Exception(message);
