using ResistanceSim.Engine.Observation;
using ResistanceSim.Engine.Running;
using ResistanceSim.Output;
using ResistanceSim.Output.Shards;
using ResistanceSim.Output.Sinks;
using ResistanceSim.Output.Tables;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Sweeps;

/// <summary>The checkpoint spool on its own: what survives an interruption and what is discarded.</summary>
public class ShardCheckpointsTests
{
    /// <summary>One row per unit: its replicate.</summary>
    private sealed class ReplicateTable : IRunTable
    {
        public string Name => "replicates";

        public IReadOnlyList<ColumnSpec> Columns { get; } = [new("replicate", ColumnType.Int32, false, "", "")];

        public void Fill(WorkUnitResult result, TableBatch batch)
        {
            batch.Reset(1);
            batch.Int32(0)[0] = result.Unit.Replicate;
        }
    }

    private static readonly DoneList Work = new("abc", 1, "tau", 600, 1, "csv", "0/1", 600, 0, 0, false);

    private static void WriteUnits(ShardCheckpoints checkpoints, int from, int to)
    {
        var result = new WorkUnitResult(0, 0);
        for (int r = from; r < to; r++)
        {
            result.Unit = new WorkUnit(0, 0, r);
            checkpoints.Write(result);
        }
    }

    [Fact]
    public void ResumeKeepsRecordedUnitsAndDiscardsAChunkTheDoneListDoesNotCount()
    {
        using var temp = new TempDirectory();
        using (var first = new ShardCheckpoints(temp.Path, 0, [new ReplicateTable()], Work, resume: false))
        {
            WriteUnits(first, 0, 90);          // 600 units / 32 chunks → 18 units per chunk: 5 chunks recorded
            Assert.Equal(90, first.UnitsDone);
        }
        var spool = Path.Combine(temp.Path, "shards", "part-00000.spool");
        File.WriteAllText(Path.Combine(spool, "chunk-000005.bin"), "written, but killed before the done-list counted it");

        using var resumed = new ShardCheckpoints(temp.Path, 0, [new ReplicateTable()], Work, resume: true);
        Assert.Equal(90, resumed.UnitsDone);
        Assert.False(File.Exists(Path.Combine(spool, "chunk-000005.bin")));
        Assert.Equal(5, Directory.GetFiles(spool).Length);
    }

    [Fact]
    public void WithoutResumeAShardStartsOver()
    {
        using var temp = new TempDirectory();
        using (var first = new ShardCheckpoints(temp.Path, 0, [new ReplicateTable()], Work, resume: false)) WriteUnits(first, 0, 6);
        using var again = new ShardCheckpoints(temp.Path, 0, [new ReplicateTable()], Work, resume: false);
        Assert.Equal(0, again.UnitsDone);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "shards", "part-00000.spool")));
    }

    [Fact]
    public void ResumingDifferentWorkIsRefused()
    {
        using var temp = new TempDirectory();
        using (var first = new ShardCheckpoints(temp.Path, 0, [new ReplicateTable()], Work, resume: false)) WriteUnits(first, 0, 4);
        var error = Assert.Throws<ResumeMismatchException>(() =>
            new ShardCheckpoints(temp.Path, 0, [new ReplicateTable()], Work with { Engine = "exact" }, resume: true));
        Assert.Contains("the engine differs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AShardThatIsNotDurableWritesNoSpoolWhileUnitsArriveAndRemovesAnEarlierDoneList()
    {
        using var temp = new TempDirectory();
        string shards = Directory.CreateDirectory(Path.Combine(temp.Path, "shards")).FullName;
        File.WriteAllText(Path.Combine(shards, "part-00000.done.json"), "an earlier run's");
        using var checkpoints = new ShardCheckpoints(temp.Path, 0, [new ReplicateTable()], Work, resume: false, durable: false);
        WriteUnits(checkpoints, 0, 600);
        checkpoints.Checkpoint();
        Assert.Equal(600, checkpoints.UnitsDone);
        Assert.Empty(Directory.EnumerateFileSystemEntries(shards));   // no spool, no chunk, and the earlier done-list is gone
    }

    [Fact]
    public void StreamedRowsReachThePartFileInUnitOrderAndAResumedShardWritesTheSameBytes()
    {
        using var temp = new TempDirectory();
        var table = new ReplicateTable();
        var provenance = new Provenance("test", "abc", 1, "tau");
        string StreamedFile(string name, Action<ShardCheckpoints> write, Func<ShardCheckpoints>? resumeAfter = null)
        {
            string path = Path.Combine(temp.Path, name);
            using var checkpoints = resumeAfter?.Invoke() ?? new ShardCheckpoints(Path.Combine(temp.Path, "run-" + name), 0, [table], Work, resume: false);
            using var sink = new ParquetTableSink(path, table.Columns, provenance);
            checkpoints.StreamTo((_, batch) => sink.Append(batch));
            write(checkpoints);
            checkpoints.Finish();
            sink.Commit();
            return path;
        }

        string uninterrupted = StreamedFile("uninterrupted.parquet", c => WriteUnits(c, 0, 600));
        string interruptedRun = Path.Combine(temp.Path, "run-resumed.parquet");
        using (var first = new ShardCheckpoints(interruptedRun, 0, [table], Work, resume: false))
        {
            string abandoned = Path.Combine(temp.Path, "abandoned.parquet");
            var sink = new ParquetTableSink(abandoned, table.Columns, provenance);   // killed: never committed
            first.StreamTo((_, batch) => sink.Append(batch));
            WriteUnits(first, 0, 289);   // 16 chunks of 18 recorded, unit 288 not yet
            sink.Dispose();
        }
        string resumed = StreamedFile("resumed.parquet", c =>
        {
            Assert.Equal(288, c.UnitsDone);
            WriteUnits(c, 288, 600);
        }, () => new ShardCheckpoints(interruptedRun, 0, [table], Work, resume: true));

        Assert.Equal(File.ReadAllBytes(uninterrupted), File.ReadAllBytes(resumed));
        using var reader = ResistanceSim.Parquet.ParquetFileReader.Open(resumed);
        Assert.Equal(Enumerable.Range(0, 600), reader.ReadValues<int>(0, 0).Values.ToArray());
    }

    [Fact]
    public void AShardIsStreamedOnceFromItsFirstUnit()
    {
        using var temp = new TempDirectory();
        using var checkpoints = new ShardCheckpoints(temp.Path, 0, [new ReplicateTable()], Work, resume: false);
        WriteUnits(checkpoints, 0, 1);
        Assert.Throws<InvalidOperationException>(() => checkpoints.StreamTo((_, _) => { }));
        Assert.Throws<InvalidOperationException>(checkpoints.Finish);   // 1 of 600 units
    }

    [Fact]
    public void AShardThatIsNotDurableCannotResume() =>
        Assert.Throws<ArgumentException>(() => new ShardCheckpoints(Path.GetTempPath(), 0, [new ReplicateTable()], Work, resume: true, durable: false));
}
