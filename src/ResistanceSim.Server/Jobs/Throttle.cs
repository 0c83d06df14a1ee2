namespace ResistanceSim.Server.Jobs;

/// <summary>Lets an action through at most once per <paramref name="interval"/>: the first call passes, later ones once the interval has gone by.</summary>
internal sealed class Throttle(TimeSpan interval, TimeProvider time)
{
    private long? _lastPass;

    /// <summary>True when the caller may act now (and starts a new interval); false while the last pass is too recent.</summary>
    public bool TryPass()
    {
        long now = time.GetTimestamp();
        if (_lastPass is { } last && time.GetElapsedTime(last, now) < interval) return false;
        _lastPass = now;
        return true;
    }
}
