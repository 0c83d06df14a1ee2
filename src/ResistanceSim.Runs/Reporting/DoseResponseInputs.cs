using System.Globalization;
using ResistanceSim.Model;
using ResistanceSim.Plotting.Charts;

namespace ResistanceSim.Runs.Reporting;

/// <summary>The dose–response chart's input: for one replicate, the first and the last assay of each drug (parental vs evolved).</summary>
internal static class DoseResponseInputs
{
    public static DoseResponseInput? From(Scenario scenario, IReadOnlyList<AssayFits.Fit> fits, int replicate)
    {
        var mine = fits.Where(f => f.Arm == 0 && f.Point == 0 && f.Replicate == replicate).ToArray();
        if (mine.Length == 0) return null;
        var shown = mine.GroupBy(f => f.Drug)
            .SelectMany(g => new[] { g.First(), g.Last() }.Distinct())
            .Select(f => new DoseResponseSeries(
                string.Create(CultureInfo.InvariantCulture, $"{f.Drug}, day {f.Day:0.#}"), f.Concentrations, f.Viability)
            {
                Fit = f.Result.HasCurve ? new Plotting.Charts.HillCurve(f.Result.Curve!.Value.Bottom, f.Result.Curve.Value.Top, f.Result.Curve.Value.Ic50, f.Result.Curve.Value.HillSlope) : null,
                Ic50Interval = f.Result.HasCurve ? new Interval(f.Result.Ic50Interval.Lower, f.Result.Ic50Interval.Upper) : null,
            })
            .ToArray();
        return new DoseResponseInput($"{scenario.Name}: viability assays (replicate {replicate})", shown);
    }
}
