using ResistanceSim.Benchmarks;
using ResistanceSim.Server;
using ResistanceSim.Tests.Support;
using Xunit.Abstractions;

namespace ResistanceSim.Integration.Serve;

/// <summary>
/// A bounded load on loopback, as CI can afford it: 8 simulated students, each with 2 warm-up runs (JIT, first DuckDB
/// connections), then three rounds of 5 runs each of lesson 4. No run may fail and the managed heap may not grow from
/// round to round (a leak per run would). Each round's throughput and latency percentiles are written to the test
/// output, never asserted: wall time depends on the machine and what else it runs, and benchmarks/RESULTS.md records it.
/// </summary>
public class ServeLoadTests(ITestOutputHelper output)
{
    private const int Students = 8;

    [Fact]
    public async Task Eight_students_run_lessons_without_errors_and_memory_stays_flat()
    {
        await using var server = await TeachingServer.StartAsync(new ServerOptions
        {
            Port = 0,
            LessonsFolder = Path.Combine(Repository.Root, "lessons"),
            // Keeping only the newest 10 finished runs, the server is at its steady state within the warm-up.
            Limits = new ServerLimits { QueueCapacity = Students, RunsKept = 10 },
        });
        var lesson = new { lesson = "4-bypass-rescue" };
        var warmUp = await ServeLoadDriver.RunAsync(new Uri(server.Url), Students, runsPerStudent: 2, warmUpRuns: 2, lesson);
        Assert.True(warmUp.Errors.Count == 0, $"warm-up: {warmUp.Errors.Count} runs failed:\n{string.Join("\n", warmUp.Errors)}");
        output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"warm-up, {Students} students: {warmUp.Runs} runs in {warmUp.Elapsed.TotalSeconds:0.0} s"));

        var heapAfterRound = new List<long>();
        for (int round = 0; round < 3; round++)
        {
            var result = await ServeLoadDriver.RunAsync(new Uri(server.Url), Students, runsPerStudent: 5, warmUpRuns: 0, lesson);
            Assert.True(result.Errors.Count == 0, $"round {round}: {result.Errors.Count} runs failed:\n{string.Join("\n", result.Errors)}");
            Assert.Equal(Students * 5, result.LatenciesMs.Count);
            output.WriteLine($"round {round}, {Students} students: {result.Figures()}");
            heapAfterRound.Add(GC.GetTotalMemory(forceFullCollection: true));
        }
        output.WriteLine($"managed heap after each round: {string.Join(", ", heapAfterRound.Select(b => $"{b >> 20} MiB"))}");
        // Rounds 2 and 3 do the same work from the same steady state, so the heap after them should match (measured: 3, 4 and
        // 4 MiB after the three rounds). 8 MiB is room for the GC's own variation; a leak of each run's scenario (hundreds of
        // kB) or tables over 40 runs exceeds it.
        Assert.True(heapAfterRound[2] - heapAfterRound[1] < 8L << 20,
            $"managed heap after each round: {string.Join(", ", heapAfterRound.Select(b => $"{b >> 20} MiB"))}");
    }
}
