using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ResistanceSim.Runs.Reporting;
using ResistanceSim.Server.Jobs;
using ResistanceSim.Server.Lessons;

namespace ResistanceSim.Server.Api;

/// <summary>
/// The run API under <c>/api/runs</c>: submit, follow (server-sent events), stop, see a running run's partial population chart, and read a finished run's charts, lattice frames, zip
/// and YAML. Runs are addressed by their unguessable id; files are served only from the run's own list, never by a path
/// from the request.
/// </summary>
internal static class RunEndpoints
{
    public static void Map(IEndpointRouteBuilder app, JsonSerializerOptions json)
    {
        app.MapPost("/api/runs", (RunRequest request, LessonLibrary lessons, ServerLimits limits, RunQueue queue) =>
        {
            var (scenario, lesson, problems) = RunRequests.Resolve(request, lessons, limits);
            if (scenario is null) return Results.Json(new { problems }, json, statusCode: StatusCodes.Status400BadRequest);
            var job = queue.TryEnqueue(scenario, lesson);
            return job is null
                ? Results.Json(new { problems = new[] { new RequestProblem(0, 0, "the server is busy: every place in the queue is taken; try again in a minute") } }, json,
                    statusCode: StatusCodes.Status503ServiceUnavailable)
                : Results.Json(job.Snapshot(RunStatus.Of), json, statusCode: StatusCodes.Status202Accepted);
        });

        var runs = app.MapGroup("/api/runs/{id}");
        runs.MapGet("", (string id, RunQueue queue) => queue.Find(id) is { } job ? Results.Json(job.Snapshot(RunStatus.Of), json) : Results.NotFound());
        runs.MapDelete("", (string id, RunQueue queue) =>
        {
            if (queue.Find(id) is not { } job) return Results.NotFound();
            job.Cancel("stopped from the page");
            return Results.NoContent();
        });
        runs.MapGet("/events", (string id, RunQueue queue, HttpContext context) =>
            queue.Find(id) is { } job ? StreamAsync(job, context, json) : Task.FromResult(Results.NotFound()));
        runs.MapGet("/charts/{file}", (string id, string file, RunQueue queue) =>
            ListedPlot(queue.Find(id), file, job => job.Charts, "image/svg+xml"));
        runs.MapGet("/frames/{file}", (string id, string file, RunQueue queue) =>
            ListedPlot(queue.Find(id), file, job => [.. job.Frames.Select(f => f.File)], "image/png"));
        runs.MapGet("/live-chart", (string id, RunQueue queue) =>
            queue.Find(id) is { LiveChart: { } svg } ? Results.Text(svg, "image/svg+xml") : Results.NotFound());
        runs.MapGet("/scenario.yaml", (string id, RunQueue queue) =>
            queue.Find(id) is { } job
                ? Results.File(System.Text.Encoding.UTF8.GetBytes(job.Scenario.ResolvedYaml), "application/yaml", $"{job.Scenario.Name}.yaml")
                : Results.NotFound());
        runs.MapGet("/zip", (string id, RunQueue queue) =>
        {
            if (queue.Find(id) is not { State: RunState.Done, RunDirectory: { } directory } job) return Results.NotFound();
            // Runs leave report.html out (RunQueue); the download carries it, as a run from the command line would.
            if (!File.Exists(Path.Combine(directory, RunReport.ReportFile))) RunReport.Write(directory);
            return Results.File(RunArchive.Create(directory), "application/zip", $"{job.Scenario.Name}.zip");
        });
    }

    /// <summary>
    /// A file of a finished run's <c>plots/</c>, only when the run's own list names it: the request's file name is matched
    /// against that list, never joined to a path unchecked.
    /// </summary>
    private static IResult ListedPlot(RunJob? job, string file, Func<RunJob, IReadOnlyList<string>> listed, string contentType) =>
        job is { State: RunState.Done, RunDirectory: { } directory } && listed(job).Contains(file, StringComparer.Ordinal)
            ? Results.File(Path.Combine(directory, RunReport.PlotsFolder, file), contentType)
            : Results.NotFound();

    /// <summary>
    /// Sends the run's status now and after every change until it finishes, the final status last. While a page follows a
    /// run it keeps it alive: when the last follower disconnects before the end, the run is stopped (<see cref="RunJob.Watch"/>).
    /// </summary>
    internal static async Task<IResult> StreamAsync(RunJob job, HttpContext context, JsonSerializerOptions json)
    {
        var response = context.Response;
        response.Headers.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        var aborted = context.RequestAborted;
        using var watch = job.Watch();
        try
        {
            int seen = -1;
            while (true)
            {
                // Whether to stop is read with the status sent: a run that finishes while it is written is seen as a change
                // and its final status sent next, never left unsent behind a "running" one.
                var (status, finished) = job.Snapshot(j => (RunStatus.Of(j), j.IsFinished));
                seen = status.Version;
                await response.WriteAsync($"data: {JsonSerializer.Serialize(status, json)}\n\n", aborted).ConfigureAwait(false);
                await response.Body.FlushAsync(aborted).ConfigureAwait(false);
                if (finished) break;
                await job.WaitForChangeAsync(seen, aborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The page left; disposing the watch stops the run if nobody else follows it.
        }
        return Results.Empty;
    }
}
