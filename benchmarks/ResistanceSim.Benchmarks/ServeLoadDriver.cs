using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace ResistanceSim.Benchmarks;

/// <summary>
/// Simulated students on a teaching server: each, on its own connection, submits a run, follows its event stream to
/// the end and fetches its first chart, as the lesson page does, again and again. Shared by <c>serve-load</c> (figures
/// for benchmarks/RESULTS.md) and the integration load test (no errors, memory flat; no wall time asserted).
/// </summary>
public static class ServeLoadDriver
{
    /// <summary>What the students saw.</summary>
    /// <param name="LatenciesMs">Submit → done → first chart fetched, per run after each student's warm-up runs.</param>
    /// <param name="Errors">Every refused, failed or stopped run and every failed request, as a line.</param>
    /// <param name="Memory">Samples every 250 ms: runs finished so far, the process's working set and managed heap (bytes).</param>
    /// <param name="Runs">Runs made, warm-up runs included.</param>
    public sealed record Result(IReadOnlyList<double> LatenciesMs, IReadOnlyList<string> Errors, IReadOnlyList<(int RunsDone, long WorkingSet, long ManagedHeap)> Memory, TimeSpan Elapsed, int Runs)
    {
        /// <summary>Throughput and the latency percentiles after warm-up: "40 runs in 12.3 s (3.3 runs/s); latency after warm-up (32 runs): p50 …".</summary>
        public string Figures()
        {
            string Ms(double p) => Percentile(LatenciesMs, p).ToString("0", CultureInfo.InvariantCulture);
            return string.Create(CultureInfo.InvariantCulture, $"{Runs} runs in {Elapsed.TotalSeconds:0.0} s ({Runs / Elapsed.TotalSeconds:0.0} runs/s); ")
                + $"latency after warm-up ({LatenciesMs.Count} runs): p50 {Ms(50)} ms, p95 {Ms(95)} ms, max {Ms(100)} ms";
        }
    }

    public static async Task<Result> RunAsync(Uri server, int students, int runsPerStudent, int warmUpRuns, object request)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentQueue<string>();
        var memory = new ConcurrentQueue<(int, long, long)>();
        int runsDone = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var process = Process.GetCurrentProcess();
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                memory.Enqueue((Volatile.Read(ref runsDone), process.WorkingSet64, GC.GetTotalMemory(false)));
                try { await Task.Delay(250, stop.Token); } catch (OperationCanceledException) { }
            }
        });
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, students).Select(student => Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromMinutes(5) };
            for (int run = 0; run < runsPerStudent; run++)
            {
                var watch = Stopwatch.StartNew();
                string? problem = await OneRunAsync(client, request);
                if (problem is not null) errors.Enqueue($"student {student}, run {run}: {problem}");
                else if (run >= warmUpRuns) latencies.Add(watch.Elapsed.TotalMilliseconds);
                Interlocked.Increment(ref runsDone);
            }
        })));
        clock.Stop();
        await stop.CancelAsync();
        await sampler;
        return new Result([.. latencies.Order()], [.. errors], [.. memory], clock.Elapsed, students * runsPerStudent);
    }

    /// <summary>One run as the page makes it; null when it ended done with its chart served, else what went wrong.</summary>
    private static async Task<string?> OneRunAsync(HttpClient client, object request)
    {
        using var submitted = await client.PostAsJsonAsync("/api/runs", request);
        if (!submitted.IsSuccessStatusCode) return $"POST /api/runs: {(int)submitted.StatusCode} {await submitted.Content.ReadAsStringAsync()}";
        string id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        JsonElement last = default;
        using (var events = await client.GetAsync($"/api/runs/{id}/events", HttpCompletionOption.ResponseHeadersRead))
        {
            using var reader = new StreamReader(await events.Content.ReadAsStreamAsync());
            while (await reader.ReadLineAsync() is { } line)
                if (line.StartsWith("data: ", StringComparison.Ordinal)) last = JsonDocument.Parse(line[6..]).RootElement.Clone();
        }
        if (last.ValueKind != JsonValueKind.Object) return "the event stream ended without an event";
        string state = last.GetProperty("state").GetString()!;
        if (state != "done") return $"run {id} ended {state}: {last.GetProperty("error")}";
        string chart = last.GetProperty("charts")[0].GetString()!;
        using var svg = await client.GetAsync(chart);
        return svg.IsSuccessStatusCode ? null : $"GET {chart}: {(int)svg.StatusCode}";
    }

    /// <summary>The value below which <paramref name="percent"/>% of the sorted values lie (nearest rank).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0) return double.NaN;
        int rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
