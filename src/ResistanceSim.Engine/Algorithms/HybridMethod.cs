using System.Runtime.CompilerServices;
using ResistanceSim.Engine.Genetics;
using ResistanceSim.Engine.Random;
using ResistanceSim.Engine.Running;
using ResistanceSim.Engine.State;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Algorithms;

/// <summary>
/// Exact where it matters, leaping where it does not: clones below
/// <see cref="EngineSettings.HybridThresholdCells"/> are simulated event by event, larger ones by
/// the exact birth–death transition over a leap (BNB, <see cref="BirthDeathTransition"/>). Use it
/// for clinical sizes (1e8–1e12 cells) where a few small resistant clones decide the outcome; it is
/// the default engine. The idea follows the partitioned hybrid schemes of Haseltine &amp; Rawlings
/// (2002, J Chem Phys 117:6959) and Salis &amp; Kaznessis (2005, J Chem Phys 122:054103).
/// <para>
/// While every clone is small the run is exactly <see cref="DirectMethod"/>, advanced in chunks
/// short enough that no clone is expected to outgrow twice the threshold (memorylessness makes a
/// chunk boundary exact). Once a clone is large, each leap τ (the tau-leaping rule applied to the
/// large clones, and no longer than lets a small clone double past the threshold) first draws every
/// large clone's transition with birth β(1−u) (divisions without a mutant) and death δ + h, then the
/// Poisson numbers of its mutant daughters and of the mutants arising from it per unit time (born at
/// times drawn from the clone's exponential path within the leap) and of its switching cells, which
/// are taken off its count. Daughters that
/// join a large clone of their genotype grow with it for the rest of the leap; the others enter the
/// exact part at their times, so a new mutant is always born exact. Growth limitation is held at its
/// start-of-leap value (the leap changes the total by at most ε), so within a leap the small clones
/// are independent and the exact part is simulated one line at a time (<see cref="SimulateLine"/>),
/// with the cells sent between clones handled in time order. A clone changes regime only between leaps; each
/// regime samples the same single-clone law (BNB is exact for constant rates), so crossing the
/// threshold carries no bias. Switching cells from large clones are born exact in a small sibling, at
/// times on their source's path, and join a large one at the end of the leap; a leap is short enough
/// that the switching flows are a small part of every large clone they change (<see cref="SwitchFlowLimit"/>).
/// </para>
/// <para>
/// With <see cref="LargeCloneMode.Flow"/> the large clones follow their mean-field flow instead (the
/// ODE/SSA partition); their mutant daughters and switching cells are still Poisson and born exact.
/// </para>
/// </summary>
public sealed class HybridMethod : ISimulationAlgorithm, ICloneListener
{
    /// <summary>Largest |r|·τ a leap may span, so e^{rτ} stays far inside double range.</summary>
    private const double MaxGrowthExponent = 30;

    /// <summary>Above this many mutant daughters of one clone in one leap, they are split over genotypes by one multinomial draw.</summary>
    private const long SplitMutantsAbove = 16;

    private readonly DirectMethod _direct = new();
    private readonly PriorityQueue<Arrival, double> _arrivals = new();
    private SimulationRun? _run;
    private bool _directActive;
    private bool[] _exact = new bool[64];
    private long[] _leapDelta = new long[64];
    private double[] _inflow = new double[64];   // cells per day switching into each large clone from large ones (LeapSize)
    private readonly LeapSwitchPlan _switchPlan = new();   // where the large clones switch to, from sizing the leap to taking it
    private int[] _switchTargets = new int[64];   // per leap: clone · phenotypes + flip → the sibling its switching cells joined, −1 before the first
    private int _phenotypes;
    private int _switchTargetClones;   // clones whose entries this leap has set
    private readonly List<(ulong Genotype, double Weight)> _outcomes = [];
    private double[] _outcomeShare = new double[64];
    private long[] _outcomeCount = new long[64];
    private int _leapClones;
    private double _heldBirthFactor;
    private double _heldDensityDeath;

    public EngineKind Kind => EngineKind.Hybrid;

    public ICloneListener Listener => this;

    /// <summary>Leaps taken since the algorithm was created (for benchmarks and tests).</summary>
    public long Leaps { get; private set; }

    /// <summary>Exact events of small clones simulated while some clone was large (leaps).</summary>
    public long ExactEventsInLeaps { get; private set; }

    /// <summary>Jumps of small clones from one emission to the next, or to the leap's end, while some clone was large (<see cref="EmittingLine"/>).</summary>
    public long LineJumps { get; private set; }

    /// <summary>Exact events of the all-small regime (delegated to <see cref="DirectMethod"/>).</summary>
    public long DirectEvents => _direct.Events;

    /// <summary>
    /// A new run starts: until <see cref="Begin"/> this method ignores the listener's calls, which report the new run's
    /// clones (a shared history's local therapy among them) to state still sized for the last run's.
    /// </summary>
    public void Attach(SimulationRun run)
    {
        run.Agents = null;
        _run = null;
        _directActive = false;
    }

    public void Begin(SimulationRun run)
    {
        _run = run;
        _directActive = false;
        EnsureCapacity(run.Clones.Count);
    }

    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public void Advance(SimulationRun run, double untilDay)
    {
        var clones = run.Clones;
        double maxCells = run.SizeLimit;
        double threshold = run.Scenario.Engine.HybridThresholdCells;
        while (run.Day < untilDay)
        {
            run.Cancellation.ThrowIfCancellationRequested();
            long n = clones.TotalCells;
            if (n == 0 || n >= maxCells) return;
            if (LargestClone(clones) < threshold)
            {
                if (!_directActive)
                {
                    _directActive = true;
                    _direct.Begin(run);
                }
                double chunkEnd = Math.Min(untilDay, run.Day + ExactHorizon(run, threshold, onlySmall: false));
                _direct.Advance(run, chunkEnd);
                if (run.Day < chunkEnd) return;   // stopped on extinction or size
                continue;
            }
            _directActive = false;
            double tau = Math.Min(LeapSize(run, threshold), untilDay - run.Day);
            double end = tau >= untilDay - run.Day ? untilDay : run.Day + tau;
            Leap(run, threshold, end);
        }
    }

    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private static long LargestClone(CloneState clones)
    {
        long largest = 0;
        foreach (long c in clones.Cells) largest = Math.Max(largest, c);
        return largest;
    }

    /// <summary>Time within which no small growing clone that survives is expected to pass twice the threshold.</summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private static double ExactHorizon(SimulationRun run, double threshold, bool onlySmall)
    {
        var clones = run.Clones;
        var cells = clones.Cells;
        double g = run.BirthFactor, h = run.DensityDeath;
        double horizon = double.PositiveInfinity;
        for (int i = 0; i < cells.Length; i++)
        {
            if (onlySmall && cells[i] >= threshold) continue;
            double birth = g * clones.Birth[i], death = clones.Death[i] + h, r = birth - death;
            if (!(r > 0)) continue;
            // A line that survives grows like n·e^{rt}/P(survive), P = 1 − (d/b)^n: from one cell
            // that is 1/s times faster than the unconditioned mean, so the horizon must allow for it.
            double survive = -double.ExpM1(cells[i] * Math.Log(death / birth));
            horizon = Math.Min(horizon, Math.Log(Math.Max(2 * threshold * survive / cells[i], 2)) / r);
        }
        return horizon;
    }

    /// <summary>The tau-leaping rule (after Cao, Gillespie &amp; Petzold 2006) over the large clones and the cells they switch into others, capped by the small clones' horizon.</summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private double LeapSize(SimulationRun run, double threshold)
    {
        var clones = run.Clones;
        var cells = clones.Cells;
        double epsilon = run.Scenario.Engine.TauEpsilon;
        double g = run.BirthFactor, h = run.DensityDeath;
        double tau = ExactHorizon(run, threshold, onlySmall: true);
        double drift = 0, curvature = 0, noise = 0, fastest = 0;
        for (int i = 0; i < cells.Length; i++)
        {
            double b = g * clones.Birth[i], d = clones.Death[i] + h, r = b - d;
            drift += r * cells[i];
            curvature += r * r * cells[i];
            noise += (b + d) * cells[i];
            if (cells[i] < threshold) continue;
            fastest = Math.Max(fastest, Math.Abs(r));
        }
        tau = Math.Min(tau, SwitchingLimit(run, threshold, epsilon));
        tau = Math.Min(tau, TauLeaping.TotalChangeLimit(clones.TotalCells, drift, curvature, epsilon));
        // Growth limitation is held for the leap, small clones' events included.
        if (run.Growth.DependsOnDensity) tau = Math.Min(tau, TauLeaping.DensityNoiseLimit(clones.TotalCells, noise, epsilon));
        if (fastest > 0) tau = Math.Min(tau, MaxGrowthExponent / fastest);
        return tau;
    }

    /// <summary>
    /// Longest leap for the cells the large clones switch into their siblings: a large clone may lose at most ε of itself
    /// to switching and a large receiver gain at most ε of itself, in the Cao form (<see cref="SwitchFlowLimit"/>); a
    /// small or absent receiver, which takes its cells exactly one line each, is expected to receive at most the
    /// threshold, so the exact part stays as small as the horizon keeps it. Each clone's shares and siblings are kept
    /// for the leap's <see cref="SendSwitches"/> (<see cref="LeapSwitchPlan"/>).
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private double SwitchingLimit(SimulationRun run, double threshold, double epsilon)
    {
        var clones = run.Clones;
        var cells = clones.Cells;
        EnsureCapacity(cells.Length);
        var inflow = _inflow.AsSpan(0, cells.Length);
        inflow.Clear();
        _switchPlan.Begin(cells.Length, run.Layout.PhenotypeCount);
        double tau = double.PositiveInfinity;
        for (int i = 0; i < cells.Length; i++)
        {
            if (cells[i] < threshold || !(clones.Switch[i] > 0)) continue;
            tau = Math.Min(tau, SwitchFlowLimit.Of(cells[i], clones.Switch[i] * cells[i], epsilon));
            var rates = _switchPlan.Shares(i);
            var siblings = _switchPlan.Siblings(i);
            run.PhenotypeSwitchRates(i, rates);
            _switchPlan.ClearSiblings(i);
            for (int p = 0; p < rates.Length; p++)
            {
                if (!(rates[p] > 0)) continue;
                double flow = rates[p] * cells[i];
                int sibling = siblings[p] = run.PhenotypeSibling(i, p);
                if (sibling >= 0 && cells[sibling] >= threshold) inflow[sibling] += flow;
                else tau = Math.Min(tau, threshold / flow);
            }
            _switchPlan.Normalise(i);
        }
        for (int j = 0; j < inflow.Length; j++)
            if (inflow[j] > 0) tau = Math.Min(tau, SwitchFlowLimit.Of(cells[j], inflow[j], epsilon));
        return tau;
    }

    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private void Leap(SimulationRun run, double threshold, double end)
    {
        var clones = run.Clones;
        int count = clones.Count;
        EnsureCapacity(count);
        ref Xoshiro256StarStar rng = ref run.Random;
        double start = run.Day, tau = end - start;
        _heldBirthFactor = run.BirthFactor;
        _heldDensityDeath = run.DensityDeath;
        _arrivals.Clear();
        _leapClones = count;
        _phenotypes = run.Layout.PhenotypeCount;
        EnsureSwitchTargets(count);
        _switchTargets.AsSpan(0, count * _phenotypes).Fill(-1);
        _switchTargetClones = count;
        Leaps++;

        for (int i = 0; i < count; i++)
        {
            _exact[i] = clones.Cells[i] < threshold;
            _leapDelta[i] = 0;
        }

        // Large clones: their own transition, and the mutant daughters and switching cells they send out.
        bool perGenotype = run.Scenario.Population.Lineage == LineageMode.PerGenotype;
        bool flow = run.Scenario.Engine.HybridLargeClones == LargeCloneMode.Flow;
        for (int i = 0; i < count; i++)
        {
            if (_exact[i]) continue;
            long cells = clones.Cells[i];
            double birth = _heldBirthFactor * clones.Birth[i];
            double u = clones.MutationProbability[i];
            double sigma = clones.Switch[i];
            // Switching is left out of the transition and its cells taken off after, so the cells the clone loses to
            // switching are the cells its siblings gain (drawn apart, the total gained a second Poisson noise).
            double death = clones.Death[i] + _heldDensityDeath;
            long after = flow
                ? BirthDeathTransition.MeanFlow(ref rng, cells, birth * (1 - u), death, tau)
                : BirthDeathTransition.Sample(ref rng, cells, birth * (1 - u), death, tau);
            _leapDelta[i] += after - cells;
            // ln(after / cells), once: the leap's cell-days and its growth rate both need it.
            double logGrowth = after > 0 && after != cells ? Math.Log((double)after / cells) : 0;
            double cellDays = BirthDeathTransition.CellDays(cells, after, tau, logGrowth);
            double growth = logGrowth / tau;
            if (u > 0 && birth > 0)
            {
                long mutants = Samplers.Poisson(ref rng, u * birth * cellDays);
                if (mutants > 0) SendMutants(run, i, run.Mutations.PerDivision, u, mutants, growth, start, end, perGenotype);
            }
            double nu = clones.MutationPerDay[i];
            if (nu > 0)
            {
                long arising = Samplers.Poisson(ref rng, nu * cellDays);
                if (arising > 0) SendMutants(run, i, run.Mutations.PerDay, nu, arising, growth, start, end, perGenotype);
            }
            if (sigma > 0)
            {
                long switches = Math.Min(Samplers.Poisson(ref rng, sigma * cellDays), after);
                if (switches > 0)
                {
                    _leapDelta[i] -= switches;
                    SendSwitches(run, i, switches, growth, start, end);
                }
            }
        }

        // Small clones: exact events across the leap, one clone at a time (see SimulateLine); cells
        // arriving from elsewhere start lines of their own, in order of arrival.
        for (int i = 0; i < count; i++)
            if (_exact[i] && clones.Cells[i] > 0) SimulateLine(run, i, clones.Cells[i], start, end);
        while (_arrivals.TryDequeue(out var arrival, out double day)) Arrive(run, arrival, day, end);

        // Apply the large clones' transitions; only now may emptied clones retire.
        for (int i = 0; i < count; i++)
            if (_leapDelta[i] != 0) run.AdjustCells(i, _leapDelta[i]);
        run.RetireEmptyClones();
        run.Day = end;
    }

    /// <summary>
    /// Gives the <paramref name="mutants"/> mutant cells of large clone <paramref name="parent"/> in this
    /// leap (from <paramref name="table"/>, whose total for the parent is <paramref name="total"/>) their
    /// genotypes and sends them on. Many are split over the possible genotypes at once (a multinomial, the
    /// same law as choosing each one's genotype in turn) so a big clone's thousands of mutants per leap
    /// cost one draw per genotype, not one genotype choice per mutant.
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private void SendMutants(SimulationRun run, int parent, MutationTable table, double total, long mutants,
        double growth, double start, double end, bool perGenotype)
    {
        var clones = run.Clones;
        ref Xoshiro256StarStar rng = ref run.Random;
        if (mutants <= SplitMutantsAbove)
        {
            for (long k = 0; k < mutants; k++)
                Route(run, parent, table.Mutate(clones.Genotype[parent], rng.NextDouble() * total), 1, growth, start, end, perGenotype);
            return;
        }
        table.Outcomes(clones.Genotype[parent], _outcomes);
        int outcomes = _outcomes.Count;
        if (_outcomeShare.Length < outcomes)
        {
            _outcomeShare = new double[outcomes];
            _outcomeCount = new long[outcomes];
        }
        double sum = 0;
        foreach (var outcome in _outcomes) sum += outcome.Weight;
        for (int k = 0; k < outcomes; k++) _outcomeShare[k] = _outcomes[k].Weight / sum;
        var counts = _outcomeCount.AsSpan(0, outcomes);
        Samplers.Multinomial(ref rng, mutants, _outcomeShare.AsSpan(0, outcomes), counts);
        for (int k = 0; k < outcomes; k++)
            if (counts[k] > 0) Route(run, parent, _outcomes[k].Genotype, counts[k], growth, start, end, perGenotype);
    }

    /// <summary>
    /// <paramref name="count"/> mutant daughters of <paramref name="genotype"/>, each born at a time on
    /// the parent's path: joining a large clone of that genotype (per_genotype) they grow with it for
    /// the rest of the leap; otherwise they are injected into the exact part at that time.
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private void Route(SimulationRun run, int parent, ulong genotype, long count, double growth, double start, double end, bool perGenotype)
    {
        int target = perGenotype && !run.FoundsLesion(parent, genotype) ? run.Clones.IndexOf((long)genotype) : -1;
        if (target >= 0 && !_exact[target])
            _leapDelta[target] += ImmigrantLines.CellsAtEnd(ref run.Random, count, growth, end - start, LeapLineBirth(target), LeapDeath(target), run.Cancellation);
        else
            ToExactPart(run, new Arrival(parent, genotype, Arrival.Mutant), count, growth, start, end);
    }

    /// <summary>
    /// The <paramref name="switches"/> switching cells of large clone <paramref name="parent"/> in this leap, split over
    /// the phenotypes it can flip. Into a small or new sibling they are born exact, at times on the parent's path, as
    /// mutant daughters are; a large sibling takes them at the leap's end (<see cref="SwitchFlowLimit"/> bounds what that
    /// leaves out). Not as one-cell lines like mutant daughters: a large clone sends thousands a leap.
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private void SendSwitches(SimulationRun run, int parent, long switches, double growth, double start, double end)
    {
        if (!_switchPlan.Switches(parent)) return;
        var shares = _switchPlan.Shares(parent);
        var siblings = _switchPlan.Siblings(parent);
        var counts = _switchPlan.Counts;
        Samplers.Multinomial(ref run.Random, switches, shares, counts);
        for (int p = 0; p < counts.Length; p++)
        {
            if (counts[p] == 0) continue;
            int sibling = siblings[p];
            if (sibling >= 0 && !_exact[sibling]) _leapDelta[sibling] += counts[p];
            else ToExactPart(run, new Arrival(parent, 0, p), counts[p], growth, start, end);
        }
    }

    /// <summary><paramref name="count"/> cells like <paramref name="arrival"/> injected into the exact part, each at a time drawn on the parent's path.</summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private void ToExactPart(SimulationRun run, Arrival arrival, long count, double growth, double start, double end)
    {
        ref Xoshiro256StarStar rng = ref run.Random;
        double tau = end - start;
        double spread = double.ExpM1(growth * tau);
        for (long c = 0; c < count; c++)
        {
            CancellationCheck.AfterEvent(c + 1, run.Cancellation);
            _arrivals.Enqueue(arrival, start + ImmigrantLines.PathTime(rng.NextDouble(), growth, spread, tau));
        }
    }

    /// <summary>Per-cell loss of a large clone within a leap: death, density death and cells switching out.</summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private double LeapDeath(int index)
    {
        var clones = _run!.Clones;
        return clones.Death[index] + _heldDensityDeath + clones.Switch[index];
    }

    /// <summary>
    /// Cells at the end of the leap descended from one mutant daughter that joined a large clone of its
    /// genotype (per_genotype) <paramref name="rest"/> days before: the one-cell transition at that
    /// clone's leap rates. Such a cell needs no exact timing (its clone is leaped), so it bypasses the
    /// exact part; the mutants and switches of its few descendants within the leap are neglected.
    /// </summary>
    private long ImmigrantLine(ref Xoshiro256StarStar rng, int target, double rest) =>
        BirthDeathTransition.SampleOneCell(ref rng, LeapLineBirth(target), LeapDeath(target), rest);

    /// <summary>Per-cell growth of a large clone's own line within a leap: divisions that keep both daughters in it.</summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private double LeapLineBirth(int index)
    {
        var clones = _run!.Clones;
        return _heldBirthFactor * clones.Birth[index] * (1 - clones.MutationProbability[index]);
    }

    /// <summary>
    /// Exact events of <paramref name="cells"/> cells of small clone <paramref name="index"/> from
    /// <paramref name="from"/> to the end of the leap. Within a leap every rate is held (growth
    /// limitation included), so cells evolve independently (the branching property) and each clone —
    /// and each cell that joins one later — can be simulated on its own: the same law as one event
    /// loop over all small clones, without a shared event queue. The cells a line sends elsewhere
    /// (mutant daughters, switching cells, mutants per unit time: its emissions) become arrivals, handled in time
    /// order. A line with many events per emission jumps from one emission to the next (<see cref="EmittingLine"/>),
    /// the others go event by event: the same law either way.
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private void SimulateLine(SimulationRun run, int index, long cells, double from, double end)
    {
        var clones = run.Clones;
        double birth = _heldBirthFactor * clones.Birth[index];
        double death = clones.Death[index] + _heldDensityDeath;
        double mutantBirth = birth * clones.MutationProbability[index];
        double emission = mutantBirth + clones.Switch[index] + clones.MutationPerDay[index];
        double kept = birth - mutantBirth, perCell = kept + death + emission;
        if (!(perCell > 0)) return;
        // A local copy of the run's generator (nothing the loops call draws from the run's), and in each loop of its step
        // count, so they can live in registers instead of the run's and this object's fields on every step; written back
        // after the loop (a cancelled run, which leaves by an exception, is discarded).
        var rng = run.Random;
        long n = JumpsPay(perCell, emission, cells * (end - from))
            ? LineByJumps(run, index, cells, from, end, new EmittingLine(kept, death, emission), emission, ref rng)
            : LineByEvents(run, index, cells, from, end, kept, death, perCell, ref rng);
        run.Random = rng;
        if (n != cells) run.AdjustCells(index, n - cells);   // emptied clones retire after the leap, so indices stay valid within it
    }

    /// <summary>
    /// Whether a line should jump between emissions: a jump costs a few logarithms and two or three draws, an event one
    /// exponential and a uniform, so jumping pays where several events are expected, most of them not emissions.
    /// </summary>
    private static bool JumpsPay(double perCell, double emission, double cellDays) =>
        perCell * cellDays >= EventsPerJump && emission * EventsPerJump <= perCell;

    /// <summary>Events a jump replaces, at least, for a line to jump (<see cref="JumpsPay"/>).</summary>
    private const double EventsPerJump = 8;

    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private long LineByEvents(SimulationRun run, int index, long n, double day, double end, double kept, double death, double perCell,
        ref Xoshiro256StarStar rng)
    {
        long events = ExactEventsInLeaps;
        var cancellation = run.Cancellation;
        while (n > 0)
        {
            day += Samplers.Exponential(ref rng, perCell * n);
            if (day >= end) break;
            CancellationCheck.AfterEvent(++events, cancellation);
            double channel = rng.NextDouble() * perCell;
            if (channel < kept) n++;
            else if (channel < kept + death) n--;
            else n -= Emit(run, index, channel - kept - death, day, ref rng);
        }
        ExactEventsInLeaps = events;
        return n;
    }

    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private long LineByJumps(SimulationRun run, int index, long n, double day, double end, EmittingLine line, double emission,
        ref Xoshiro256StarStar rng)
    {
        long jumps = LineJumps;
        var cancellation = run.Cancellation;
        while (n > 0)
        {
            CancellationCheck.AfterEvent(++jumps, cancellation);
            if (!line.ToNextEmission(ref rng, n, end - day, out double wait, out n)) break;   // n is now the count at the end
            day += wait;
            n -= Emit(run, index, rng.NextDouble() * emission, day, ref rng);
        }
        LineJumps = jumps;
        return n;
    }

    /// <summary>
    /// An emission of small clone <paramref name="index"/> at <paramref name="day"/>, chosen by <paramref name="channel"/>,
    /// uniform on [0, κ) with κ = λu + σ + ν: a mutant daughter (its parent keeps its place; channel / λ, uniform on
    /// [0, u), chooses the mutation), a cell switching phenotype, or a mutant arising per unit time (the excess chooses
    /// the mechanism). Returns the cells the line loses (1 for a switch).
    /// </summary>
    private int Emit(SimulationRun run, int index, double channel, double day, ref Xoshiro256StarStar rng)
    {
        var clones = run.Clones;
        double birth = _heldBirthFactor * clones.Birth[index];
        double mutantBirth = birth * clones.MutationProbability[index];
        if (channel < mutantBirth)
        {
            _arrivals.Enqueue(new Arrival(index, run.Mutations.PerDivision.Mutate(clones.Genotype[index], channel / birth), Arrival.Mutant), day);
            return 0;
        }
        double switching = clones.Switch[index];
        if (channel < mutantBirth + switching)
        {
            _arrivals.Enqueue(new Arrival(index, 0, run.ChoosePhenotypeSwitch(index, rng.NextDouble())), day);
            return 1;
        }
        ulong genotype = run.Mutations.PerDay.Mutate(clones.Genotype[index], channel - mutantBirth - switching);
        _arrivals.Enqueue(new Arrival(index, genotype, Arrival.Mutant), day);
        return 0;
    }

    /// <summary>
    /// A mutant daughter or switching cell arrives at <paramref name="day"/>: it founds or joins its
    /// clone then (arrivals come in time order, so clones are founded in order of birth), and grows
    /// exactly in a small clone, or by the one-cell transition in a leaped one.
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private void Arrive(SimulationRun run, Arrival arrival, double day, double end)
    {
        run.Day = day;
        int index = arrival.Phenotype == Arrival.Mutant
            ? run.AddMutant(arrival.Parent, arrival.Genotype)
            : SwitchInto(run, arrival.Parent, arrival.Phenotype);
        if (_exact[index]) SimulateLine(run, index, 1, day, end);
        else _leapDelta[index] += ImmigrantLine(ref run.Random, index, end - day) - 1;
    }

    /// <summary>
    /// A cell of clone <paramref name="parent"/> switching <paramref name="phenotype"/> joins its sibling: looked up (or
    /// founded) by the first such cell of the leap, then remembered: a clone's switching cells reach the same sibling many times a leap, and
    /// indices hold until the leap ends. The same clone and the same count as <see cref="SimulationRun.AddToPhenotypeSibling"/>.
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private int SwitchInto(SimulationRun run, int parent, int phenotype)
    {
        int known = _switchTargets[parent * _phenotypes + phenotype];
        if (known >= 0)
        {
            run.AddBirths(known, 1);
            return known;
        }
        // Founding a sibling may grow the table (CloneChanged), so the entry is written after the call.
        int sibling = run.AddToPhenotypeSibling(parent, phenotype, 1);
        _switchTargets[parent * _phenotypes + phenotype] = sibling;
        return sibling;
    }

    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public void CloneChanged(int index)
    {
        if (_run is null) return;
        if (_directActive)
        {
            _direct.CloneChanged(index);
            return;
        }
        if (index >= _leapClones)
        {
            // A clone founded during the leap (mutant or new phenotype sibling) is born exact.
            EnsureCapacity(index + 1);
            _exact[index] = true;
            _leapDelta[index] = 0;
            if (index >= _switchTargetClones)
            {
                EnsureSwitchTargets(index + 1);
                _switchTargets.AsSpan(_switchTargetClones * _phenotypes, (index + 1 - _switchTargetClones) * _phenotypes).Fill(-1);
                _switchTargetClones = index + 1;
            }
        }
    }

    public void CloneRetired(int index, int movedFrom)
    {
        if (_directActive) _direct.CloneRetired(index, movedFrom);
        // Clones retire only between leaps, and every leap starts its bookkeeping afresh.
    }

    public void AllRatesChanged()
    {
        if (_directActive) _direct.AllRatesChanged();
    }


    private void EnsureSwitchTargets(int clones)
    {
        if (clones * _phenotypes > _switchTargets.Length) Array.Resize(ref _switchTargets, Math.Max(clones * _phenotypes, _switchTargets.Length * 2));
    }

    private void EnsureCapacity(int count)
    {
        if (count <= _exact.Length) return;
        int capacity = Math.Max(count, _exact.Length * 2);
        Array.Resize(ref _exact, capacity);
        Array.Resize(ref _leapDelta, capacity);
        Array.Resize(ref _inflow, capacity);
    }

    /// <summary>A cell sent into the exact part: a mutant daughter of <paramref name="Genotype"/>, or (Phenotype ≥ 0) a cell of clone <paramref name="Parent"/> switching that phenotype.</summary>
    private readonly record struct Arrival(int Parent, ulong Genotype, int Phenotype)
    {
        public const int Mutant = -1;
    }
}
