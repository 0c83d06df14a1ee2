using ResistanceSim.Engine.Pharmacodynamics;
using ResistanceSim.Engine.Running;
using ResistanceSim.Engine.State;
using ResistanceSim.Model;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Trials;

/// <summary>
/// A sanctuary that follows its metastases (<c>lesions: K</c>): the first K seeds each found a lesion of their own, kept
/// by every descendant, later seeds join one pool, the first K mutants that arise in the pool found lesions of their
/// own after them, and the followed lesions see the drug through their own exposure.
/// </summary>
public class SanctuaryLesionFoundingTests
{
    private const int Lesions = 8;

    // About 3e5 divisions to detection at 1e5 cells, so about 300 seeds at 1e-3 per division: far more than K.
    internal const string BrainCatalog = """
        catalog:
          EGFR_activation: { kind: bypass, pathway: EGFR, activity: 0.8, probability_per_division: 2.0e-5, fitness_cost: 0.01 }
          brain: { kind: sanctuary, probability_per_division: 1.0e-3, lesions: 8, exposure_fold_change: { tki: 0.01 }, lesion_exposure_fold_change: { tki: 1.0 } }
        mechanisms: [EGFR_activation, brain]
        """;

    internal static string Yaml(string arms) =>
        TrialScenarios.Header.Replace("""
            catalog:
              EGFR_activation: { kind: bypass, pathway: EGFR, activity: 0.8, probability_per_division: 2.0e-5, fitness_cost: 0.01 }
            mechanisms: [EGFR_activation]
            """, BrainCatalog, StringComparison.Ordinal)
        + TrialScenarios.Cohort.Replace("cells_per_cm3: 1.0e5 }", "cells_per_cm3: 1.0e5, new_lesion_mm: 5 }", StringComparison.Ordinal)
        + arms;

    [Theory]
    [InlineData("exact", 2.0e-5)]
    [InlineData("tau", 2.0e-5)]
    [InlineData("hybrid", 2.0e-5)]
    [InlineData("hybrid", 2.0e-3)]   // mutants arise in the pool often enough to use up its lesion numbers
    public void SeedsThenMutantsArisingInThePoolFoundLesionsInOrder(string engine, double bypassRate)
    {
        var loaded = TrialScenarios.Load(Yaml(TrialScenarios.TwoArms)
            .Replace("engine: hybrid", "engine: " + engine, StringComparison.Ordinal)
            .Replace("probability_per_division: 2.0e-5", "probability_per_division: " + bypassRate.ToString("R", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Contains(loaded.Scenario.Catalog.All, m => m is Sanctuary { Lesions: Lesions });
        var scenario = loaded.ScenarioFor(0, 0);
        var run = new SimulationRun(scenario);
        Simulator.Run(run, EngineRunner.Named(engine).Create(), new WorkUnit(0, 0, 0), observer: null);

        var layout = scenario.Catalog.Layout;
        var registry = run.Registry;
        var seeds = new List<int>();
        var bornInPool = new List<int>();
        for (int id = 0; id < registry.Count; id++)
        {
            int parent = registry.Parent[id];
            if (parent < 0) continue;
            if (layout.Seeds(registry.Genotype[parent], registry.Genotype[id])) seeds.Add(layout.Lesion(registry.Genotype[id]));
            else if (layout.InPool(registry.Genotype[parent])) bornInPool.Add(layout.Lesion(registry.Genotype[id]));
        }
        Assert.Equal(Enumerable.Range(1, Lesions), seeds.Take(Lesions));
        Assert.All(seeds.Skip(Lesions), lesion => Assert.Equal(0, lesion));
        Assert.NotEmpty(seeds.Skip(Lesions));
        // A mutant arising in the pool founds the next number after the seeds' while numbers are left, then stays in the pool.
        int numbered = Math.Min(bornInPool.Count, Lesions);
        Assert.Equal(Enumerable.Range(Lesions + 1, numbered), bornInPool.Take(numbered));
        Assert.All(bornInPool.Skip(Lesions), lesion => Assert.Equal(0, lesion));
        Assert.Equal(Lesions + numbered, registry.LesionsFounded);
        if (bypassRate > 1e-4) Assert.True(bornInPool.Count > Lesions, $"{bornInPool.Count} mutants arose in the pool");

        // Every clone in a lesion descends from the founding of that lesion: its seed, or its mutant born in the pool.
        for (int i = 0; i < run.Clones.Count; i++)
        {
            int lesion = layout.Lesion(run.Clones.Genotype[i]);
            int id = run.Clones.RegistryId[i];
            while (registry.Parent[id] >= 0 && layout.Lesion(registry.Genotype[registry.Parent[id]]) == lesion) id = registry.Parent[id];
            if (lesion == 0) continue;
            ulong founder = registry.Genotype[registry.Parent[id]];
            Assert.True(lesion <= Lesions ? layout.Seeds(founder, registry.Genotype[id]) : layout.InPool(founder), $"lesion {lesion}");
        }
    }

    [Fact]
    public void AFollowedLesionSeesTheDrugThroughItsOwnExposureAndThePoolThroughTheSites()
    {
        var scenario = TrialScenarios.Load(Yaml(TrialScenarios.TwoArms)).Scenario;
        var layout = scenario.Catalog.Layout;
        var signal = new SignalModel(scenario);
        var concentrations = new double[signal.DrugCount];
        concentrations[scenario.DrugList.Select(d => d.Name).ToList().IndexOf("tki")] = 300;
        int brain = scenario.Catalog.OtherHeritable.Select(m => m.Name).ToList().IndexOf("brain");
        ulong pool = layout.WithOther(GenotypeLayout.Parental, brain);
        double body = signal.Evaluate(GenotypeLayout.Parental, concentrations).Birth;
        double inPool = signal.Evaluate(pool, concentrations).Birth;
        double inLesion = signal.Evaluate(layout.WithLesion(pool, 3), concentrations).Birth;
        Assert.Equal(body, inLesion);   // fold 1.0: as the body
        Assert.True(inPool > 1.5 * inLesion, $"pool {inPool}, lesion {inLesion}");
    }
}
