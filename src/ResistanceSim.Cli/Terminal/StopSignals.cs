using System.Runtime.InteropServices;

namespace ResistanceSim.Cli.Terminal;

/// <summary>
/// Turns Ctrl+C (SIGINT), SIGTERM and SIGQUIT into a cancellation request instead of killing the process, so a run
/// stops within milliseconds, keeps what is done and exits 130. Every signal after the first is absorbed too: the
/// command is already stopping, and a second Ctrl+C must not cut a publish in half. Registered directly with the
/// runtime rather than through the Generic Host, which loaded the hosting, configuration and logging stacks (about a
/// tenth of a small run's process time, benchmarks/RESULTS.md "A small run's process") to do the same.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;

    public StopSignals()
    {
        _registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT }.Select(signal => PosixSignalRegistration.Create(signal, Request))];
    }

    /// <summary>Cancelled by the first stop signal.</summary>
    public CancellationToken Stopping => _stop.Token;

    private void Request(PosixSignalContext context)
    {
        context.Cancel = true;   // the command winds down and returns its own exit code
        _stop.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _stop.Dispose();
    }
}
