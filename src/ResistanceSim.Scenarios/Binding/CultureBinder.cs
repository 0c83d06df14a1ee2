using ResistanceSim.Model;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Binding;

/// <summary>Binds <c>passaging:</c> (split 1:k at a fraction of the culture capacity).</summary>
internal static class CultureBinder
{
    public static Passaging? BindPassaging(MapReader root, double capacityCells)
    {
        if (root.OptionalMap("passaging") is not { } r) return null;
        double fraction = r.Double("at_confluence_fraction", Rules.InRange(0, 1, lowInclusive: false), defaultValue: 0.8);
        int split = r.Int("split_ratio", Rules.AtLeast(2));
        if (!double.IsFinite(capacityCells))
            r.Report("split_ratio", "needs a culture capacity: set population.growth_limit.capacity_cells");
        r.Finish();
        return new Passaging(fraction, split);
    }
}
