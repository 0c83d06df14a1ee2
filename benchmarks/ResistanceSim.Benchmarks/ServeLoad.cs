using System.Globalization;
using ResistanceSim.Server;

namespace ResistanceSim.Benchmarks;

/// <summary>
/// <c>serve-load [students] [runs-per-student] [lesson]</c>: a teaching server on loopback in this process, and that many
/// simulated students each running the lesson at its defaults (<see cref="ServeLoadDriver"/>); prints the latency
/// percentiles after each student's first run (JIT warm-up), the errors, and the memory at the start and end.
/// </summary>
public static class ServeLoad
{
    public static async Task RunAsync(string[] args)
    {
        int students = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 8;
        int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
        string lesson = args.Length > 2 ? args[2] : "4-bypass-rescue";
        string lessons = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../lessons"));
        await using var server = await TeachingServer.StartAsync(new ServerOptions
        {
            Port = 0,
            LessonsFolder = lessons,
            Limits = new ServerLimits { QueueCapacity = students },
        });
        var result = await ServeLoadDriver.RunAsync(new Uri(server.Url), students, runs, warmUpRuns: 1, new { lesson });
        Console.WriteLine($"{students} students × {runs} runs of lesson {lesson}, {Environment.ProcessorCount} cores, {new ServerLimits().ConcurrentRuns} run(s) at once");
        Console.WriteLine(result.Figures());
        Console.WriteLine($"errors: {result.Errors.Count}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"run folders under {Path.GetDirectoryName(Path.GetDirectoryName(server.RunFolder))}: {server.KeptRunBytes / 1024.0 / 1024.0:0.0} MiB in the finished runs kept"));
        foreach (string error in result.Errors.Take(10)) Console.WriteLine("  " + error);
        var memory = result.Memory;
        if (memory.Count >= 4)
        {
            var early = memory.Where(m => m.RunsDone >= students * runs / 10).Take(Math.Max(1, memory.Count / 10)).ToList();
            var late = memory.TakeLast(Math.Max(1, memory.Count / 10)).ToList();
            static string MiB(double bytes) => (bytes / (1 << 20)).ToString("0", CultureInfo.InvariantCulture);
            Console.WriteLine($"working set: {MiB(early.Average(m => m.WorkingSet))} MiB after 10% of the runs, {MiB(late.Average(m => m.WorkingSet))} MiB at the end (peak {MiB(memory.Max(m => m.WorkingSet))} MiB)");
            Console.WriteLine($"managed heap: {MiB(early.Average(m => m.ManagedHeap))} MiB after 10% of the runs, {MiB(late.Average(m => m.ManagedHeap))} MiB at the end");
        }
    }
}
