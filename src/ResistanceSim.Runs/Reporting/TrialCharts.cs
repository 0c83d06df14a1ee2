using ResistanceSim.Plotting.Charts;

namespace ResistanceSim.Runs.Reporting;

/// <summary>The charts of a cohort run's readout: Kaplan–Meier PFS per arm and the mechanisms the progressing tumours carried.</summary>
internal static class TrialCharts
{
    public static IEnumerable<(string File, string Caption, string Svg)> From(string scenarioName, TrialResults.Readout readout)
    {
        var arms = readout.Arms.Select(a => new KaplanMeierArm(a.Name,
            [.. a.Curve.Times.Select(t => t / TrialResults.DaysPerMonth)], [.. a.Curve.Survival], [.. a.Curve.Lower], [.. a.Curve.Upper],
            [.. a.Curve.AtRisk],
            [.. a.Curve.Times.Where((_, j) => a.Curve.Censored[j] > 0).Select(t => t / TrialResults.DaysPerMonth)])).ToArray();
        yield return ("pfs-kaplan-meier.svg",
            "Progression-free survival per arm (Kaplan–Meier with 95% CI, ticks = censored at the end of follow-up); endpoints/ has medians, ORR, HR and log-rank p.",
            KaplanMeierChart.Render(new KaplanMeierInput($"{scenarioName}: progression-free survival", arms) { TimeLabel = "Months since diagnosis" }));

        var mechanisms = readout.Mechanisms.Select(m => m.Mechanism).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (mechanisms.Length == 0) yield break;
        var names = readout.Arms.Select(a => a.Name).ToArray();
        double[][] fractions = [.. names.Select(arm => mechanisms.Select(m =>
            (double)readout.Mechanisms.Where(x => x.ArmName == arm && x.Mechanism == m).Sum(x => x.Patients)).ToArray())];
        yield return ("progression-mechanisms.svg",
            "Mechanisms carried by the progressing tumours, per arm (share of all mechanisms found; a tumour may carry several).",
            CompositionChart.Render(new CompositionInput($"{scenarioName}: mechanisms at progression", names, mechanisms, fractions)
            {
                ProgressedCounts = [.. readout.Arms.Select(a => a.Events)],
            }));
    }
}
