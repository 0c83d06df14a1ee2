using ResistanceSim.Engine.Random;
using ResistanceSim.Engine.Running;
using ResistanceSim.Engine.State;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Algorithms;

/// <summary>
/// Exact stochastic simulation: Gillespie's direct method (Gillespie 1977, J Phys Chem 81:2340)
/// with clone selection by Fenwick trees in O(log n). Use it for small populations, extinction
/// and pre-existing-resistance questions, and as the reference the other engines are tested
/// against; its cost grows with the number of events (≈ cells × rates × time).
/// <para>
/// Three trees hold per-clone weights β·n (birth, scaled by the global growth factor g(N)),
/// (δ+σ)·n (death and phenotype switching) and n (density-dependent death h(N)), so a change in
/// N never forces per-clone updates. Running totals are kept beside the trees and everything is
/// rebuilt from the exact weights every K events, so rounding drift stays bounded. Rates are
/// constant between the run's checkpoints; waiting past one is discarded (memorylessness makes
/// that exact).
/// </para>
/// </summary>
public sealed class DirectMethod : ISimulationAlgorithm, ICloneListener
{
    private readonly FenwickTree _birth = new();
    private readonly FenwickTree _other = new();
    private readonly FenwickTree _cells = new();
    private SimulationRun? _run;
    private double _birthTotal, _otherTotal;
    private long _eventsSinceRebuild;

    public EngineKind Kind => EngineKind.Exact;

    public ICloneListener Listener => this;

    /// <summary>Events simulated since the algorithm was created (for benchmarks).</summary>
    public long Events { get; private set; }

    public void Advance(SimulationRun run, double untilDay)
    {
        var clones = run.Clones;
        var growth = run.Growth;
        int refreshEvery = run.Scenario.Engine.FenwickRefreshEvents;
        double maxCells = run.Scenario.Stop.MaxCells;
        ref Xoshiro256StarStar rng = ref run.Random;

        while (true)
        {
            long n = clones.TotalCells;
            if (n == 0 || n >= maxCells) return;
            double g = growth.BirthFactor(n);
            double h = growth.DeathPerCell(n);
            double birthChannel = g * _birthTotal;
            double densityChannel = h * n;
            double total = birthChannel + _otherTotal + densityChannel;
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

            double u = rng.NextDouble() * total;
            if (u < birthChannel)
            {
                int i = _birth.Find(u / g);
                double mutation = clones.MutationProbability[i];
                if (mutation > 0 && rng.NextDouble() < mutation)
                    run.AddMutant(i, run.Mutations.Mutate(clones.Genotype[i], rng.NextDouble() * mutation));
                else
                    run.AddBirths(i, 1);
            }
            else if ((u -= birthChannel) < _otherTotal)
            {
                int i = _other.Find(u);
                double death = clones.Death[i];
                double uOther = rng.NextDouble() * (death + clones.Switch[i]);
                if (uOther < death) run.RemoveCells(i, 1);
                else run.SwitchPhenotype(i, run.ChoosePhenotypeSwitch(i, rng.NextDouble()), 1);
            }
            else
            {
                run.RemoveCells(_cells.Find((u - _otherTotal) / h), 1);
            }

            Events++;
            if (++_eventsSinceRebuild >= refreshEvery) Rebuild();
        }
    }

    public void Begin(SimulationRun run)
    {
        _run = run;
        Rebuild();
    }

    public void CloneChanged(int index)
    {
        if (_run is null) return;
        var clones = _run.Clones;
        if (index >= _birth.Size) GrowTo(clones.Count);
        long n = clones.Cells[index];
        SetWeights(index, clones.Birth[index] * n, (clones.Death[index] + clones.Switch[index]) * n, n);
    }

    public void CloneRetired(int index, int movedFrom)
    {
        if (_run is null) return;
        if (movedFrom >= 0)
        {
            SetWeights(index, _birth[movedFrom], _other[movedFrom], _cells[movedFrom]);
            SetWeights(movedFrom, 0, 0, 0);
        }
        else
        {
            SetWeights(index, 0, 0, 0);
        }
        int size = _run.Clones.Count;
        _birth.SetSize(size);
        _other.SetSize(size);
        _cells.SetSize(size);
    }

    public void AllRatesChanged()
    {
        if (_run is not null) Rebuild();
    }

    /// <summary>Reloads every weight from the run and recomputes the trees and totals exactly.</summary>
    public void Rebuild()
    {
        var clones = _run!.Clones;
        GrowTo(clones.Count);
        var cells = clones.Cells;
        for (int i = 0; i < clones.Count; i++)
        {
            long n = cells[i];
            _birth.Set(i, clones.Birth[i] * n);
            _other.Set(i, (clones.Death[i] + clones.Switch[i]) * n);
            _cells.Set(i, n);
        }
        _birth.Rebuild();
        _other.Rebuild();
        _cells.Rebuild();
        _birthTotal = _birth.ExactTotal();
        _otherTotal = _other.ExactTotal();
        _eventsSinceRebuild = 0;
    }

    /// <summary>Difference between the running totals and exact sums of the weights (the drift <see cref="Rebuild"/> removes).</summary>
    public double TotalDrift => Math.Abs(_birthTotal - _birth.ExactTotal()) + Math.Abs(_otherTotal - _other.ExactTotal());

    private void GrowTo(int size)
    {
        if (size == _birth.Size) return;
        _birth.SetSize(size);
        _other.SetSize(size);
        _cells.SetSize(size);
    }

    private void SetWeights(int index, double birth, double other, double cells)
    {
        _birthTotal += birth - _birth[index];
        _otherTotal += other - _other[index];
        _birth.Set(index, birth);
        _other.Set(index, other);
        _cells.Set(index, cells);
    }
}
