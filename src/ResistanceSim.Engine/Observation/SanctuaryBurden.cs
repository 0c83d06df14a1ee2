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

    /// <summary>How many lesions a scan of the sanctuary sees apart: each followed metastasis, or one holding every cell.</summary>
    public static int ImagedLesions(MechanismCatalog catalog) => Math.Max(1, catalog.Layout.LesionCount);

    /// <summary>
    /// Counts the cells in sanctuary sites, and into <paramref name="imagedLesions"/> (<see cref="ImagedLesions"/> long)
    /// those of each lesion a scan sees: the followed metastases in order (the pool of later seeds, each of them too small
    /// to see, is in the total only), or every sanctuary cell as one lesion when the sanctuary does not follow its lesions.
    /// </summary>
    public static double Census(MechanismCatalog catalog, CloneState clones, Span<double> imagedLesions)
    {
        var layout = catalog.Layout;
        bool followed = layout.LesionCount > 0;
        imagedLesions.Clear();
        var cells = clones.Cells;
        var genotypes = clones.Genotype;
        double inSanctuaries = 0;
        for (int i = 0; i < cells.Length; i++)
        {
            if (cells[i] == 0 || !InSanctuary(catalog, genotypes[i])) continue;
            inSanctuaries += cells[i];
            int lesion = followed ? layout.Lesion(genotypes[i]) : 1;
            if (lesion > 0) imagedLesions[lesion - 1] += cells[i];
        }
        return inSanctuaries;
    }
}
