using System.Runtime.CompilerServices;
using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Random;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Agents;

/// <summary>
/// The agent engine (<c>engine: agents</c>): every cell is an agent with a site, a clone (its genotype and
/// phenotype state) and a cell-cycle stage. Exact event-driven simulation of the same Markov chain as
/// <see cref="DirectMethod"/>, refined to single cells: a <see cref="CloneRateIndex"/> chooses the clone whose
/// channel fires (weights (k·β + δ + σ + ν)·n, rates from the run's signal model), a uniformly random cell of that
/// clone fires it. The cycle is k exponential stages of rate k·β (Erlang, mean 1/β under the current drug); the last
/// stage divides into an empty neighbouring site (contact inhibition) or, with none, is a null event and the cell
/// stays ready. Growth limitation thins divisions as in the exact engine. Null events keep the method exact
/// (thinning, Lewis &amp; Shedler 1979): the only approximation is the run's rate step for smoothly varying drug.
/// <para>
/// The run remains the owner of clones and counts (so every observer, table and stop rule works unchanged); the
/// engine keeps each cell's site in an <see cref="AgentStore"/> in step with it. Changes made outside the engine's
/// events — passaging removes cells from clones — are reconciled by removing random cells of the clone, and after a
/// passage the survivors are reseeded at random sites.
/// </para>
/// <para>
/// With a drug field (<see cref="FieldRates"/>) each cell sees its own drug level: clones are weighted by bounds on
/// their rates and the chosen cell's event is thinned to its own rate, still exact; the field's discretisation, solver
/// tolerance and update interval are then the approximations added.
/// </para>
/// </summary>
public sealed class AgentMethod : ISimulationAlgorithm, ICloneListener
{
    private readonly CloneRateIndex _index = new();
    private readonly AgentStore _store = new();
    private IAgentSpace _space = new WellMixedSpace();
    private FieldRates? _field;
    private Lattice? _lattice;
    private SimulationRun? _run;
    private SimulationRun? _seededRun;
    private long _seededSeeding = -1;
    private int _passagesSeen;
    private bool _inEvent;

    public EngineKind Kind => EngineKind.Agents;

    public ICloneListener Listener => this;

    /// <summary>Events simulated (including null events: thinned or blocked divisions, intermediate cycle stages), for benchmarks.</summary>
    public long Events => _index.Events;

    /// <summary>Divisions that found no room (contact inhibition).</summary>
    public long BlockedDivisions { get; private set; }

    /// <summary>The current run's lattice (null when well mixed) and where each cell sits.</summary>
    internal LatticeGeometry? Geometry => (_space as LatticeSpace)?.Geometry;

    internal AgentStore Store => _store;

    /// <summary>The lattice of the current run, or null when well mixed.</summary>
    public Lattice? Lattice => _lattice;

    /// <summary>The current run's drug field (the fraction of the plasma level at each site), or null when drug is uniform.</summary>
    public DrugFieldSolver? DrugField => _field?.Solver;

    /// <summary>The current run's cells with their sites, in site order; empty when well mixed (no positions).</summary>
    public IEnumerable<AgentCell> Cells()
    {
        if (Geometry is not { } geometry) yield break;
        for (int site = 0; site < geometry.Sites; site++)
        {
            if (_store.IsEmpty(site)) continue;
            geometry.Coordinates(site, out int x, out int y, out int z);
            yield return new AgentCell(x, y, z, _store.CloneAt(site), _store.StageAt(site));
        }
    }

    /// <summary>
    /// Checks that the cells on the lattice are the run's clones: as many per clone as the run counts and as many sites
    /// holding it, each listed member's site pointing back to its clone, each cell at a stage of the cycle. Throws
    /// <see cref="InvalidOperationException"/> naming the first violation.
    /// </summary>
    public void Verify()
    {
        var run = _run ?? throw new InvalidOperationException("No run has begun.");
        var clones = run.Clones;
        int stages = run.Scenario.Engine.CellCycleShape;
        if (_store.TrackedClones != clones.Count) Fail($"{_store.TrackedClones} clones tracked, the run has {clones.Count}");
        var sitesHeld = new long[clones.Count];
        for (int site = 0; site < _store.Sites; site++)
        {
            if (_store.IsEmpty(site)) continue;
            sitesHeld[_store.CloneAt(site)]++;
            if (_store.StageAt(site) >= stages) Fail($"the cell at site {site} is at stage {_store.StageAt(site)} of a {stages}-stage cycle");
        }
        for (int i = 0; i < clones.Count; i++)
        {
            int cells = _store.CellsOf(i);
            if (cells != clones.Cells[i]) Fail($"clone {i} has {cells} cells placed, the run counts {clones.Cells[i]}");
            if (sitesHeld[i] != cells) Fail($"clone {i} holds {sitesHeld[i]} sites for {cells} cells");
            if (!_store.IsListed(i)) continue;
            for (int k = 0; k < cells; k++)
                if (_store.CloneAt(_store.MemberSite(i, k)) != i) Fail($"member {k} of clone {i} sits on a site of clone {_store.CloneAt(_store.MemberSite(i, k))}");
        }
        if (_store.Count != clones.TotalCells) Fail($"{_store.Count} cells placed, the run counts {clones.TotalCells}");
    }

    private static void Fail(string message) => throw new InvalidOperationException("Agent lattice invariant violated: " + message);

    public void Attach(SimulationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        _run = run;
        run.Agents = this;
    }

    public void Begin(SimulationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        _run = run;
        run.Agents = this;
        SeedIfNewUnit();
        _field?.RatesRefreshed(_store, run);
        _index.Bounds = _field?.Bounds;
        _index.Begin(run, run.Scenario.Engine.CellCycleShape);
    }

    /// <summary>
    /// Lays out the cells of a work unit the run has just started, or of a patient history it grows again: at the run's first notice of its new clones (the
    /// rate refresh at day 0, before the first sample, so day 0 is recorded with positions) or at the latest in
    /// <see cref="Begin"/>.
    /// </summary>
    private void SeedIfNewUnit()
    {
        var run = _run!;
        if (ReferenceEquals(run, _seededRun) && run.Seedings == _seededSeeding) return;   // a worker may move to another run (a new sweep point)
        var lattice = run.Scenario.Space;
        if (lattice is null) _space = _space as WellMixedSpace ?? new WellMixedSpace();
        else if (!ReferenceEquals(lattice, _lattice)) _space = new LatticeSpace(lattice);
        if (!ReferenceEquals(lattice, _lattice)) _field = lattice?.DrugField is null ? null : new FieldRates(lattice);
        _lattice = lattice;
        _space.Seed(_store, run, ref run.Random);
        _field?.Reset(_store, run);
        _index.Bounds = _field?.Bounds;
        _seededRun = run;
        _seededSeeding = run.Seedings;
        _passagesSeen = run.Passages;
    }

    public void Advance(SimulationRun run, double untilDay)
    {
        // Two loops so the uniform one, the common case, carries no test for a field.
        if (_field is null) AdvanceUniform(run, untilDay);
        else AdvanceInField(run, untilDay, _field);
    }

    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private void AdvanceUniform(SimulationRun run, double untilDay)
    {
        var clones = run.Clones;
        int stages = run.Scenario.Engine.CellCycleShape;
        // A local copy of the run's generator, as in the exact engine: nothing an event calls draws from the run's
        // (reconciling a passage, which does, happens between calls), so its state need not go through the run on
        // every draw. Written back on return; a cancelled run, which leaves by an exception, is discarded.
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
                Die(run, i, _store.RandomCell(i, ref rng));
                continue;
            }
            int site = _store.RandomCell(i, ref rng);
            // The channel that chose the clone, reused: uniform on [0, (k·β + δ + σ + ν)·n), so each rate is compared
            // times the clone's n cells (no further draw, no division).
            double n = clones.Cells[i];
            double cycle = stages * clones.Birth[i], death = clones.Death[i], switching = clones.Switch[i];
            if (channel < cycle * n)
                CompleteStage(run, i, site, stages, ref rng);
            else if (channel < (cycle + death) * n)
                Die(run, i, site);
            else if (channel < (cycle + death + switching) * n)
                SwitchPhenotype(run, i, site, run.ChoosePhenotypeSwitch(i, rng.NextDouble()));
            else if (clones.MutationPerDay[i] > 0)
                MutatePerDay(run, i, site, channel / n - (cycle + death + switching), ref rng);   // the excess, uniform on [0, ν)
            // Otherwise rounding put the channel past the clone's last channel: a null event (probability ~1e-16).
        }
    }

    /// <summary>
    /// Events in a drug field: the index weights each clone by its rate bounds, the chosen cell's channel is chosen by
    /// the bounds and accepted with probability (the cell's own rate)/(bound), otherwise a null event (thinning). The
    /// field is solved again every <c>update_every_days</c>, between events.
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private void AdvanceInField(SimulationRun run, double untilDay, FieldRates field)
    {
        var clones = run.Clones;
        var bounds = field.Bounds;
        int stages = run.Scenario.Engine.CellCycleShape;
        ref Xoshiro256StarStar rng = ref run.Random;
        if (field.ClockWentBack(run)) SolveField(run, field);

        while (true)
        {
            int i = _index.NextEvent(run, Math.Min(untilDay, field.NextSolveDay), ref rng, out bool densityDeath, out double channel);
            if (i < 0)
            {
                if (run.Day < field.NextSolveDay) return;   // untilDay reached, or extinction, or the size limit
                SolveField(run, field);
                if (run.Day < untilDay) continue;
                return;
            }
            if (densityDeath)
            {
                Die(run, i, _store.RandomCell(i, ref rng));
                continue;
            }
            int site = _store.RandomCell(i, ref rng);
            double n = clones.Cells[i];   // the channel is uniform on [0, the bounds' (k·β + δ + σ + ν)·n), as in the uniform loop
            double cycle = stages * bounds.Birth(i), death = bounds.Death(i), switching = bounds.Switch(i);
            if (channel < (cycle + death + switching) * n)
            {
                var local = field.RatesAt(run, i, site);
                if (channel < cycle * n)
                {
                    if (Accept(local.Birth, bounds.Birth(i), ref rng)) CompleteStage(run, i, site, stages, ref rng);
                }
                else if (channel < (cycle + death) * n)
                {
                    if (Accept(local.Death, death, ref rng)) Die(run, i, site);
                }
                else if (Accept(local.Switch, switching, ref rng))
                {
                    SwitchPhenotype(run, i, site, run.ChoosePhenotypeSwitch(i, rng.NextDouble(), local.AlkInhibition));
                }
            }
            else if (clones.MutationPerDay[i] > 0)
            {
                MutatePerDay(run, i, site, channel / n - (cycle + death + switching), ref rng);
            }
        }
    }

    /// <summary>
    /// Thinning: an event proposed at rate <paramref name="bound"/> happens with probability rate/bound. At the bound
    /// itself it happens without a draw, so a field that is 1 everywhere reproduces the uniform engine draw for draw.
    /// </summary>
    private static bool Accept(double rate, double bound, ref Xoshiro256StarStar rng) =>
        rate >= bound || rng.NextDouble() * bound < rate;

    private void SolveField(SimulationRun run, FieldRates field)
    {
        field.Solve(_store, run);
        _index.AllRatesChanged();
    }

    /// <summary>A cell completes a cycle stage; after the last, growth limitation thins its division.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CompleteStage(SimulationRun run, int clone, int site, int stages, ref Xoshiro256StarStar rng)
    {
        if (stages > 1)   // with one stage every cell is ready, and its site's word need not be read
        {
            int stage = _store.StageAt(site);
            if (stage + 1 < stages)
            {
                _store.SetStage(site, stage + 1);
                return;
            }
        }
        var growth = run.Growth;
        if (!growth.ThinsBirths)
        {
            Divide(run, clone, site, stages, ref rng);
            return;
        }
        double factor = growth.BirthFactor(run.Clones.TotalCells);
        if (factor >= 1 || rng.NextDouble() < factor) Divide(run, clone, site, stages, ref rng);   // no draw when nothing thins
    }

    /// <summary>The cell at <paramref name="site"/> joins the sibling clone with <paramref name="phenotype"/> flipped, in place.</summary>
    private void SwitchPhenotype(SimulationRun run, int clone, int site, int phenotype)
    {
        _inEvent = true;
        int sibling = run.AddToPhenotypeSibling(clone, phenotype, 1);
        _store.Transfer(site, sibling);
        run.RemoveCells(clone, 1);
        _inEvent = false;
    }

    /// <summary>A mutant arising per unit time needs room beside its parent, like a daughter.</summary>
    private void MutatePerDay(SimulationRun run, int clone, int site, double excess, ref Xoshiro256StarStar rng)
    {
        int target = _space.SiteForNewCell(_store, site, ref rng);
        if (target < 0)
        {
            BlockedDivisions++;
            return;
        }
        _inEvent = true;
        int mutant = run.AddMutant(clone, run.Mutations.PerDay.Mutate(run.Clones.Genotype[clone], excess));
        _store.Place(target, mutant, 0);
        _inEvent = false;
    }

    /// <summary>The cell at <paramref name="site"/> has finished its cycle: a daughter takes a free site, or nothing happens.</summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private void Divide(SimulationRun run, int clone, int site, int stages, ref Xoshiro256StarStar rng)
    {
        int target = _space.SiteForNewCell(_store, site, ref rng);
        if (target < 0)
        {
            BlockedDivisions++;
            return;
        }
        if (stages > 1) _store.SetStage(site, 0);
        var clones = run.Clones;
        double mutation = clones.MutationProbability[clone];
        _inEvent = true;
        if (mutation > 0 && rng.NextDouble() < mutation)
        {
            int mutant = run.AddMutant(clone, run.Mutations.PerDivision.Mutate(clones.Genotype[clone], rng.NextDouble() * mutation));
            _store.Place(target, mutant, 0);
        }
        else
        {
            _store.Place(target, clone, 0);
            run.AddBirths(clone, 1);
        }
        _inEvent = false;
    }

    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private void Die(SimulationRun run, int clone, int site)
    {
        _store.Vacate(site);
        _space.Released(site);
        _inEvent = true;
        run.RemoveCells(clone, 1);
        _inEvent = false;
    }

    /// <summary>
    /// True once the store holds the current work unit's cells. A run started without <see cref="Attach"/> (a
    /// direct <see cref="SimulationRun.Start"/>) is laid out in <see cref="Begin"/>; until then its notices are ignored.
    /// </summary>
    private bool Tracking
    {
        get
        {
            if (_run is null || !ReferenceEquals(_run.Agents, this)) return false;
            SeedIfNewUnit();
            return true;
        }
    }

    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public void CloneChanged(int index)
    {
        if (!Tracking) return;
        if (index >= _store.TrackedClones) _store.TrackNewClone(index);
        _field?.CloneAdded(_run!, index);
        if (!_inEvent) Reconcile(index, _run!.Clones.Cells[index]);
        _index.CloneChanged(index);
    }

    public void CloneRetired(int index, int movedFrom)
    {
        if (!Tracking) return;
        if (!_inEvent) Reconcile(index, 0);   // the run has already moved another clone into this index
        _store.RetireClone(index, movedFrom);
        _field?.Bounds.Retire(index, movedFrom);
        _index.CloneRetired(index, movedFrom);
    }

    public void AllRatesChanged()
    {
        if (!Tracking) return;
        var run = _run!;
        if (run.Passages != _passagesSeen)
        {
            _passagesSeen = run.Passages;
            _space.Reseed(_store, ref run.Random);
            _field?.Solve(_store, run);   // a fresh dish: the cells that took the drug up have moved (renews the bounds)
        }
        else
        {
            _field?.RatesRefreshed(_store, run);   // new drug levels
        }
        _index.AllRatesChanged();
    }

    /// <summary>A clone lost cells outside the engine's events (passaging draws cells at random): random cells of it leave the lattice.</summary>
    private void Reconcile(int index, long target)
    {
        var run = _run!;
        long excess = _store.CellsOf(index) - target;
        if (excess < 0)
            throw new InvalidOperationException($"The agent engine cannot place {-excess} cells added to clone {index} outside its events.");
        for (; excess > 0; excess--)
        {
            int site = _store.RandomCell(index, ref run.Random);
            _store.Vacate(site);
            _space.Released(site);
        }
    }
}
