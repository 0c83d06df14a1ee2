using ResistanceSim.Model;

namespace ResistanceSim.Engine.Assays;

/// <summary>Names the catalog mechanisms a genotype carries, so a clone can seed another scenario's population.</summary>
public static class GenotypeMechanisms
{
    /// <summary>Mechanism names whose application to the parental genotype rebuilds <paramref name="genotype"/>
    /// (the amplification repeated once per copy gain event).</summary>
    public static IReadOnlyList<string> Of(MechanismCatalog catalog, ulong genotype)
    {
        var names = new List<string>();
        for (int m = 0; m < catalog.All.Count; m++)
        {
            var mechanism = catalog.All[m];
            if (!catalog.Carries(genotype, m)) continue;
            if (mechanism is AlkAmplification amplification)
            {
                int gained = catalog.Layout.AlkCopies(genotype) - 1;
                for (int i = 0; i < (gained + amplification.CopiesPerEvent - 1) / amplification.CopiesPerEvent; i++) names.Add(mechanism.Name);
            }
            else
            {
                names.Add(mechanism.Name);
            }
        }
        return names;
    }
}
