using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResistanceSim.Runs;
using ResistanceSim.Scenarios.Bundled;
using ResistanceSim.Server.Api;
using ResistanceSim.Server.Jobs;
using ResistanceSim.Server.Lessons;
using ResistanceSim.Server.Pages;

namespace ResistanceSim.Server;

/// <summary>
/// <c>resistancesim serve</c>: an ASP.NET Core server of lessons and runs for a class, a thin shell over ResistanceSim.Runs.
/// Start it with <see cref="StartAsync"/>; it stops when the token given there fires or when it is disposed.
/// </summary>
public sealed class TeachingServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TeachingServer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The address it listens on, e.g. <c>http://127.0.0.1:5000/</c>.</summary>
    public string Url { get; }

    /// <summary>The private folder its runs write under (in memory when the machine allows; <see cref="RunFolderRoot"/>).</summary>
    public string RunFolder => _app.Services.GetRequiredService<RunQueue>().WorkRoot;

    /// <summary>Bytes in the folders of the finished runs it keeps.</summary>
    public long KeptRunBytes => _app.Services.GetRequiredService<RunQueue>().FinishedBytes;

    /// <summary>Loads the lessons (a malformed one stops the start with its located errors) and starts listening.</summary>
    /// <exception cref="ResistanceSim.Scenarios.Diagnostics.ScenarioValidationException">A lesson file is malformed.</exception>
    /// <exception cref="ArgumentException">The host is not an IP address or localhost.</exception>
    /// <exception cref="PortInUseException">Something else already listens on the address and port.</exception>
    public static async Task<TeachingServer> StartAsync(ServerOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var address = options.Address;
        var lessons = LessonLibrary.Load(options.LessonsFolder);
        KeepRequestThreadsDuringRuns();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddSingleton<IHostLifetime, CallerLifetime>();
        builder.Logging.ClearProviders();
        if (options.LogToConsole)
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
                // A failed start is thrown to the caller, which reports it in one line; the host would log it again with a stack trace.
                .AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.Limits.MaxRequestBytes;
            kestrel.Listen(address, options.Port);
        });
        builder.Services.AddSingleton(lessons);
        builder.Services.AddSingleton(options.Limits);
        builder.Services.AddSingleton(services => new RunQueue(
            options.Limits, RunFolderRoot.Create(options.RunFolderParent, options.Limits.RunFolderBytesNeeded), services.GetRequiredService<ILogger<RunQueue>>()));

        var app = builder.Build();
        Map(app, lessons);
        try
        {
            await app.StartAsync(cancellation).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await app.DisposeAsync().ConfigureAwait(false);   // e.g. the port is taken: nothing is left listening or queued
            if (e is AddressInUseException or IOException { InnerException: AddressInUseException })
                throw new PortInUseException(options.Host, options.Port, e);
            throw;
        }
        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TeachingServer(app, bound.TrimEnd('/') + "/");
    }

    /// <summary>
    /// A run's simulation threads keep every core busy, and on a busy CPU the thread pool waits seconds before it adds a
    /// thread beyond its minimum (one per core). Any pool thread blocked meanwhile — by the host around the server, say —
    /// then leaves requests and progress streams waiting: a page's progress froze for 3.5 s in the browser tests. A floor of
    /// eight threads above the core count keeps them served; it only raises the process's minimum, never lowers it.
    /// </summary>
    private static void KeepRequestThreadsDuringRuns()
    {
        ThreadPool.GetMinThreads(out int workers, out int completionPorts);
        int floor = Environment.ProcessorCount + 8;
        if (workers < floor) ThreadPool.SetMinThreads(floor, completionPorts);
    }

    /// <summary>Runs until <paramref name="cancellation"/> fires.</summary>
    public async Task WaitAsync(CancellationToken cancellation)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Ctrl+C: the normal way to stop a server.
        }
    }

    /// <summary>Stops listening, stops the runs and deletes their folders.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static void Map(WebApplication app, LessonLibrary lessons)
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        app.MapGet("/", () => Results.Content(GalleryPage.Render(lessons, BundledScenarios.Names()), "text/html; charset=utf-8"));
        app.MapGet("/lessons/{id}", (string id) =>
        {
            if (lessons.Find(id) is not { } lesson) return Results.NotFound();
            var loaded = lesson.ScenarioFor(new Dictionary<string, double>());
            return Results.Content(LessonPage.Render(lesson, loaded.Scenario?.ResolvedYaml ?? ""), "text/html; charset=utf-8");
        });
        app.MapGet("/scenarios/{name}", (string name) =>
        {
            // Only a bundled scenario's name is looked up; anything else is not found.
            if (BundledScenarios.Find(name) is not { } file || RunnableScenario.Load(file).Scenario is not { } scenario) return Results.NotFound();
            return Results.Content(LessonPage.RenderScenario(scenario.Name, scenario.Model.Description, scenario.ResolvedYaml), "text/html; charset=utf-8");
        });
        app.MapGet("/static/{file}", (string file) =>
            StaticAssets.TryGet(file, out string contentType, out byte[] bytes) ? Results.Bytes(bytes, contentType) : Results.NotFound());
        RunEndpoints.Map(app, json);
    }
}
