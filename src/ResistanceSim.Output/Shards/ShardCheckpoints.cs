using System.Diagnostics;
using System.Globalization;
using ResistanceSim.Engine.Observation;
using ResistanceSim.Output.Tables;

namespace ResistanceSim.Output.Shards;

/// <summary>
/// Makes a shard resumable while its part files are written as units finish. Each unit's rows go, in unit order,
/// to the consumer given to <see cref="StreamTo"/> (the shard's part files, written straight away rather than read
/// back from the spool when the run ends) and to chunk files in <c>shards/part-K.spool/</c> (each written
/// atomically); after each chunk the done-list records how many units are safe. A run killed at any moment — even
/// SIGKILL — therefore loses at most the current chunk and its unfinished part files, and <c>--resume</c> replays the
/// recorded chunks into the new part files (so they are byte-identical to an uninterrupted run's) and continues
/// after the last recorded unit (chunks written after the last done-list update are discarded). Once the caller has
/// committed the part files and written the manifest that lists them, <see cref="MarkComplete"/> marks the done-list
/// complete and deletes the spool. A run killed before that runs or replays again on <c>--resume</c>.
/// <para>A run that will never be resumed (the teaching server's) keeps no spool (<c>durable: false</c>): its done-list
/// is written once, complete, with no spool folder, chunk files or done-list rewrites on the way — most of the files
/// a small run would otherwise create.</para>
/// </summary>
public sealed class ShardCheckpoints : IDisposable
{
    /// <summary>
    /// Chunks per shard when units are fast. Each chunk creates two files (itself and the done-list's rewrite, both
    /// atomic): at 256 a 343-patient trial made one per patient, 704 files in all, and creating them was half the main
    /// thread's time while two workers ran (benchmarks/RESULTS.md). What a kill can lose is bounded by
    /// <see cref="MaxChunkAge"/> as well, so a long shard still checkpoints every few seconds.
    /// </summary>
    private const int TargetChunks = 32;
    private static readonly TimeSpan MaxChunkAge = TimeSpan.FromSeconds(10);

    private readonly IReadOnlyList<IRunTable> _tables;
    private readonly TableBatch[] _batches;
    private readonly string _spoolDirectory;
    private readonly int _unitsPerChunk;
    private readonly bool _durable;
    private readonly Stopwatch _chunkAge = new();
    private DoneList _progress;
    private Action<int, TableBatch>? _consume;
    private AtomicFile? _chunk;
    private BinaryWriter? _writer;
    private int _unitsInChunk;

    /// <param name="work">What the shard computes, with zero progress.</param>
    /// <param name="resume">Continue from an existing done-list (which must describe the same work); otherwise start over.</param>
    /// <param name="durable">Spool to disk so that a killed run can resume; false keeps no spool (no resume).</param>
    public ShardCheckpoints(string runDirectory, int part, IReadOnlyList<IRunTable> tables, DoneList work, bool resume, bool durable = true)
    {
        if (resume && !durable) throw new ArgumentException("a run without a spool on disk cannot resume", nameof(resume));
        _tables = tables;
        _batches = [.. tables.Select(t => new TableBatch(t.Columns))];
        _durable = durable;
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
        DiscardUnrecordedChunks();
    }

    public string DoneListPath { get; }

    /// <summary>Units of this shard already safe from an earlier run (0 without <c>--resume</c>).</summary>
    public int UnitsDone => _progress.UnitsDone;

    /// <summary>True when an earlier run already published this shard's part files.</summary>
    public bool AlreadyPublished => _progress.Complete;

    /// <summary>
    /// From now on hands every unit's rows, table by table and in unit order, to <paramref name="consume"/> (the table's
    /// index and a batch valid only during the call): first the units an earlier run recorded, read back from the spool,
    /// then each unit as it is written. Call once, before the first <see cref="Write"/>. A stop request is observed
    /// between chunks of the replay (a big run's can take minutes).
    /// </summary>
    public void StreamTo(Action<int, TableBatch> consume, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(consume);
        if (_consume is not null || _unitsInChunk > 0) throw new InvalidOperationException("a shard's rows are streamed once, from its first unit");
        for (int c = 0; c < _progress.Chunks; c++)
        {
            cancellation.ThrowIfCancellationRequested();
            using var reader = new BinaryReader(File.OpenRead(ChunkPath(c)));
            BatchSpool.Read(reader, _batches, consume);
        }
        _consume = consume;
    }

    /// <summary>Streams and spools the next unit's rows (units must come in order); checkpoints when a chunk is due.</summary>
    public void Write(WorkUnitResult result)
    {
        if (_durable && _writer is null) OpenChunk();
        for (int t = 0; t < _tables.Count; t++)
        {
            var batch = _batches[t];
            _tables[t].Fill(result, batch);
            if (batch.RowCount == 0) continue;
            if (_writer is not null) BatchSpool.Write(_writer, t, batch);
            _consume?.Invoke(t, batch);
        }
        _unitsInChunk++;
        if (_unitsInChunk >= _unitsPerChunk || _chunkAge.Elapsed >= MaxChunkAge) Checkpoint();
    }

    /// <summary>Makes every unit written so far safe: closes the current chunk and records it in the done-list.</summary>
    public void Checkpoint()
    {
        if (_unitsInChunk == 0) return;
        _progress = _progress with { UnitsDone = _progress.UnitsDone + _unitsInChunk, Chunks = _progress.Chunks + (_durable ? 1 : 0) };
        _unitsInChunk = 0;
        if (_writer is null) return;
        BatchSpool.WriteEnd(_writer);
        _writer.Flush();
        _writer.Dispose();
        _writer = null;
        _chunk!.Commit();
        _chunk = null;
        FaultInjection.Reach(FaultInjection.Checkpoint);
        _progress.Write(DoneListPath);
    }

    /// <summary>
    /// Checkpoints the last units and checks that the shard has them all, before its caller commits the part files the
    /// rows were streamed to. The spool stays until <see cref="MarkComplete"/>.
    /// </summary>
    public void Finish()
    {
        Checkpoint();
        if (_progress.UnitsDone != _progress.ShardUnits)
            throw new InvalidOperationException($"shard {_progress.Shard} has {_progress.UnitsDone} of {_progress.ShardUnits} units; publish only a finished shard");
    }

    /// <summary>Records that the shard's tables and manifest are published, and removes the spool.</summary>
    public void MarkComplete()
    {
        _progress = _progress with { Chunks = 0, Complete = true };
        _progress.Write(DoneListPath);
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
        _chunk = new AtomicFile(ChunkPath(_progress.Chunks));
        _writer = new BinaryWriter(_chunk.Stream, System.Text.Encoding.UTF8, leaveOpen: true);
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
