using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Culture;
using ResistanceSim.Engine.Random;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Assays;

/// <summary>One well of a virtual viability assay.</summary>
public readonly record struct WellReading(double ConcentrationNanoMolar, int Well, long CellsPlated, long CellsFinal);

/// <summary>
/// Runs a virtual viability assay on a population snapshot: every well (each concentration of the
/// dilution and vehicle, <see cref="ViabilityAssay.Wells"/> replicates) is plated with
/// <see cref="ViabilityAssay.CellsPerWell"/> cells drawn without replacement from the population, then grown
/// for <see cref="ViabilityAssay.DurationDays"/> as a small derived scenario: same cells, rates and
/// mechanisms, only the assay drug at a fixed medium concentration (fu = 1, no decay), no growth limit
/// (wells stay sub-confluent), lineages merged by genotype. Each well runs on the scenario's engine
/// with its own stream derived from the plating stream, so readings are reproducible.
/// </summary>
public sealed class ViabilityAssayRunner(Scenario parent, ViabilityAssay assay)
{
    private readonly Drug _drug = parent.Drugs[assay.Drug] with { Pk = InVitroPk.Stable, FreeFraction = 1.0 };
    private readonly AlgorithmInfo _algorithm = Algorithms.Algorithms.Get(parent.Engine.Engine);

    public ViabilityAssay Assay { get; } = assay;

    /// <summary>Plates and reads every well; vehicle wells have concentration 0. <paramref name="plating"/> is the
    /// <see cref="RandomStreams.AssayPlatingPurpose"/> stream of the work unit.</summary>
    public IReadOnlyList<WellReading> Measure(ReadOnlySpan<ulong> genotypes, ReadOnlySpan<long> cells, ref Xoshiro256StarStar plating)
    {
        long total = 0;
        foreach (long c in cells) total += c;
        var readings = new List<WellReading>();
        if (total == 0) return readings;
        long perWell = Math.Min(Assay.CellsPerWell, total);
        var drawn = new long[cells.Length];
        var engine = _algorithm.Create();
        ulong wellSeed = plating.NextUInt64();
        int wellIndex = 0;
        foreach (double concentration in (double[])[0, .. Assay.ConcentrationsNanoMolar])
        {
            for (int w = 0; w < Assay.Wells; w++)
            {
                PassageSplitter.Draw(ref plating, cells, perWell, drawn);
                var well = WellScenario(genotypes, drawn, concentration, wellSeed);
                var run = new SimulationRun(well);
                Simulator.Run(run, engine, new WorkUnit(0, 0, wellIndex++), observer: null);
                readings.Add(new WellReading(concentration, w, perWell, run.Clones.TotalCells));
            }
        }
        return readings;
    }

    private Scenario WellScenario(ReadOnlySpan<ulong> genotypes, ReadOnlySpan<long> drawn, double concentration, ulong seed)
    {
        var initial = new List<InitialClone>();
        for (int i = 0; i < genotypes.Length; i++)
            if (drawn[i] > 0) initial.Add(new InitialClone(GenotypeMechanisms.Of(parent.Catalog, genotypes[i]), drawn[i]));
        var population = parent.Population with { Initial = initial, GrowthLimit = GrowthLimit.None, Lineage = LineageMode.PerGenotype };
        DrugExposure[] exposures = concentration > 0 ? [new FixedConcentration(_drug.Name, concentration)] : [];
        return new Scenario($"{parent.Name}-assay", "virtual viability well", seed, 1, parent.Engine, population, parent.Catalog,
            new Dictionary<string, Drug> { [_drug.Name] = _drug }, new Protocol([new ContinuousPhase(Assay.DurationDays, exposures)]),
            new Sampling(Assay.DurationDays, long.MaxValue), new StopRule(Assay.DurationDays, double.PositiveInfinity, false, StopRule.DefaultProgressionFold));
    }
}
