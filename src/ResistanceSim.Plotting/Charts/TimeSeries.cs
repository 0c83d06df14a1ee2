namespace ResistanceSim.Plotting.Charts;

/// <summary>A named series of values over time; <paramref name="Times"/> and <paramref name="Values"/> have equal length.</summary>
public sealed record TimeSeries(string Name, double[] Times, double[] Values)
{
    /// <summary>Throws when the arrays disagree in length or times are not finite.</summary>
    public void Validate()
    {
        if (Times.Length != Values.Length)
        {
            throw new ArgumentException($"Series '{Name}' has {Times.Length} times but {Values.Length} values.");
        }

        if (Times.Any(t => !double.IsFinite(t)))
        {
            throw new ArgumentException($"Series '{Name}' has a non-finite time.");
        }
    }
}
