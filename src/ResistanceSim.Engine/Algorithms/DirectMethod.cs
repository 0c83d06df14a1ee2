using ResistanceSim.Engine.Random;
using ResistanceSim.Engine.Running;
using ResistanceSim.Engine.State;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Algorithms;

/// <summary>
/// Exact stochastic simulation: Gillespie's direct method (Gillespie 1977, J Phys Chem 81:2340)
/// with clone selection by a Fenwick tree in O(log n). Use it for small populations, extinction
/// and pre-existing-resistance questions, and as the reference the other engines are tested
/// against; its cost grows with the number of events (≈ cells × rates × time).
/// <para>
/// One tree holds each clone's total per-cell rate times its cells, (β + δ + σ + ν)·n, with β the
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
    private readonly FenwickTree _rates = new();
    private readonly FenwickTree _cells = new();
    private SimulationRun? _run;
    private bool _densityDeath;
    private double _ratesTotal;
    private long _eventsSinceRebuild;

    public EngineKind Kind => EngineKind.Exact;

    public ICloneListener Listener => this;

    /// <summary>Events (including null events from thinning) simulated since the algorithm was created, for benchmarks.</summary>
    public long Events { get; private set; }

    public void Begin(SimulationRun run)
    {
        _run = run;
        _densityDeath = run.Scenario.Population.GrowthLimit.Kind == GrowthLimitKind.Mcfarland;
        Rebuild();
    }

    public void Advance(SimulationRun run, double untilDay)
    {
        var clones = run.Clones;
        var growth = run.Growth;
        int refreshEvery = run.Scenario.Engine.FenwickRefreshEvents;
        double maxCells = run.SizeLimit;
        ref Xoshiro256StarStar rng = ref run.Random;

        while (true)
        {
            long n = clones.TotalCells;
            if (n == 0 || n >= maxCells) return;
            double densityChannel = _densityDeath ? growth.DeathPerCell(n) * n : 0;
            double total = _ratesTotal + densityChannel;
            if (!(total > 0))
            {
                run.Day = untilDay;
                return;
            }
            double next = run.Day + Samplers.Exponential(ref rng, total);
            if (next > untilDay)
            {
                run.Day = untilDay;
                return;
            }
            run.Day = next;
            CancellationCheck.AfterEvent(++Events, run.Cancellation);
            if (++_eventsSinceRebuild >= refreshEvery) Rebuild();

            double u = rng.NextDouble() * total;
            if (u >= _ratesTotal)
            {
                run.RemoveCells(_cells.Find((u - _ratesTotal) / densityChannel * n), 1);
                continue;
            }
            int i = _rates.Find(u);
            double birth = clones.Birth[i], death = clones.Death[i], switching = clones.Switch[i];
            // Which of the clone's channels fired, in proportion to their per-cell rates.
            double channel = rng.NextDouble() * PerCellRate(clones, i);
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

    /// <summary>β + δ + σ + ν: everything a cell of clone <paramref name="i"/> can do, before growth limitation.</summary>
    private static double PerCellRate(CloneState clones, int i) =>
        clones.Birth[i] + clones.Death[i] + clones.Switch[i] + clones.MutationPerDay[i];

    public void CloneChanged(int index)
    {
        if (_run is null) return;
        var clones = _run.Clones;
        if (index >= _rates.Size) Resize(clones.Count);
        long n = clones.Cells[index];
        SetWeights(index, PerCellRate(clones, index) * n, n);
    }

    public void CloneRetired(int index, int movedFrom)
    {
        if (_run is null) return;
        if (movedFrom >= 0)
        {
            SetWeights(index, _rates[movedFrom], _densityDeath ? _cells[movedFrom] : 0);
            SetWeights(movedFrom, 0, 0);
        }
        else
        {
            SetWeights(index, 0, 0);
        }
        Resize(_run.Clones.Count);
    }

    public void AllRatesChanged()
    {
        if (_run is not null) Rebuild();
    }

    /// <summary>Reloads every weight from the run and recomputes the trees and the running total exactly.</summary>
    public void Rebuild()
    {
        var clones = _run!.Clones;
        Resize(clones.Count);
        var cells = clones.Cells;
        for (int i = 0; i < clones.Count; i++)
        {
            long n = cells[i];
            _rates.Set(i, PerCellRate(clones, i) * n);
            if (_densityDeath) _cells.Set(i, n);
        }
        _rates.Rebuild();
        if (_densityDeath) _cells.Rebuild();
        _ratesTotal = _rates.ExactTotal();
        _eventsSinceRebuild = 0;
    }

    /// <summary>Difference between the running total and the exact sum of the weights (the drift <see cref="Rebuild"/> removes).</summary>
    public double TotalDrift => Math.Abs(_ratesTotal - _rates.ExactTotal());

    private void Resize(int size)
    {
        if (size == _rates.Size) return;
        _rates.SetSize(size);
        if (_densityDeath) _cells.SetSize(size);
    }

    private void SetWeights(int index, double rate, double cells)
    {
        _ratesTotal += rate - _rates[index];
        _rates.Set(index, rate);
        if (_densityDeath) _cells.Set(index, cells);
    }
}
