namespace ResistanceSim.Plotting.Charts;

/// <summary>
/// One arm's Kaplan–Meier estimate as a step function (the rows of R's <c>survfit</c> table):
/// at each time <c>Times[j]</c> (ascending) the survival drops to <c>Survival[j]</c> with
/// pointwise confidence limits <c>Lower[j]</c>..<c>Upper[j]</c>; before <c>Times[0]</c> survival is 1.
/// <c>AtRisk[j]</c> is the number at risk just before <c>Times[j]</c>, so the number at risk at any
/// time x is <c>AtRisk[j]</c> for the first <c>Times[j] ≥ x</c>, and 0 after the last time.
/// <c>CensorTimes</c> get tick marks on the curve.
/// </summary>
public sealed record KaplanMeierArm(
    string Name,
    double[] Times,
    double[] Survival,
    double[] Lower,
    double[] Upper,
    int[] AtRisk,
    double[] CensorTimes)
{
    /// <summary>Survival at time <paramref name="time"/> (right-continuous step function).</summary>
    public double SurvivalAt(double time) => StepValue(Survival, time);

    /// <summary>Number of subjects at risk at time <paramref name="time"/>.</summary>
    public int AtRiskAt(double time)
    {
        for (int j = 0; j < Times.Length; j++)
        {
            if (Times[j] >= time)
            {
                return AtRisk[j];
            }
        }

        return 0;
    }

    /// <summary>Throws when the arrays disagree in length or times are not ascending.</summary>
    public void Validate()
    {
        int n = Times.Length;
        if (Survival.Length != n || Lower.Length != n || Upper.Length != n || AtRisk.Length != n)
        {
            throw new ArgumentException($"Kaplan–Meier arm '{Name}' has arrays of different lengths.");
        }

        for (int j = 1; j < n; j++)
        {
            if (!(Times[j] >= Times[j - 1]))
            {
                throw new ArgumentException($"Kaplan–Meier arm '{Name}' has times out of order at index {j}.");
            }
        }
    }

    private double StepValue(double[] values, double time)
    {
        double value = 1;
        for (int j = 0; j < Times.Length && Times[j] <= time; j++)
        {
            value = values[j];
        }

        return value;
    }
}

/// <summary>Input of <see cref="KaplanMeierChart"/>.</summary>
public sealed record KaplanMeierInput(string Title, IReadOnlyList<KaplanMeierArm> Arms)
{
    /// <summary>Horizontal axis title.</summary>
    public string TimeLabel { get; init; } = "Time (days)";

    /// <summary>Vertical axis title.</summary>
    public string SurvivalLabel { get; init; } = "Progression-free survival";
}
