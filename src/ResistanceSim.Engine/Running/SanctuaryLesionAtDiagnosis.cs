using ResistanceSim.Engine.Observation;
using ResistanceSim.Engine.Random;
using ResistanceSim.Model.Clinical;

namespace ResistanceSim.Engine.Running;

/// <summary>
/// Places, at diagnosis, the sanctuary lesion some patients already carry (<see cref="SanctuaryAtDiagnosis"/>): whether
/// this patient has one and its diameter come from the history's own stream (so every arm, which shares the history,
/// sees the same lesion); its cells are drawn from the clones outside any sanctuary in proportion to their sizes (a
/// Poisson count per clone, so resistant subclones are carried at the primary's frequency) and added as the same
/// genotypes in the sanctuary — the next lesion of a sanctuary that follows its lesions, else its pool.
/// </summary>
internal static class SanctuaryLesionAtDiagnosis
{
    /// <summary>Adds the lesion to <paramref name="run"/>'s tumour if this patient has one.</summary>
    public static void Place(SimulationRun run, SanctuaryAtDiagnosis lesion, TumourImaging imaging)
    {
        if (!(run.Random.NextDouble() < lesion.Share)) return;
        double cells = TumourBurdenConversion.LesionCells(lesion.DiameterMm(run.Random.NextDouble()), imaging.CellsPerCubicCentimetre);
        var catalog = run.Scenario.Catalog;
        var clones = run.Clones;
        long outside = 0;
        for (int i = 0; i < clones.Count; i++)
            if (!SanctuaryBurden.InSanctuary(catalog, clones.Genotype[i])) outside += clones.Cells[i];
        if (outside == 0) return;

        ulong site = run.GenotypeOf([lesion.Mechanism]);
        int lesionNumber = -1;   // founded with the first clone that carries cells there
        int existing = clones.Count;   // clones founded below are appended after these
        for (int i = 0; i < existing; i++)
        {
            ulong genotype = clones.Genotype[i];
            if (SanctuaryBurden.InSanctuary(catalog, genotype)) continue;
            long count = Samplers.Poisson(ref run.Random, cells * clones.Cells[i] / outside);
            if (count == 0) continue;
            ulong seeded = genotype | site;
            if (lesionNumber < 0)
                lesionNumber = run.Layout.Seeds(genotype, seeded) && run.Registry.LesionsFounded < run.Layout.LesionCount ? run.Registry.FoundLesion() : 0;
            if (lesionNumber > 0) seeded = run.Layout.WithLesion(seeded, lesionNumber);
            run.AddDescendants(i, seeded, count);
        }
    }
}
