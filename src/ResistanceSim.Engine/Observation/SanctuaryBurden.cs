using ResistanceSim.Engine.State;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Observation;

/// <summary>
/// The cells in sanctuary sites (such as the brain): those carrying any <c>kind: sanctuary</c> mechanism. Scans that
/// image sanctuaries on their own and rebiopsies that sample only systemic lesions both ask which cells these are.
/// </summary>
public static class SanctuaryBurden
{
    public static bool InSanctuary(MechanismCatalog catalog, ulong genotype) => (genotype & catalog.SanctuaryBits) != 0;

    /// <summary>
    /// How many lesions a scan of the sanctuaries sees apart: each metastasis of the one that follows its lesions, and
    /// one lesion holding every cell of each other sanctuary site (at least one entry, for a catalog with none).
    /// </summary>
    public static int ImagedLesions(MechanismCatalog catalog) =>
        Math.Max(1, catalog.Layout.LesionNumbers + catalog.WholeSanctuaryBits.Count);

    /// <summary>
    /// Counts into <paramref name="imagedLesions"/> (<see cref="ImagedLesions"/> long) the cells of each sanctuary lesion a
    /// scan images apart — the followed metastases by number (seeds, then those founded by a mutation in the pool), then
    /// every cell of each sanctuary that does not follow its lesions as one lesion — and returns the cells of the pool of
    /// later seeds, which is none of them: many metastases, each too small to be seen.
    /// </summary>
    public static double Census(MechanismCatalog catalog, CloneState clones, Span<double> imagedLesions)
    {
        imagedLesions.Clear();
        double pool = 0;
        var cells = clones.Cells;
        var genotypes = clones.Genotype;
        for (int i = 0; i < cells.Length; i++)
        {
            if (cells[i] == 0) continue;
            int lesion = LesionOf(catalog, genotypes[i]);
            if (lesion == Pool) pool += cells[i];
            else if (lesion != OutsideSanctuary) imagedLesions[lesion - 1] += cells[i];
        }
        return pool;
    }

    /// <summary><see cref="LesionOf"/> of a cell outside every sanctuary.</summary>
    public const int OutsideSanctuary = -1;

    /// <summary><see cref="LesionOf"/> of a cell in the pool of later seeds, which no scan images.</summary>
    public const int Pool = 0;

    /// <summary>
    /// The sanctuary lesion a genotype's cells are in, numbered from 1 as <see cref="Census"/> fills them (a sanctuary
    /// that does not follow its lesions is one lesion holding every cell of the site; a cell is in one site at a time);
    /// <see cref="Pool"/> or <see cref="OutsideSanctuary"/>.
    /// </summary>
    public static int LesionOf(MechanismCatalog catalog, ulong genotype)
    {
        if (!InSanctuary(catalog, genotype)) return OutsideSanctuary;
        var layout = catalog.Layout;
        if (layout.InLesionSite(genotype)) return layout.Lesion(genotype);
        var sites = catalog.WholeSanctuaryBits;
        int site = 0;
        while ((genotype & sites[site]) == 0) site++;
        return layout.LesionNumbers + site + 1;
    }

    /// <summary>
    /// A scan's census (<see cref="Census"/>): fills <paramref name="imagedLesions"/> and returns the cells the scan sees
    /// nowhere, to leave out of the sum of diameters — the pool's, while any lesion of the sanctuary has cells. Each of
    /// the pool's many metastases is smaller than any followed one, so a followed one is seen first; with none left the
    /// pool counts in the sum, so it cannot grow unseen.
    /// </summary>
    public static double UnseenByScan(MechanismCatalog catalog, CloneState clones, Span<double> imagedLesions)
    {
        double pool = Census(catalog, clones, imagedLesions);
        return Spans.Sum(imagedLesions) > 0 ? pool : 0;
    }
}
