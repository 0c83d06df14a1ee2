using System.Runtime.CompilerServices;
using ResistanceSim.Engine.Random;
using ResistanceSim.Engine.Running;
using ResistanceSim.Engine.State;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Algorithms;

/// <summary>
/// Exact stochastic simulation: Gillespie's direct method (Gillespie 1977, J Phys Chem 81:2340)
/// with clone selection by composition–rejection in O(1) (Slepoy, Thompson &amp; Plimpton 2008). Use it for small populations, extinction
/// and pre-existing-resistance questions, and as the reference the other engines are tested
/// against; its cost grows with the number of events (≈ cells × rates × time).
/// <para>
/// A <see cref="CloneRateIndex"/> holds each clone's total per-cell rate times its cells, (β + δ + σ + ν)·n, with β the
/// birth rate before growth limitation and ν the rate of mutants arising per unit time. Growth limitation g(N) ≤ 1 is applied by thinning: a
/// proposed birth happens with probability g(N) and is otherwise a null event, which keeps the
/// method exact (Lewis &amp; Shedler 1979) while a change in N never touches per-clone weights. One uniform chooses the
/// clone and then, reused, its channel — birth below β·g(N), a thinned birth up to β, then death, switching and
/// mutation per unit time — so an event costs the waiting time, that uniform and, for a birth that can mutate, one more.
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

    /// <summary>A new run starts: the index stops following the last one until <see cref="Begin"/>.</summary>
    public void Attach(SimulationRun run)
    {
        run.Agents = null;
        _index.Detach();
    }

    public void Begin(SimulationRun run) => _index.Begin(run);

    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public void Advance(SimulationRun run, double untilDay)
    {
        var clones = run.Clones;
        var growth = run.Growth;
        bool thinsBirths = growth.ThinsBirths;
        // A local copy of the run's generator (nothing this loop calls draws from the run's), so its state can live
        // in registers instead of being loaded and stored through the run on every draw; written back on return (a
        // cancelled run, which leaves by an exception, is discarded).
        var rng = run.Random;

        while (true)
        {
            int i = _index.NextEvent(run, untilDay, ref rng, out bool densityDeath, out double channel);
            if (i < 0)
            {
                run.Random = rng;
                return;
            }
            if (densityDeath)
            {
                run.RemoveCells(i, 1);
                continue;
            }
            double birth = clones.Birth[i], death = clones.Death[i], switching = clones.Switch[i];
            // Which of the clone's channels fired, in proportion to their rates: channel is uniform on [0, (β + δ + σ
            // + ν)·n), so each rate is compared times the clone's n cells (no division on the way).
            double n = clones.Cells[i];
            if (!thinsBirths && OnlyBirthOrDeath(clones, i, switching))
            {
                // Birth or death (births unthinned): chosen by a select, not a branch, since at b ≈ d the choice is a
                // coin toss that a branch predictor gets wrong half the time. Same comparison, same outcome.
                run.ChangeCells(i, BirthOrDeath(channel, birth * n));
                continue;
            }
            if (channel < birth * n)
            {
                if (channel >= birth * growth.BirthFactor(clones.TotalCells) * n) continue;   // thinned: no event
                double mutation = clones.MutationProbability[i];
                if (mutation > 0 && rng.NextDouble() < mutation)
                    run.AddMutant(i, run.Mutations.PerDivision.Mutate(clones.Genotype[i], rng.NextDouble() * mutation));
                else
                    run.AddBirths(i, 1);
            }
            else if (channel < (birth + death) * n)
            {
                run.RemoveCells(i, 1);
            }
            else if (channel < (birth + death + switching) * n)
            {
                run.SwitchPhenotype(i, run.ChoosePhenotypeSwitch(i, rng.NextDouble()), 1);
            }
            else if (clones.MutationPerDay[i] > 0)
            {
                // A mutant arising per unit time; the excess is uniform on [0, ν) and chooses the mechanism.
                run.AddMutant(i, run.Mutations.PerDay.Mutate(clones.Genotype[i], channel / n - (birth + death + switching)));
            }
            // Otherwise rounding put the channel past a clone's last channel (the weight and these products are
            // rounded apart): a null event, with probability of order 1e-16.
        }
    }

    /// <summary>
    /// +1 (a birth) when <paramref name="channel"/> &lt; <paramref name="births"/>, else −1 (a death), from the sign bit
    /// of their difference: the JIT turns the plain comparison into a branch, and this choice is a coin toss.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long BirthOrDeath(double channel, double births) =>
        -1 - 2 * (BitConverter.DoubleToInt64Bits(channel - births) >> 63);

    /// <summary>Whether a cell of clone <paramref name="i"/> can only divide without mutating or die: no switching, no mutation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool OnlyBirthOrDeath(CloneState clones, int i, double switching) =>
        switching == 0 && clones.MutationProbability[i] == 0 && clones.MutationPerDay[i] == 0;

    public void CloneChanged(int index) => _index.CloneChanged(index);

    public void CloneRetired(int index, int movedFrom) => _index.CloneRetired(index, movedFrom);

    public void AllRatesChanged() => _index.AllRatesChanged();

    /// <summary>Reloads every weight from the run and recomputes the trees and the running total exactly.</summary>
    public void Rebuild() => _index.Rebuild();

    /// <summary>Difference between the running total and the exact sum of the weights (the drift <see cref="Rebuild"/> removes).</summary>
    public double TotalDrift => _index.TotalDrift;
}
