namespace ResistanceSim.Server.Jobs;

/// <summary>
/// Lets an action through at most once per <paramref name="interval"/>, counting from when the throttle is made: nothing
/// passes in the first interval. A run's live chart is made with it, so a run shorter than the interval draws no chart
/// so far, only its final charts (a teaching run takes tens of milliseconds: drawing one it will replace at once cost
/// as much as a tenth of its service time).
/// </summary>
internal sealed class Throttle(TimeSpan interval, TimeProvider time)
{
    private long _lastPass = time.GetTimestamp();

    /// <summary>True when the caller may act now (and starts a new interval); false while the last pass is too recent.</summary>
    public bool TryPass()
    {
        long now = time.GetTimestamp();
        if (time.GetElapsedTime(_lastPass, now) < interval) return false;
        _lastPass = now;
        return true;
    }
}
