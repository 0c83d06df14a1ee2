using ResistanceSim.Model;
using ResistanceSim.Output.Reading;
using ResistanceSim.Plotting.Charts;

namespace ResistanceSim.Runs.Reporting;

/// <summary>
/// The Muller plot's input for one replicate: every clone of the <c>clones</c> table with its
/// counts from <c>trajectories</c> at each sample (0 while below the sampling threshold), coloured
/// by the family of the mechanism that sets it apart.
/// </summary>
internal static class MullerInputs
{
    public static MullerInput From(Scenario scenario, TableData totals, TableData clones, TableData trajectories, int replicate)
    {
        bool Mine(TableData t, int r) => t.Long("arm", r) == 0 && t.Long("point", r) == 0 && t.Long("replicate", r) == replicate;
        double[] times = [.. Enumerable.Range(0, totals.RowCount).Where(r => Mine(totals, r)).Select(r => totals.Double("time_days", r))];
        var timeIndex = new Dictionary<double, int>();
        for (int i = 0; i < times.Length; i++) timeIndex[times[i]] = i;

        var counts = new Dictionary<long, double[]>();
        for (int r = 0; r < trajectories.RowCount; r++)
        {
            if (!Mine(trajectories, r) || !timeIndex.TryGetValue(trajectories.Double("time_days", r), out int t)) continue;
            long id = trajectories.Long("clone_id", r);
            if (!counts.TryGetValue(id, out var series)) counts[id] = series = new double[times.Length];
            series[t] = trajectories.Double("cells", r);
        }

        var result = new List<MullerClone>();
        for (int r = 0; r < clones.RowCount; r++)
        {
            if (!Mine(clones, r)) continue;
            long id = clones.Long("clone_id", r);
            long? parent = clones[ "parent_id", r] is null ? null : clones.Long("parent_id", r);
            string genotype = clones.String("genotype", r) ?? "";
            result.Add(new MullerClone(id, parent, genotype, Family(clones, r), counts.TryGetValue(id, out var c) ? c : new double[times.Length]));
        }
        result.Sort((a, b) => a.Id.CompareTo(b.Id));
        return new MullerInput($"{scenario.Name}: clonal composition (replicate {replicate})", times, result);
    }

    /// <summary>Phenotype first (it is what the cell is doing now), then bypass, amplification, kinase mutation.</summary>
    private static string Family(TableData clones, int row)
    {
        if (IsTrue(clones["emt", row])) return "EMT";
        if (IsTrue(clones["autophagy", row])) return "autophagy";
        if (!string.IsNullOrEmpty(clones.String("bypass", row))) return "bypass";
        if (clones.Long("alk_copies", row) > 1) return "ALK amplification";
        if (!string.IsNullOrEmpty(clones.String("alk_mutations", row))) return "ALK mutation";
        return GenotypeDescription.ParentalLabel;
    }

    private static bool IsTrue(object? value) => value is true || (value is string text && text == "true");
}
