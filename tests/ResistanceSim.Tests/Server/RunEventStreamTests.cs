using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ResistanceSim.Runs;
using ResistanceSim.Server.Api;
using ResistanceSim.Server.Jobs;

namespace ResistanceSim.Tests.Server;

/// <summary>
/// A run's event stream (<c>/api/runs/{id}/events</c>) ends on the run's final status. The interleaving that once ended
/// it on a "running" one — the run finishing after its status was read and before the stream asked whether to stop — is
/// forced here: the response body finishes the run while the first status is being sent.
/// </summary>
public class RunEventStreamTests
{
    [Fact]
    public async Task ARunThatFinishesWhileAStatusIsSentEndsTheStreamWithItsFinalStatus()
    {
        var scenario = RunnableScenario.Load(Path.Combine(Support.Repository.Root, "scenarios", "quickstart.yaml"));
        Assert.True(scenario.Succeeded, string.Join("\n", scenario.Diagnostics));
        var job = new RunJob(scenario.Scenario!, lesson: null, Path.GetTempPath());
        job.Started(Path.GetTempPath());
        var body = new FinishingOnFirstFlush(() => job.Finished([], [], []));
        var context = new DefaultHttpContext();
        context.Response.Body = body;

        await RunEndpoints.StreamAsync(job, context, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        string[] states = [.. Encoding.UTF8.GetString(body.ToArray())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.StartsWith("data: ", StringComparison.Ordinal))
            .Select(line => JsonDocument.Parse(line[6..]).RootElement.GetProperty("state").GetString()!)];
        Assert.Equal(["running", "done"], states);
    }

    /// <summary>A response body that runs <paramref name="finish"/> when the first status is flushed to the page.</summary>
    private sealed class FinishingOnFirstFlush(Action finish) : MemoryStream
    {
        private bool _finished;

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            if (!_finished)
            {
                _finished = true;
                finish();
            }
            return base.FlushAsync(cancellationToken);
        }
    }
}
