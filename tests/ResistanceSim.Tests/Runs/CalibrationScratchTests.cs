using ResistanceSim.Runs.Calibration;

namespace ResistanceSim.Tests.Runs;

/// <summary>
/// The shards of a calibration array finish together and each tidies the shared scratch folder on its way out. A Slurm
/// array on a busy machine once failed with an I/O error (exit 74) when two shards removed the root at once.
/// </summary>
public sealed class CalibrationScratchTests : IDisposable
{
    private readonly string _run = Path.Combine(Path.GetTempPath(), "scratch-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_run)) Directory.Delete(_run, recursive: true);
    }

    [Fact]
    public void The_last_shard_to_leave_removes_the_scratch_root_and_an_earlier_one_leaves_it()
    {
        Directory.CreateDirectory(Path.Combine(CalibrationScratch.ForShard(_run, 0), "particle"));
        Directory.CreateDirectory(CalibrationScratch.ForShard(_run, 1));

        CalibrationScratch.Leave(_run, 0);
        Assert.False(Directory.Exists(CalibrationScratch.ForShard(_run, 0)));
        Assert.True(Directory.Exists(CalibrationScratch.ForShard(_run, 1)));

        CalibrationScratch.Leave(_run, 1);
        Assert.False(Directory.Exists(CalibrationScratch.Root(_run)));
        Assert.True(Directory.Exists(_run));
    }

    [Fact]
    public void Shards_that_leave_at_the_same_moment_do_not_fail()
    {
        const int Shards = 8, Rounds = 200;
        for (int round = 0; round < Rounds; round++)
        {
            for (int k = 0; k < Shards; k++) Directory.CreateDirectory(Path.Combine(CalibrationScratch.ForShard(_run, k), "particle"));
            using var start = new Barrier(Shards);
            var failures = new System.Collections.Concurrent.ConcurrentBag<Exception>();
            var threads = Enumerable.Range(0, Shards).Select(k => new Thread(() =>
            {
                start.SignalAndWait();
                try { CalibrationScratch.Leave(_run, k); }
                catch (Exception e) { failures.Add(e); }
            })).ToArray();
            foreach (var thread in threads) thread.Start();
            foreach (var thread in threads) thread.Join();
            Assert.True(failures.IsEmpty, $"round {round}: {string.Join("; ", failures.Select(e => e.Message))}");
            Assert.False(Directory.Exists(CalibrationScratch.Root(_run)), $"round {round}: the scratch root outlived every shard");
        }
    }
}
