namespace ResistanceSim.Analysis.Survival;

/// <summary>One subject's follow-up: the time of the event (<paramref name="Event"/> = true) or of
/// censoring (<paramref name="Event"/> = false). Time is in any unit, used consistently; it must be
/// finite and ≥ 0.</summary>
public readonly record struct SurvivalObservation(double Time, bool Event)
{
    /// <summary>Builds observations from parallel arrays (event flag 1/true = event, 0/false = censored).</summary>
    public static SurvivalObservation[] FromArrays(ReadOnlySpan<double> times, ReadOnlySpan<bool> events)
    {
        if (times.Length != events.Length)
        {
            throw new ArgumentException("times and events must have the same length.", nameof(events));
        }

        var result = new SurvivalObservation[times.Length];
        for (var i = 0; i < times.Length; i++)
        {
            result[i] = new SurvivalObservation(times[i], events[i]);
        }

        return result;
    }

    internal static void Validate(IReadOnlyList<SurvivalObservation> data, string name)
    {
        foreach (var o in data)
        {
            if (!double.IsFinite(o.Time) || o.Time < 0)
            {
                throw new ArgumentException(
                    FormattableString.Invariant($"Survival times must be finite and >= 0 ({o.Time} supplied)."), name);
            }
        }
    }
}
