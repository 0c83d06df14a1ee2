using ResistanceSim.Engine.Random;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Algorithms;

/// <summary>
/// Exact stochastic simulation: Gillespie's direct method (Gillespie 1977, J Phys Chem 81:2340)
/// with clone selection by a Fenwick tree in O(log n). Use it for small populations, extinction
/// and pre-existing-resistance questions, and as the reference the other engines are tested
/// against; its cost grows with the number of events (≈ cells × rates × time).
/// <para>
/// A <see cref="CloneRateIndex"/> holds each clone's total per-cell rate times its cells, (β + δ + σ + ν)·n, with β the
/// birth rate before growth limitation and ν the rate of mutants arising per unit time. Growth limitation g(N) ≤ 1 is applied by thinning: a
/// proposed birth happens with probability g(N) and is otherwise a null event, which keeps the
/// method exact (Lewis &amp; Shedler 1979) while a change in N never touches per-clone weights.
/// Density-dependent death h(N) (McFarland) has its own channel over a tree of cell counts,
/// kept only when the scenario uses it. A running total sits beside each tree and everything is
/// rebuilt from the exact weights every K events, so rounding drift stays bounded. Rates are
/// constant between the run's checkpoints; a waiting time that passes one is discarded
/// (memorylessness makes that exact).
/// </para>
/// </summary>
public sealed class DirectMethod : ISimulationAlgorithm, ICloneListener
{
    private readonly CloneRateIndex _index = new();

    public EngineKind Kind => EngineKind.Exact;

    public ICloneListener Listener => this;

    /// <summary>Events (including null events from thinning) simulated since the algorithm was created, for benchmarks.</summary>
    public long Events => _index.Events;

    public void Begin(SimulationRun run) => _index.Begin(run);

    public void Advance(SimulationRun run, double untilDay)
    {
        var clones = run.Clones;
        var growth = run.Growth;
        ref Xoshiro256StarStar rng = ref run.Random;

        while (true)
        {
            int i = _index.NextEvent(run, untilDay, ref rng, out bool densityDeath);
            if (i < 0) return;
            if (densityDeath)
            {
                run.RemoveCells(i, 1);
                continue;
            }
            long n = clones.TotalCells;
            double birth = clones.Birth[i], death = clones.Death[i], switching = clones.Switch[i];
            // Which of the clone's channels fired, in proportion to their per-cell rates.
            double channel = rng.NextDouble() * _index.PerCellRate(clones, i);
            if (channel < birth)
            {
                if (rng.NextDouble() >= growth.BirthFactor(n)) continue;   // thinned: no event
                double mutation = clones.MutationProbability[i];
                if (mutation > 0 && rng.NextDouble() < mutation)
                    run.AddMutant(i, run.Mutations.PerDivision.Mutate(clones.Genotype[i], rng.NextDouble() * mutation));
                else
                    run.AddBirths(i, 1);
            }
            else if (channel < birth + death)
            {
                run.RemoveCells(i, 1);
            }
            else if (channel < birth + death + switching)
            {
                run.SwitchPhenotype(i, run.ChoosePhenotypeSwitch(i, rng.NextDouble()), 1);
            }
            else
            {
                // A mutant arising per unit time; the excess is uniform on [0, ν) and chooses the mechanism.
                run.AddMutant(i, run.Mutations.PerDay.Mutate(clones.Genotype[i], channel - (birth + death + switching)));
            }
        }
    }

    public void CloneChanged(int index) => _index.CloneChanged(index);

    public void CloneRetired(int index, int movedFrom) => _index.CloneRetired(index, movedFrom);

    public void AllRatesChanged() => _index.AllRatesChanged();

    /// <summary>Reloads every weight from the run and recomputes the trees and the running total exactly.</summary>
    public void Rebuild() => _index.Rebuild();

    /// <summary>Difference between the running total and the exact sum of the weights (the drift <see cref="Rebuild"/> removes).</summary>
    public double TotalDrift => _index.TotalDrift;
}
