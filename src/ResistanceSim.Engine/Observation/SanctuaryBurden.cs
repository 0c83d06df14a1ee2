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
    /// Counts into <paramref name="imagedLesions"/> (<see cref="ImagedLesions"/> long) the cells of each sanctuary lesion a
    /// scan images apart — the followed metastases in order, or every sanctuary cell as one lesion when the sanctuary does
    /// not follow its lesions. The pool of later seeds is none of them: too small each to be
    /// seen as a lesion, its cells count in the rest of the tumour's burden (the sum of diameters), as a sanctuary's do
    /// when it is not imaged apart, so a pool that grows on is still seen.
    /// </summary>
    public static void Census(MechanismCatalog catalog, CloneState clones, Span<double> imagedLesions)
    {
        var layout = catalog.Layout;
        bool followed = layout.LesionCount > 0;
        imagedLesions.Clear();
        var cells = clones.Cells;
        var genotypes = clones.Genotype;
        for (int i = 0; i < cells.Length; i++)
        {
            if (cells[i] == 0 || !InSanctuary(catalog, genotypes[i])) continue;
            int lesion = followed ? layout.Lesion(genotypes[i]) : 1;
            if (lesion == 0) continue;
            imagedLesions[lesion - 1] += cells[i];
        }
    }
}
