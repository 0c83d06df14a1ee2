using System.Runtime.CompilerServices;
using ResistanceSim.Engine.Random;
using ResistanceSim.Engine.Running;
using ResistanceSim.Engine.State;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Algorithms;

/// <summary>
/// The event-by-event engines' index of what each clone can do: composition–rejection sampling over the clones' total
/// rates (k·β + δ + σ + ν)·n, so a clone is chosen and updated in O(1), plus a Fenwick tree of cell counts for
/// density-dependent death (kept only when the scenario uses it). β is the birth rate before growth limitation, ν the rate of mutants
/// arising per unit time, and k the birth channel's weight: 1 for the exact engine, the number of cell-cycle
/// stages for the agent engine (each stage completes at k·β, so a whole cycle takes 1/β on average). A running
/// total sits beside the tree and everything is rebuilt from the exact weights every K events, so rounding drift
/// stays bounded. It follows the run's clone changes as its <see cref="ICloneListener"/>.
/// </summary>
public sealed class CloneRateIndex : ICloneListener
{
    private readonly CompositionRejectionSampler _rates = new();
    private readonly FenwickTree _cells = new();
    private double[] _perCellRate = new double[16];   // each clone's PerCellRate as its weight last used it
    private SimulationRun? _run;
    private double _ratesTotal;   // sum of every clone's weight, a running total between rebuilds
    private long _eventsSinceRebuild;
    private int _refreshEvery = int.MaxValue;

    /// <summary>Whether the scenario has McFarland density-dependent death (a channel over the cell-count tree).</summary>
    public bool DensityDeath { get; private set; }

    /// <summary>k: the weight of the birth channel (cell-cycle stages per division).</summary>
    public double BirthWeight { get; private set; } = 1;

    /// <summary>Difference between the running total and the exact sum of the weights (the drift <see cref="Rebuild"/> removes).</summary>
    public double TotalDrift => Math.Abs(_ratesTotal - _rates.ExactTotal());

    /// <summary>
    /// Forgets the run it followed: until the next <see cref="Begin"/> it ignores the listener's calls (a new run, while
    /// it starts, reports clones this index never held; beginning reads them all afresh).
    /// </summary>
    public void Detach() => _run = null;

    public void Begin(SimulationRun run, double birthWeight = 1)
    {
        _run = run;
        _refreshEvery = run.Scenario.Engine.FenwickRefreshEvents;
        BirthWeight = birthWeight;
        DensityDeath = run.Scenario.Population.GrowthLimit.Kind == GrowthLimitKind.Mcfarland;
        Rebuild();
    }

    /// <summary>
    /// Upper bounds to weight clones by instead of their rates (the agent engine's drug field, where each cell sees its
    /// own drug level); null, the default, for the clones' rates themselves.
    /// </summary>
    public RateBounds? Bounds { get; set; }

    /// <summary>k·β + δ + σ + ν: everything a cell of clone <paramref name="i"/> can do, before growth limitation (with
    /// <see cref="Bounds"/>, at most).</summary>
    public double PerCellRate(CloneState clones, int i) => Bounds is { } bounds
        ? BirthWeight * bounds.Birth(i) + bounds.Death(i) + bounds.Switch(i) + clones.MutationPerDay[i]
        : BirthWeight * clones.Birth[i] + clones.Death[i] + clones.Switch[i] + clones.MutationPerDay[i];

    /// <summary>Events drawn by <see cref="NextEvent"/> since this index was created (null events included), for benchmarks.</summary>
    public long Events { get; private set; }

    /// <summary>
    /// The direct method's next event (Gillespie 1977), shared by the exact and agent engines: stops at extinction or the
    /// run's size limit; otherwise draws the waiting time at the total rate and, if it falls before
    /// <paramref name="untilDay"/>, moves the run's day to it and chooses what fired. Returns the clone whose channel
    /// fired, with <paramref name="densityDeath"/> set when it is a cell of that clone dying of crowding (a cell chosen
    /// uniformly); −1 when no event happens before <paramref name="untilDay"/> (the day then moves there, except at
    /// extinction or the size limit). The running total is used as it stood before a scheduled rebuild, as always.
    /// Unless a crowding death, <paramref name="channel"/> is uniform on [0, the clone's weight) — its
    /// <see cref="PerCellRate"/> times its cells, as last set — and independent of which clone fired: the draw that chose
    /// the clone, reused to choose its channel.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextEvent(SimulationRun run, double untilDay, ref Xoshiro256StarStar rng, out bool densityDeath, out double channel)
    {
        densityDeath = false;
        channel = 0;
        long n = run.Clones.TotalCells;
        if (n == 0 || n >= run.SizeLimit) return -1;
        double densityChannel = DensityDeath ? run.Growth.DeathPerCell(n) * n : 0;
        double ratesTotal = _rates.IsEmpty ? 0 : _ratesTotal;   // as it stands before a scheduled rebuild: the draw below is scaled by it
        double total = ratesTotal + densityChannel;
        if (!(total > 0))
        {
            run.Day = untilDay;
            return -1;
        }
        double next = run.Day + Samplers.Exponential(ref rng, total);
        if (next > untilDay)
        {
            run.Day = untilDay;
            return -1;
        }
        run.Day = next;
        CancellationCheck.AfterEvent(++Events, run.Cancellation);
        if (++_eventsSinceRebuild >= _refreshEvery) Rebuild();

        double u = rng.NextDouble() * total;
        if (u >= ratesTotal)
        {
            densityDeath = true;
            return _cells.Find((u - ratesTotal) / densityChannel * n);
        }
        return _rates.Sample(u, ref rng, out channel);
    }

    /// <summary>
    /// A clone's cells changed, or it was just added at the end (the run's contract, <see cref="ICloneListener"/>): only
    /// a new clone's rates are read; an existing one's weight is its kept per-cell rate times its cells, since rates
    /// change only with <see cref="AllRatesChanged"/>.
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public void CloneChanged(int index)
    {
        if (_run is null) return;
        var clones = _run.Clones;
        if (index >= _rates.Size)
        {
            Resize(clones.Count);
            _perCellRate[index] = PerCellRate(clones, index);
        }
        long n = clones.Cells[index];
        SetWeights(index, _perCellRate[index] * n, n);
    }

    public void CloneRetired(int index, int movedFrom)
    {
        if (_run is null) return;
        if (movedFrom >= 0)
        {
            SetWeights(index, _rates[movedFrom], DensityDeath ? _cells[movedFrom] : 0);
            SetWeights(movedFrom, 0, 0);
            _perCellRate[index] = _perCellRate[movedFrom];
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
            _perCellRate[i] = PerCellRate(clones, i);
            _rates.Load(i, _perCellRate[i] * n);
            if (DensityDeath) _cells.Set(i, n);
        }
        _rates.Rebuild();
        if (DensityDeath) _cells.Rebuild();
        _ratesTotal = _rates.ExactTotal();
        _eventsSinceRebuild = 0;
    }

    private void Resize(int size)
    {
        if (size == _rates.Size) return;
        if (size > _perCellRate.Length) Array.Resize(ref _perCellRate, Math.Max(size, 2 * _perCellRate.Length));
        _rates.SetSize(size);
        if (DensityDeath) _cells.SetSize(size);
    }

    private void SetWeights(int index, double rate, double cells)
    {
        _ratesTotal += rate - _rates[index];
        _rates.Set(index, rate);
        if (DensityDeath) _cells.Set(index, cells);
    }
}
