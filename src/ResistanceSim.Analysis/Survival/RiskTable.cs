namespace ResistanceSim.Analysis.Survival;

/// <summary>Distinct times with at-risk, event and censoring counts: the common first step of the
/// Kaplan–Meier estimator and the log-rank test. Events at a time precede censorings at that time.</summary>
internal sealed class RiskTable
{
    private RiskTable(double[] times, int[] atRisk, int[] events, int[] censored)
    {
        Times = times;
        AtRisk = atRisk;
        Events = events;
        Censored = censored;
    }

    public double[] Times { get; }

    public int[] AtRisk { get; }

    public int[] Events { get; }

    public int[] Censored { get; }

    public static RiskTable Build(IReadOnlyList<SurvivalObservation> data)
    {
        var sorted = data.OrderBy(o => o.Time).ToArray();
        var times = new List<double>();
        var atRisk = new List<int>();
        var events = new List<int>();
        var censored = new List<int>();
        var remaining = sorted.Length;
        var i = 0;
        while (i < sorted.Length)
        {
            var t = sorted[i].Time;
            int d = 0, c = 0;
            for (; i < sorted.Length && sorted[i].Time == t; i++)
            {
                if (sorted[i].Event)
                {
                    d++;
                }
                else
                {
                    c++;
                }
            }

            times.Add(t);
            atRisk.Add(remaining);
            events.Add(d);
            censored.Add(c);
            remaining -= d + c;
        }

        return new RiskTable([.. times], [.. atRisk], [.. events], [.. censored]);
    }
}
