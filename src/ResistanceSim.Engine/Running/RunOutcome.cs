namespace ResistanceSim.Engine.Running;

public enum RunOutcome
{
    /// <summary>Stopped at the time limit without progression and with some clone still able to grow.</summary>
    Censored,
    /// <summary>The population regrew to the progression threshold over its nadir.</summary>
    Progressed,
    /// <summary>No cells left.</summary>
    Extinct,
    /// <summary>Cells remain at the end but every clone is shrinking (net rate &lt; 0): on course to extinction.</summary>
    Cured,
}

public static class RunOutcomes
{
    public static string Label(RunOutcome outcome) => outcome switch
    {
        RunOutcome.Censored => "censored",
        RunOutcome.Progressed => "progressed",
        RunOutcome.Extinct => "extinct",
        RunOutcome.Cured => "cured",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}
