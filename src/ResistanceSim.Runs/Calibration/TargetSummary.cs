using ResistanceSim.Analysis.Calibration;
using ResistanceSim.Model.Calibration;

namespace ResistanceSim.Runs.Calibration;

/// <summary>
/// A target against the final population: the weighted median and 90% interval of its simulated value over the
/// accepted particles, whether the median is within tolerance of the published value, and the value of the member
/// the preset sets — on the new patients where it was chosen on them (NaN when the preset is the posterior medians, which no
/// evaluation simulated).
/// </summary>
internal sealed record TargetSummary(CalibrationTarget Target, double Median, double Lower, double Upper, double[] Misses, double PresetMember)
{
    public bool Within => Target.Within(Median);

    public static IReadOnlyList<TargetSummary> For(CalibrationPlan plan, AbcPopulation population, PresetMember? preset,
        IReadOnlyDictionary<(int, int), CalibrationJournal.Entry> entries)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(entries);
        var simulated = population.Sources.Select(s => entries[(s.Generation, s.Proposal)].Simulated).ToArray();
        return [.. plan.Targets.Select((target, t) =>
        {
            double[] values = [.. simulated.Select(s => s[t])];
            bool measurable = values.All(double.IsFinite);
            return new TargetSummary(target,
                measurable ? WeightedQuantile.Of(values, population.Weights, 0.5) : double.NaN,
                measurable ? WeightedQuantile.Of(values, population.Weights, 0.05) : double.NaN,
                measurable ? WeightedQuantile.Of(values, population.Weights, 0.95) : double.NaN,
                [.. values.Select(target.Miss)],
                preset is null ? double.NaN : preset.OnNewPatients?.Simulated[t] ?? values[preset.Member]);
        })];
    }

    public string Published => TargetText.Published(Target);

    public string Simulated => $"{TargetText.Value(Median)} [{TargetText.Value(Lower)}, {TargetText.Value(Upper)}]";
}
