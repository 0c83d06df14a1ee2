using ResistanceSim.Engine.State;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Observation;

/// <summary>
/// The mechanisms a rebiopsy at progression reports (docs/trials.md, "Mechanisms at progression"): those carried by at
/// least the cohort's share of the cells. A biopsy samples a systemic lesion, not a sanctuary such as the brain, so a
/// mechanism is judged against the cells outside sanctuaries; a sanctuary itself is judged against all cells (the scan
/// shows where the tumour grows). When every cell is in a sanctuary, all cells are the sample.
/// </summary>
public static class ProgressionBiopsy
{
    public static ulong MechanismsSeen(MechanismCatalog catalog, CloneState clones, double share)
    {
        var cells = clones.Cells;
        var genotypes = clones.Genotype;
        int count = Math.Min(catalog.All.Count, 64);
        long total = 0, sampled = 0;
        Span<long> carryingAll = stackalloc long[count];
        Span<long> carryingSampled = stackalloc long[count];
        for (int i = 0; i < cells.Length; i++)
        {
            if (cells[i] == 0) continue;
            bool inSanctuary = SanctuaryBurden.InSanctuary(catalog, genotypes[i]);
            total += cells[i];
            if (!inSanctuary) sampled += cells[i];
            for (int m = 0; m < count; m++)
            {
                if (!catalog.Carries(genotypes[i], m)) continue;
                carryingAll[m] += cells[i];
                if (!inSanctuary) carryingSampled[m] += cells[i];
            }
        }
        if (total == 0) return 0;
        ulong seen = 0;
        for (int m = 0; m < count; m++)
        {
            bool judgedOnAll = catalog.All[m] is Sanctuary || sampled == 0;
            long carrying = judgedOnAll ? carryingAll[m] : carryingSampled[m];
            long sample = judgedOnAll ? total : sampled;
            if (carrying >= share * sample) seen |= 1UL << m;
        }
        return seen;
    }
}
