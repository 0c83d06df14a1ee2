using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ResistanceSim.Runs;
using ResistanceSim.Server;

namespace ResistanceSim.Tests.Server;

/// <summary>Runs through the HTTP API of a real server on loopback: progress, results, downloads, and every refusal.</summary>
public class ServerRunTests
{
    private static string Id(JsonElement status) => status.GetProperty("id").GetString()!;
    private static string State(JsonElement status) => status.GetProperty("state").GetString()!;

    [Fact]
    public async Task ARunStreamsItsProgressAndEndsWithChartsChecksAndDownloads()
    {
        await using var server = await RunningServer.StartAsync();
        var (status, accepted) = await server.SubmitAsync(new { lesson = "1-fluctuation", values = new { replicates = 12 } });
        Assert.Equal(202, status);
        var events = await server.FollowAsync(Id(accepted));

        var done = events[^1];
        Assert.Equal(12, done.GetProperty("unitsTotal").GetInt32());
        Assert.Equal("done", State(done));
        Assert.Equal(2, done.GetProperty("checks").GetArrayLength());
        Assert.All(done.GetProperty("checks").EnumerateArray(), c => Assert.True(c.GetProperty("holds").GetBoolean(), c.ToString()));

        string[] charts = [.. done.GetProperty("charts").EnumerateArray().Select(c => c.GetString()!)];
        Assert.EndsWith("/charts/population.svg", charts[0], StringComparison.Ordinal);
        using var chart = await server.Client.GetAsync(charts[0]);
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", (await chart.Content.ReadAsStringAsync()).TrimStart(), StringComparison.Ordinal);
        Assert.Equal(0, done.GetProperty("frames").GetArrayLength());   // lattice frames come only from the agent engine's lattice

        string yaml = await server.Client.GetStringAsync(done.GetProperty("yamlUrl").GetString());
        var reloaded = RunnableScenario.Parse(yaml, "downloaded.yaml");
        Assert.True(reloaded.Succeeded, string.Join("\n", reloaded.Diagnostics));
        Assert.Equal(12, reloaded.Scenario!.Model.Replicates);   // the slider's value is in the reproducing YAML

        using var zip = new ZipArchive(await server.Client.GetStreamAsync(done.GetProperty("zipUrl").GetString()));
        var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("fluctuation/scenario.yaml", names);
        Assert.Contains("fluctuation/manifest.json", names);
        Assert.Contains("fluctuation/plots/population.svg", names);
        Assert.Contains("fluctuation/report.html", names);   // written for the download: runs leave it out
        Assert.Contains(names, n => n.StartsWith("fluctuation/totals/", StringComparison.Ordinal) && n.EndsWith(".parquet", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.EndsWith(".lock", StringComparison.Ordinal));   // locks mean something only while a run writes
    }

    [Fact]
    public async Task AChoiceSentWithARunSetsItsOptionsValues()
    {
        await using var server = await RunningServer.StartAsync();
        var (status, accepted) = await server.SubmitAsync(new { lesson = "5-adaptive-dosing", choices = new { schedule = "1w-on-2w-off" } });
        Assert.Equal(202, status);
        string yaml = await server.Client.GetStringAsync(accepted.GetProperty("yamlUrl").GetString());
        await server.Client.DeleteAsync($"/api/runs/{Id(accepted)}");
        var intermittent = Assert.IsType<ResistanceSim.Model.IntermittentPhase>(
            RunnableScenario.Parse(yaml, "downloaded.yaml").Scenario!.Loaded.ScenarioFor(arm: 1, point: 0).Protocol.Phases[0]);
        Assert.Equal((7.0, 14.0), (intermittent.OnDays, intermittent.OffDays));
    }

    /// <summary>
    /// The fluctuation lesson's scenario as a teacher would write it in the page (presets by their bundled name), with
    /// <paramref name="replicates"/> cultures grown for
    /// <paramref name="days"/>: at 200 cultures of 16 days it runs for seconds, unit by unit; at 1,500 days each culture
    /// is ~1e10 exact events at capacity, so the run cannot finish before a test has stopped it (no race with its end).
    /// </summary>
    private static string FluctuationYaml(int replicates, int days) =>
        File.ReadAllText(Path.Combine(Support.Repository.Root, "lessons", "scenarios", "fluctuation.yaml"))
            .Replace("replicates: 40", $"replicates: {replicates}", StringComparison.Ordinal)
            .Replace("days: 16", $"days: {days}", StringComparison.Ordinal)
            .Replace("../../scenarios/presets/", "presets/", StringComparison.Ordinal);

    private static object EndlessRun => new { yaml = FluctuationYaml(200, 1_500) };

    [Fact]
    public async Task AMultiReplicateRunSendsItsPopulationChartSoFarBeforeTheFinalCharts()
    {
        await using var server = await RunningServer.StartAsync();
        var (_, accepted) = await server.SubmitAsync(new { yaml = FluctuationYaml(200, 16) });
        var events = await server.FollowAsync(Id(accepted));

        var done = events[^1];
        Assert.Equal("done", State(done));
        Assert.Equal(JsonValueKind.Null, done.GetProperty("liveChart").ValueKind);   // the finished charts replace it
        Assert.NotEqual(0, done.GetProperty("charts").GetArrayLength());
        var live = events.Where(e => State(e) == "running" && e.GetProperty("liveChart").ValueKind == JsonValueKind.String).ToList();
        Assert.NotEmpty(live);
        string[] urls = [.. live.Select(e => e.GetProperty("liveChart").GetString()!).Distinct()];
        Assert.All(urls, u => Assert.StartsWith($"/api/runs/{Id(accepted)}/live-chart?drawn=", u, StringComparison.Ordinal));

        using var chart = await server.Client.GetAsync(urls[^1]);
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType?.MediaType);
        string svg = await chart.Content.ReadAsStringAsync();
        var title = System.Text.RegularExpressions.Regex.Match(svg, @"fluctuation: total cells, (\d+) of 200 work units done");
        Assert.True(title.Success, svg[..Math.Min(400, svg.Length)]);
        Assert.InRange(int.Parse(title.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 1, 200);
        using var unknown = await server.Client.GetAsync($"/api/runs/{new string('0', 24)}/live-chart");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task ProgressMovesForwardUnitByUnitWhileARunGoes()
    {
        await using var server = await RunningServer.StartAsync();
        var (_, accepted) = await server.SubmitAsync(new { yaml = FluctuationYaml(200, 16) });
        using var response = await server.Client.GetAsync($"/api/runs/{Id(accepted)}/events", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var unitsDone = new List<int>();
        while (unitsDone.Distinct().Count(u => u > 0) < 2 && await reader.ReadLineAsync() is { } line)
        {
            if (!line.StartsWith("data: ", StringComparison.Ordinal)) continue;
            var status = JsonDocument.Parse(line[6..]).RootElement;
            Assert.NotEqual("done", State(status));   // 200 cultures take far longer than two progress events
            if (State(status) == "running") unitsDone.Add(status.GetProperty("unitsDone").GetInt32());
        }
        Assert.Equal(unitsDone.Order(), unitsDone);   // progress only moves forward
        Assert.True(unitsDone.Distinct().Count(u => u > 0) >= 2, $"progress seen: {string.Join(", ", unitsDone)}");
    }

    [Theory]
    [InlineData("{\"lesson\":\"1-fluctuation\",\"values\":{\"replicates\":5000}}", "replicates must be in [10, 80] (5000 supplied)")]
    [InlineData("{\"lesson\":\"1-fluctuation\",\"values\":{\"replicates\":12.5}}", "replicates must be a whole number (12.5 supplied)")]
    [InlineData("{\"lesson\":\"1-fluctuation\",\"values\":{\"path\":1}}", "lesson '1-fluctuation' has no parameter 'path'")]
    [InlineData("{\"lesson\":\"../scenarios/quickstart\"}", "no lesson '../scenarios/quickstart'")]
    [InlineData("{}", "name a lesson or send a scenario's YAML")]
    public async Task ABadRequestIsRefusedWithItsReason(string body, string message)
    {
        await using var server = await RunningServer.StartAsync();
        using var response = await server.Client.PostAsync("/api/runs", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("problems");
        Assert.Equal(message, problems[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task ScenarioYamlFromThePageGoesThroughTheValidatorWithLocatedErrors()
    {
        await using var server = await RunningServer.StartAsync();
        string yaml = FluctuationYaml(replicates: -3, days: 16);
        int line = Array.FindIndex(yaml.Split('\n'), l => l.StartsWith("replicates:", StringComparison.Ordinal)) + 1;
        var (status, body) = await server.SubmitAsync(new { yaml });
        Assert.Equal(400, status);
        var problem = body.GetProperty("problems")[0];
        Assert.Equal(line, problem.GetProperty("line").GetInt32());
        Assert.Equal(13, problem.GetProperty("column").GetInt32());
        Assert.Contains("replicates must be >= 1 (-3 supplied)", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../../secrets.yaml")]
    [InlineData("presets/../../x.yaml")]
    public async Task AScenarioFromThePageMayIncludeOnlyBundledPresets(string include)
    {
        await using var server = await RunningServer.StartAsync();
        var (status, body) = await server.SubmitAsync(new { yaml = $"name: x\ndescription: y\ninclude: [presets/drugs.yaml, {include}]\n" });
        Assert.Equal(400, status);
        var problems = body.GetProperty("problems");
        Assert.Equal(1, problems.GetArrayLength());
        Assert.Equal(3, problems[0].GetProperty("line").GetInt32());
        Assert.Contains($"'{include}' supplied", problems[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AScenarioNameCannotLeadOutOfTheRunsFolder()
    {
        await using var server = await RunningServer.StartAsync();
        string yaml = File.ReadAllText(Path.Combine(Support.Repository.Root, "scenarios", "quickstart.yaml"))
            .Replace("name: quickstart", "name: ..", StringComparison.Ordinal);
        var (status, body) = await server.SubmitAsync(new { yaml });
        Assert.Equal(400, status);
        var problem = body.GetProperty("problems")[0];
        Assert.Equal(2, problem.GetProperty("line").GetInt32());
        Assert.Contains("not '.' or '..'", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARunOverTheServersLimitsIsRefusedWithAMessage()
    {
        await using var server = await RunningServer.StartAsync(new ServerLimits { MaxReplicates = 20 });
        var (status, body) = await server.SubmitAsync(new { lesson = "1-fluctuation", values = new { replicates = 40 } });
        Assert.Equal(400, status);
        Assert.Equal("replicates is 40, more than this server allows per run (20)", body.GetProperty("problems")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task TheResourceEstimateRefusesARunThatWouldNeedTooMuchMemoryBeforeItIsQueued()
    {
        // 280 MiB of memory: the runtime's 256 MiB leaves room for two cultures sampled daily, not for one sampled 1,000 times
        // a day for 1,500 days. The queue's one place is taken by a run that never ends: a queued request would be 202 or 503.
        await using var server = await RunningServer.StartAsync(new ServerLimits { Resources = new(280L << 20, 1L << 40), ConcurrentRuns = 1, QueueCapacity = 1 });
        var twoEndlessCultures = new { yaml = FluctuationYaml(2, 1_500) };
        var (_, running) = await server.SubmitAsync(twoEndlessCultures);
        await server.WaitForAsync(Id(running), s => State(s) == "running");

        string tooBig = FluctuationYaml(1, 1_500).Replace("every_days: 1,", "every_days: 0.001,", StringComparison.Ordinal);
        var (status, body) = await server.SubmitAsync(new { yaml = tooBig });
        Assert.Equal(400, status);
        string message = Assert.Single(body.GetProperty("problems").EnumerateArray()).GetProperty("message").GetString()!;
        Assert.Contains("of memory", message, StringComparison.Ordinal);
        Assert.Contains("more than the limit of 280 MiB", message, StringComparison.Ordinal);
        Assert.DoesNotContain("--max-", message, StringComparison.Ordinal);   // a student cannot raise the server's limits

        var (queuedStatus, queued) = await server.SubmitAsync(twoEndlessCultures);   // the refused request left the queue's place free
        Assert.Equal(202, queuedStatus);
        Assert.Equal(1, queued.GetProperty("position").GetInt32());
        foreach (var run in new[] { running, queued }) await server.Client.DeleteAsync($"/api/runs/{Id(run)}");
    }

    [Fact]
    public async Task AnOversizedRequestIsRefusedBeforeItIsRead()
    {
        await using var server = await RunningServer.StartAsync(new ServerLimits { MaxRequestBytes = 16 * 1024 });
        string yaml = "# " + new string('x', 32 * 1024);
        using var response = await server.Client.PostAsync("/api/runs", new StringContent(JsonSerializer.Serialize(new { yaml }), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task RunsBeyondTheConcurrentOnesWaitWithTheirPositionAndAFullQueueRefuses()
    {
        await using var server = await RunningServer.StartAsync(new ServerLimits { ConcurrentRuns = 1, QueueCapacity = 2 });
        var slow = EndlessRun;
        var (_, first) = await server.SubmitAsync(slow);
        await server.WaitForAsync(Id(first), s => State(s) == "running");
        var (_, second) = await server.SubmitAsync(slow);
        var (_, third) = await server.SubmitAsync(slow);
        Assert.Equal(1, second.GetProperty("position").GetInt32());
        Assert.Equal(2, third.GetProperty("position").GetInt32());
        var (status, refused) = await server.SubmitAsync(slow);
        Assert.Equal(503, status);
        Assert.Contains("busy", refused.GetProperty("problems")[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        // Stopping the running one moves the others up.
        await server.Client.DeleteAsync($"/api/runs/{Id(first)}");
        await server.WaitForAsync(Id(third), s => s.GetProperty("position").GetInt32() == 1);
        foreach (var run in new[] { second, third }) await server.Client.DeleteAsync($"/api/runs/{Id(run)}");
        Assert.Equal("cancelled", State(await server.WaitForAsync(Id(third), s => State(s) == "cancelled")));
    }

    [Fact]
    public async Task AWaitingRunThatIsStoppedLeavesTheQueueAtOnce()
    {
        await using var server = await RunningServer.StartAsync(new ServerLimits { ConcurrentRuns = 1, QueueCapacity = 2 });
        var (_, running) = await server.SubmitAsync(EndlessRun);
        await server.WaitForAsync(Id(running), s => State(s) == "running");
        var (_, second) = await server.SubmitAsync(EndlessRun);
        var (_, third) = await server.SubmitAsync(EndlessRun);

        await server.Client.DeleteAsync($"/api/runs/{Id(second)}");
        var withdrawn = await server.WaitForAsync(Id(second), s => State(s) != "queued");
        Assert.Equal("cancelled", State(withdrawn));
        var moved = await server.WaitForAsync(Id(third), s => s.GetProperty("position").GetInt32() == 1);
        Assert.Equal("queued", State(moved));   // moved up while the first run still runs
        Assert.Equal("running", State(await server.Client.GetFromJsonAsync<JsonElement>($"/api/runs/{Id(running)}")));
        var (status, _) = await server.SubmitAsync(EndlessRun);   // the freed place takes a new run
        Assert.Equal(202, status);
    }

    [Fact]
    public async Task LeavingThePageStopsItsRun()
    {
        await using var server = await RunningServer.StartAsync();
        var (_, accepted) = await server.SubmitAsync(EndlessRun);
        using (var response = await server.Client.GetAsync($"/api/runs/{Id(accepted)}/events", HttpCompletionOption.ResponseHeadersRead))
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            Assert.StartsWith("data: ", await reader.ReadLineAsync(), StringComparison.Ordinal);
        }   // the page closes: the stream's connection goes away
        var stopped = await server.WaitForAsync(Id(accepted), s => State(s) is "cancelled" or "done" or "failed");
        Assert.Equal("cancelled", State(stopped));
        Assert.Contains("page", stopped.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARunPastTheWallTimeLimitIsStopped()
    {
        await using var server = await RunningServer.StartAsync(new ServerLimits { MaxWallTime = TimeSpan.FromMilliseconds(300) });
        var (_, accepted) = await server.SubmitAsync(EndlessRun);
        var events = await server.FollowAsync(Id(accepted));
        Assert.Equal("cancelled", State(events[^1]));
        Assert.Contains("longer than this server's limit", events[^1].GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
