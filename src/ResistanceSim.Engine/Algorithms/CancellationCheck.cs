namespace ResistanceSim.Engine.Algorithms;

/// <summary>
/// How often event loops look at the run's cancellation token. Leaping loops check once per leap or
/// step (each is far shorter than a millisecond); event-by-event loops check every
/// <see cref="EventsBetweenChecks"/> events, which keeps the check off the hot path yet stops a run
/// within about a millisecond (an exact event costs 25–170 ns; see docs/decisions.md, Engines).
/// </summary>
public static class CancellationCheck
{
    /// <summary>A power of two, so the test is a mask.</summary>
    public const long EventsBetweenChecks = 4096;

    /// <summary>Throws <see cref="OperationCanceledException"/> if a stop was requested and <paramref name="events"/> (counted from 1) is a multiple of <see cref="EventsBetweenChecks"/>.</summary>
    public static void AfterEvent(long events, CancellationToken cancellation)
    {
        if ((events & (EventsBetweenChecks - 1)) == 0) cancellation.ThrowIfCancellationRequested();
    }
}
