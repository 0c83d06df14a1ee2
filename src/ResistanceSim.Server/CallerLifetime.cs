using Microsoft.Extensions.Hosting;

namespace ResistanceSim.Server;

/// <summary>
/// The server stops when its caller says so (the command line's Ctrl+C token, a test's dispose), not through a console
/// lifetime of its own: the command line's Generic Host already turns Ctrl+C and SIGTERM into that token.
/// </summary>
internal sealed class CallerLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
