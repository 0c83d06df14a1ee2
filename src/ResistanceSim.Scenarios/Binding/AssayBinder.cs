using ResistanceSim.Model;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Binding;

/// <summary>
/// Binds <c>assays:</c>, virtual viability assays (docs/protocols.md). The dilution is either listed
/// (<c>concentrations_nM</c>) or generated from <c>highest_nM</c>, <c>dilution</c> and <c>concentrations</c>.
/// </summary>
internal static class AssayBinder
{
    public static IReadOnlyList<ViabilityAssay> Bind(MapReader root, IReadOnlyDictionary<string, Drug> library, ISet<string> used)
    {
        var assays = new List<ViabilityAssay>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in root.SeqOfMaps("assays", required: false))
        {
            string name = r.String("name");
            if (!names.Add(name)) r.Report("name", $"is used by another assay ('{name}')");
            string drug = r.String("drug");
            if (drug.Length > 0 && !library.ContainsKey(drug))
                r.Report("drug", $"names unknown drug '{drug}'{KeySuggester.DidYouMean(drug, library.Keys)}");
            else used.Add(drug);
            var days = r.Doubles("days", Rules.NonNegative);
            IReadOnlyList<double> concentrations = r.Has("concentrations_nM")
                ? r.Doubles("concentrations_nM", Rules.Positive).Order().ToArray()
                : SerialDilution(r);
            int wells = r.Int("wells", Rules.InRange(1, 96), defaultValue: 3);
            long cellsPerWell = r.Long("cells_per_well", Rules.AtLeast(1), defaultValue: 5000);
            double hours = r.Double("hours", Rules.Positive, defaultValue: 72);
            r.Finish();
            assays.Add(new ViabilityAssay(name, drug, days.Order().ToArray(), concentrations, wells, cellsPerWell, hours / 24));
        }
        return assays;
    }

    /// <summary>The generated dilution, built only from values that passed their rules: a count of -1 or 2147483647
    /// must be reported, not handed to the generator (which would throw or allocate gigabytes).</summary>
    private static IReadOnlyList<double> SerialDilution(MapReader r)
    {
        int errorsBefore = r.Bag.ErrorCount;
        double highest = r.Double("highest_nM", Rules.Positive);
        double dilution = r.Double("dilution", Rules.GreaterThan(1), defaultValue: 3);
        int count = r.Int("concentrations", Rules.InRange(3, 24), defaultValue: 9);
        return r.Bag.ErrorCount == errorsBefore ? ViabilityAssay.SerialDilution(highest, dilution, count) : [];
    }
}
