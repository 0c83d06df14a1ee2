using ResistanceSim.Benchmarks;
using ResistanceSim.Server;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Integration.Serve;

/// <summary>
/// A bounded load on loopback, as CI can afford it: 8 simulated students, three rounds of 5 runs each of lesson 4. No run
/// may fail and the managed heap may not grow from round to round (a leak per run would). Latency is measured by
/// <c>serve-load</c> and reported in benchmarks/RESULTS.md, never asserted.
/// </summary>
public class ServeLoadTests
{
    [Fact]
    public async Task Eight_students_run_lessons_without_errors_and_memory_stays_flat()
    {
        await using var server = await TeachingServer.StartAsync(new ServerOptions
        {
            Port = 0,
            LessonsFolder = Path.Combine(Repository.Root, "lessons"),
            // Keeping only the newest 10 finished runs, the server is at its steady state within the first round.
            Limits = new ServerLimits { QueueCapacity = 8, RunsKept = 10 },
        });
        var heapAfterRound = new List<long>();
        for (int round = 0; round < 3; round++)
        {
            var result = await ServeLoadDriver.RunAsync(new Uri(server.Url), students: 8, runsPerStudent: 5, warmUpRuns: 0, new { lesson = "4-bypass-rescue" });
            Assert.True(result.Errors.Count == 0, $"round {round}: {result.Errors.Count} runs failed:\n{string.Join("\n", result.Errors)}");
            Assert.Equal(40, result.LatenciesMs.Count);
            heapAfterRound.Add(GC.GetTotalMemory(forceFullCollection: true));
        }
        // Rounds 2 and 3 do the same work from the same steady state, so the heap after them should match (measured: 3, 4 and
        // 4 MiB after the three rounds). 8 MiB is room for the GC's own variation; a leak of each run's scenario (hundreds of
        // kB) or tables over 40 runs exceeds it.
        Assert.True(heapAfterRound[2] - heapAfterRound[1] < 8L << 20,
            $"managed heap after each round: {string.Join(", ", heapAfterRound.Select(b => $"{b >> 20} MiB"))}");
    }
}
