using ResistanceSim.Runs.Calibration;
using ResistanceSim.Output.Shards;
using Xunit;

namespace ResistanceSim.Tests.Runs;

/// <summary>The calibration journal: what a polling shard reads is each complete line once, its own and other shards' alike.</summary>
public sealed class CalibrationJournalTests : IDisposable
{
    private const string Identity = "# resistancesim calibration test seed 1";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rs-journal-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static CalibrationJournal.Entry Entry(int generation, int index) => new(generation, index, 0.5 + index, [index, 2.0], [3.0]);

    [Fact]
    public void ReadNewReturnsEachCompleteLineOnceAndReadAllReturnsEveryLine()
    {
        using var own = CalibrationJournal.Open(_root, new ShardSpec(0, 2), Identity, resume: false, "hint");
        using var other = CalibrationJournal.Open(_root, new ShardSpec(1, 2), Identity, resume: false, "hint");
        own.Append(Entry(0, 0));
        other.Append(Entry(0, 1));
        Assert.Equal([0, 1], own.ReadNew(2, 1).Select(e => e.Index).Order());
        Assert.Empty(own.ReadNew(2, 1));

        other.Append(Entry(1, 7));
        string otherPath = Path.Combine(CalibrationJournal.DirectoryOf(_root), "shard-1-of-2.csv");
        other.Dispose();
        File.AppendAllText(otherPath, "1,8,0.25");   // a line cut short by a kill: not read until it is complete
        var fresh = Assert.Single(own.ReadNew(2, 1));
        Assert.Equal((1, 7, 7.5), (fresh.Generation, fresh.Index, fresh.Distance));
        Assert.Equal([7.0, 2.0], fresh.Values);

        File.AppendAllText(otherPath, ",8,2,3\n");
        Assert.Equal(8, Assert.Single(own.ReadNew(2, 1)).Index);
        Assert.Equal(4, own.ReadAll(2, 1).Count);
    }

    [Fact]
    public void AnotherCalibrationsJournalIsNeverRead()
    {
        using var own = CalibrationJournal.Open(_root, new ShardSpec(0, 2), Identity, resume: false, "hint");
        File.WriteAllText(Path.Combine(CalibrationJournal.DirectoryOf(_root), "shard-1-of-2.csv"), "# resistancesim calibration other seed 2\n0,3,1,1,2,3\n");
        own.Append(Entry(0, 0));
        Assert.Equal(0, Assert.Single(own.ReadNew(2, 1)).Index);
        File.AppendAllText(Path.Combine(CalibrationJournal.DirectoryOf(_root), "shard-1-of-2.csv"), "0,4,1,1,2,3\n");
        Assert.Empty(own.ReadNew(2, 1));
    }
}
