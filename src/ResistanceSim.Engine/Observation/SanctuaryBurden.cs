using ResistanceSim.Engine.State;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Observation;

/// <summary>
/// The cells in sanctuary sites (such as the brain): those carrying any <c>kind: sanctuary</c> mechanism. Scans that
/// image sanctuaries on their own and rebiopsies that sample only systemic lesions both ask which cells these are.
/// </summary>
public static class SanctuaryBurden
{
    public static bool InSanctuary(MechanismCatalog catalog, ulong genotype)
    {
        int count = Math.Min(catalog.All.Count, 64);
        for (int m = 0; m < count; m++)
            if (catalog.All[m] is Sanctuary && catalog.Carries(genotype, m)) return true;
        return false;
    }

    public static long Cells(MechanismCatalog catalog, CloneState clones)
    {
        var cells = clones.Cells;
        var genotypes = clones.Genotype;
        long inSanctuaries = 0;
        for (int i = 0; i < cells.Length; i++)
            if (cells[i] > 0 && InSanctuary(catalog, genotypes[i])) inSanctuaries += cells[i];
        return inSanctuaries;
    }
}
