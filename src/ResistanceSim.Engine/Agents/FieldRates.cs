using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Pharmacodynamics;
using ResistanceSim.Engine.Random;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Agents;

/// <summary>
/// The agent engine's cells in a drug diffusion field: the field itself (solved now and again), each cell's own rates
/// (the signal model at the plasma level times the field's fraction at its site) and, per clone, bounds on those rates
/// over every fraction on the lattice, which the clone index weights clones by.
/// <para>
/// Why the bounds hold: every drug effect in the signal model grows with the free concentration (Hill effects, Bliss
/// combination), the signal response φ is non-decreasing in the signal (hyperactivation gain ≥ 0), so birth falls and
/// death rises with the fraction, and the switching rate is linear in the ALK inhibition, which rises with it. Each
/// rate's largest value over [min, max] of the field is therefore at one of the ends; both are evaluated and the larger
/// taken per rate.
/// </para>
/// </summary>
internal sealed class FieldRates
{
    private readonly DrugFieldSolver _solver;
    private readonly double _updateEveryDays;
    private double[] _scaled = [];
    private bool _stale;

    public FieldRates(Lattice lattice)
    {
        _solver = new DrugFieldSolver(lattice);
        _updateEveryDays = lattice.DrugField!.UpdateEveryDays;
    }

    public DrugFieldSolver Solver => _solver;

    public RateBounds Bounds { get; } = new();

    /// <summary>When the field is next solved again.</summary>
    public double NextSolveDay { get; private set; }

    /// <summary>A new work unit's tissue: its own vessels (from the unit's vessel stream), then the field for its cells.</summary>
    public void Reset(AgentStore store, SimulationRun run)
    {
        var unit = run.Unit;
        var rng = RandomStreams.ForWorkUnit(run.Scenario.Seed, 0, unit.Point, unit.Replicate, RandomStreams.VesselsPurpose);
        _solver.Reset(ref rng);
        Solve(store, run);
    }

    /// <summary>
    /// Solves the field for the cells now on the lattice and renews every clone's bounds. Without drug the field changes
    /// no rate, so the solution waits until drug returns (<see cref="RatesRefreshed"/>): an untreated history or a
    /// treatment holiday costs no solves.
    /// </summary>
    public void Solve(AgentStore store, SimulationRun run)
    {
        NextSolveDay = run.Day + _updateEveryDays;
        _stale = !DrugPresent(run);
        if (!_stale) _solver.Solve(store);
        RenewBounds(run);
    }

    /// <summary>The run has new drug levels: the bounds follow, and a field left unsolved while there was no drug is solved now.</summary>
    public void RatesRefreshed(AgentStore store, SimulationRun run)
    {
        if (_stale && DrugPresent(run)) Solve(store, run);
        else RenewBounds(run);
    }

    private static bool DrugPresent(SimulationRun run)
    {
        foreach (double level in run.RateConcentrations)
            if (level > 0) return true;
        return false;
    }

    /// <summary>Whether the run's clock has gone back (a history grown again) past the last solution, so the field is stale.</summary>
    public bool ClockWentBack(SimulationRun run) => run.Day + _updateEveryDays < NextSolveDay;

    /// <summary>Every clone's bounds at the current drug levels (a new unit's clones, or a new field).</summary>
    public void RenewBounds(SimulationRun run)
    {
        Bounds.Clear();
        for (int i = 0; i < run.Clones.Count; i++) SetBounds(run, i);
    }

    /// <summary>Bounds for a clone the run has just added.</summary>
    public void CloneAdded(SimulationRun run, int index)
    {
        if (index >= Bounds.Count) SetBounds(run, index);
    }

    private void SetBounds(SimulationRun run, int index)
    {
        ulong genotype = run.Clones.Genotype[index];
        var low = RatesAt(run, genotype, _solver.Minimum);
        var high = RatesAt(run, genotype, _solver.Maximum);
        Bounds.Set(index, Math.Max(low.Birth, high.Birth), Math.Max(low.Death, high.Death), Math.Max(low.Switch, high.Switch));
    }

    /// <summary>The rates of a cell of clone <paramref name="clone"/> at <paramref name="site"/>.</summary>
    public CloneRates RatesAt(SimulationRun run, int clone, int site) =>
        RatesAt(run, run.Clones.Genotype[clone], _solver.FractionAt(site));

    private CloneRates RatesAt(SimulationRun run, ulong genotype, double fraction)
    {
        var plasma = run.RateConcentrations;
        if (_scaled.Length != plasma.Length) _scaled = new double[plasma.Length];
        for (int d = 0; d < plasma.Length; d++) _scaled[d] = fraction * plasma[d];
        return run.Signal.Evaluate(genotype, _scaled);
    }
}
