using System.Net.Http.Json;
using System.Text.Json;
using ResistanceSim.Server;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Server;

/// <summary>A real teaching server on a free loopback port, serving the repository's lessons, with a client for it.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly TeachingServer _server;

    private RunningServer(TeachingServer server)
    {
        _server = server;
        Client = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    public static async Task<RunningServer> StartAsync(ServerLimits? limits = null, string? runFolderParent = null) =>
        new(await TeachingServer.StartAsync(new ServerOptions
        {
            Port = 0,
            LessonsFolder = Path.Combine(Repository.Root, "lessons"),
            Limits = limits ?? new ServerLimits(),
            RunFolderParent = runFolderParent,
        }));

    /// <summary>The private folder the server's runs write under.</summary>
    public string RunFolder => _server.RunFolder;

    /// <summary>Bytes in the finished runs' folders the server keeps.</summary>
    public long KeptRunBytes => _server.KeptRunBytes;

    /// <summary>Posts a run request; the response's status and JSON body.</summary>
    public async Task<(int Status, JsonElement Body)> SubmitAsync(object request)
    {
        using var response = await Client.PostAsJsonAsync("/api/runs", request);
        return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>Follows a run's event stream to its end; every event's JSON, in order.</summary>
    public async Task<List<JsonElement>> FollowAsync(string id)
    {
        using var response = await Client.GetAsync($"/api/runs/{id}/events", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var events = new List<JsonElement>();
        while (await reader.ReadLineAsync() is { } line)
            if (line.StartsWith("data: ", StringComparison.Ordinal)) events.Add(JsonDocument.Parse(line[6..]).RootElement.Clone());
        return events;
    }

    /// <summary>Polls a run's status until <paramref name="done"/> says so (at most 30 s).</summary>
    public async Task<JsonElement> WaitForAsync(string id, Func<JsonElement, bool> done)
    {
        for (var clock = System.Diagnostics.Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(30); await Task.Delay(50))
        {
            var status = await Client.GetFromJsonAsync<JsonElement>($"/api/runs/{id}");
            if (done(status)) return status;
        }
        throw new TimeoutException($"run {id} did not reach the expected state in 30 s");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
    }
}
