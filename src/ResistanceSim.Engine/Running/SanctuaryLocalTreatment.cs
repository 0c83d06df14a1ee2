using ResistanceSim.Engine.Observation;
using ResistanceSim.Engine.Random;
using ResistanceSim.Model.Clinical;

namespace ResistanceSim.Engine.Running;

/// <summary>
/// Local treatment of a patient's sanctuary lesions before the studied line (<see cref="SanctuaryLocalTherapy"/>): a
/// treated patient's lesions that a scan sees now lose each cell with probability 1 − surviving fraction (one binomial
/// draw per clone); lesions too small to be seen, and the pool of later seeds, are not treated, as radiotherapy aims at
/// the metastases imaging found.
/// </summary>
internal static class SanctuaryLocalTreatment
{
    /// <summary>Treats <paramref name="run"/>'s visible sanctuary lesions if this patient is among the treated; returns how many.</summary>
    /// <param name="rng">This patient's own stream for it, the same in every arm (common random numbers).</param>
    /// <param name="lesionCells">Scratch of <see cref="SanctuaryBurden.ImagedLesions"/> entries.</param>
    public static int Apply(SimulationRun run, SanctuaryLocalTherapy therapy, TumourImaging imaging, ref Xoshiro256StarStar rng, Span<double> lesionCells)
    {
        if (!(rng.NextDouble() < therapy.Share)) return 0;
        var catalog = run.Scenario.Catalog;
        SanctuaryBurden.Census(catalog, run.Clones, lesionCells);
        int treated = 0;
        foreach (double cells in lesionCells)
            if (imaging.SanctuaryLesionMm(cells) > 0) treated++;
        if (treated == 0) return 0;

        var genotypes = run.Clones.Genotype;
        for (int i = 0; i < run.Clones.Count; i++)
        {
            int lesion = SanctuaryBurden.LesionOf(catalog, genotypes[i]);
            if (lesion <= SanctuaryBurden.Pool || imaging.SanctuaryLesionMm(lesionCells[lesion - 1]) == 0) continue;
            long cells = run.Clones.Cells[i];
            run.AdjustCells(i, Samplers.Binomial(ref rng, cells, therapy.SurvivingFraction) - cells);
        }
        run.RetireEmptyClones();
        return treated;
    }
}
