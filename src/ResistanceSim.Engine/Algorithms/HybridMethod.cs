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
/// large clone's transition with birth β(1−u) (divisions without a mutant) and death δ + h + σ
/// (switching cells leave), then the Poisson numbers of its mutant daughters (born at times drawn
/// from the clone's exponential path within the leap) and of its switching cells. The small clones
/// are then simulated exactly across the leap, with those mutant births injected at their times,
/// so a new mutant is always born exact. Growth limitation is held at its start-of-leap value
/// (the leap changes the total by at most ε). A clone changes regime only between leaps; each
/// regime samples the same single-clone law (BNB is exact for constant rates), so crossing the
/// threshold carries no bias. Switching cells from large clones join their sibling at the end of
/// the leap.
/// </para>
/// </summary>
public sealed class HybridMethod : ISimulationAlgorithm, ICloneListener
{
    /// <summary>Largest |r|·τ a leap may span, so e^{rτ} stays far inside double range.</summary>
    private const double MaxGrowthExponent = 30;

    private readonly DirectMethod _direct = new();
    private readonly FenwickTree _small = new();
    private readonly double[] _phenotypeRates = new double[8];
    private readonly long[] _phenotypeCounts = new long[8];
    private SimulationRun? _run;
    private bool _directActive;
    private bool[] _exact = new bool[64];
    private long[] _leapDelta = new long[64];
    private long[] _switchOut = new long[64];
    private double[] _injectionDay = new double[64];
    private int[] _injectionParent = new int[64];
    private int _injections;
    private double _smallTotal;
    private double _heldBirthFactor;
    private double _heldDensityDeath;

    public EngineKind Kind => EngineKind.Hybrid;

    public ICloneListener Listener => this;

    /// <summary>Leaps taken since the algorithm was created (for benchmarks and tests).</summary>
    public long Leaps { get; private set; }

    /// <summary>Exact events (including thinned ones) simulated while some clone was large.</summary>
    public long ExactEventsInLeaps { get; private set; }

    /// <summary>Exact events of the all-small regime (delegated to <see cref="DirectMethod"/>).</summary>
    public long DirectEvents => _direct.Events;

    public void Begin(SimulationRun run)
    {
        _run = run;
        _directActive = false;
        EnsureCapacity(run.Clones.Count);
    }

    public void Advance(SimulationRun run, double untilDay)
    {
        var clones = run.Clones;
        double maxCells = run.SizeLimit;
        double threshold = run.Scenario.Engine.HybridThresholdCells;
        while (run.Day < untilDay)
        {
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

    private static long LargestClone(CloneState clones)
    {
        long largest = 0;
        foreach (long c in clones.Cells) largest = Math.Max(largest, c);
        return largest;
    }

    /// <summary>Time within which no small growing clone that survives is expected to pass twice the threshold.</summary>
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

    /// <summary>The tau-leaping rule (after Cao, Gillespie &amp; Petzold 2006) over the large clones, capped by the small clones' horizon.</summary>
    private static double LeapSize(SimulationRun run, double threshold)
    {
        var clones = run.Clones;
        var cells = clones.Cells;
        double epsilon = run.Scenario.Engine.TauEpsilon;
        double g = run.BirthFactor, h = run.DensityDeath;
        double tau = ExactHorizon(run, threshold, onlySmall: true);
        double drift = 0, fastest = 0;
        for (int i = 0; i < cells.Length; i++)
        {
            double b = g * clones.Birth[i], d = clones.Death[i] + h;
            drift += (b - d) * cells[i];
            if (cells[i] < threshold) continue;
            fastest = Math.Max(fastest, Math.Abs(b - d));
            if (clones.Switch[i] > 0) tau = Math.Min(tau, epsilon / (b + d + clones.Switch[i]));
        }
        if (drift != 0) tau = Math.Min(tau, epsilon * clones.TotalCells / Math.Abs(drift));
        if (fastest > 0) tau = Math.Min(tau, MaxGrowthExponent / fastest);
        return tau;
    }

    private void Leap(SimulationRun run, double threshold, double end)
    {
        var clones = run.Clones;
        int count = clones.Count;
        EnsureCapacity(count);
        ref Xoshiro256StarStar rng = ref run.Random;
        double start = run.Day, tau = end - start;
        _heldBirthFactor = run.BirthFactor;
        _heldDensityDeath = run.DensityDeath;
        _injections = 0;
        Leaps++;

        // Large clones: their own transition, and the mutant daughters and switching cells they send out.
        for (int i = 0; i < count; i++)
        {
            long cells = clones.Cells[i];
            _exact[i] = cells < threshold;
            _leapDelta[i] = 0;
            _switchOut[i] = 0;
            if (_exact[i]) continue;
            double birth = _heldBirthFactor * clones.Birth[i];
            double u = clones.MutationProbability[i];
            double sigma = clones.Switch[i];
            long after = BirthDeathTransition.Sample(ref rng, cells, birth * (1 - u), clones.Death[i] + _heldDensityDeath + sigma, tau);
            _leapDelta[i] = after - cells;
            double cellDays = BirthDeathTransition.CellDays(cells, after, tau);
            if (u > 0 && birth > 0)
            {
                long mutants = Samplers.Poisson(ref rng, u * birth * cellDays);
                double growth = after > 0 ? Math.Log((double)after / cells) / tau : 0;
                for (long k = 0; k < mutants; k++) AddInjection(start + PathTime(rng.NextDouble(), growth, tau), i);
            }
            if (sigma > 0) _switchOut[i] = Samplers.Poisson(ref rng, sigma * cellDays);
        }
        SortInjections();

        // Small clones: exact events across the leap, with the mutant births injected at their times.
        RebuildSmall(count);
        SimulateSmall(run, end);

        // Apply the large clones' transitions and switches; only now may emptied clones retire.
        for (int i = 0; i < count; i++)
            if (_leapDelta[i] != 0) run.AdjustCells(i, _leapDelta[i]);
        for (int i = 0; i < count; i++)
            if (_switchOut[i] > 0) DistributeSwitches(run, i, _switchOut[i], ref rng);
        run.RetireEmptyClones();
        run.Day = end;
    }

    /// <summary>
    /// A time in [0, τ) distributed like a division on the path n(s) = n₀e^{rs}: inverse of the
    /// normalised ∫₀ˢ e^{rv} dv, uniform when r = 0.
    /// </summary>
    private static double PathTime(double uniform, double growth, double tau)
    {
        double rt = growth * tau;
        if (Math.Abs(rt) < 1e-9) return uniform * tau;
        return Math.Log(1 + uniform * double.ExpM1(rt)) / growth;
    }

    private void SimulateSmall(SimulationRun run, double end)
    {
        var clones = run.Clones;
        ref Xoshiro256StarStar rng = ref run.Random;
        int next = 0;
        while (true)
        {
            double nextInjection = next < _injections ? _injectionDay[next] : double.PositiveInfinity;
            double stop = Math.Min(end, nextInjection);
            double when = _smallTotal > 0 ? run.Day + Samplers.Exponential(ref rng, _smallTotal) : double.PositiveInfinity;
            if (when >= stop)
            {
                if (stop >= end) return;
                // A large clone's mutant is born now; the pending small-clone waiting time is discarded (memoryless).
                run.Day = stop;
                int parent = _injectionParent[next++];
                double u = clones.MutationProbability[parent];
                run.AddMutant(parent, run.Mutations.Mutate(clones.Genotype[parent], rng.NextDouble() * u));
                continue;
            }
            run.Day = when;
            ExactEventsInLeaps++;
            int i = _small.Find(rng.NextDouble() * _smallTotal);
            double birth = clones.Birth[i], death = clones.Death[i] + _heldDensityDeath;
            double channel = rng.NextDouble() * (birth + death + clones.Switch[i]);
            if (channel < birth)
            {
                if (rng.NextDouble() >= _heldBirthFactor) continue;   // thinned by growth limitation
                double mutation = clones.MutationProbability[i];
                if (mutation > 0 && rng.NextDouble() < mutation)
                    run.AddMutant(i, run.Mutations.Mutate(clones.Genotype[i], rng.NextDouble() * mutation));
                else
                    run.AddBirths(i, 1);
            }
            else if (channel < birth + death)
            {
                run.AdjustCells(i, -1);   // retired after the leap, so indices stay valid within it
            }
            else
            {
                run.AddToPhenotypeSibling(i, run.ChoosePhenotypeSwitch(i, rng.NextDouble()), 1);
                run.AdjustCells(i, -1);
            }
        }
    }

    private void RebuildSmall(int count)
    {
        _small.SetSize(count);
        for (int i = 0; i < count; i++) _small.Set(i, _exact[i] ? SmallWeight(i) : 0);
        _small.Rebuild();
        _smallTotal = _small.ExactTotal();
    }

    private double SmallWeight(int index)
    {
        var clones = _run!.Clones;
        return (clones.Birth[index] + clones.Death[index] + _heldDensityDeath + clones.Switch[index]) * clones.Cells[index];
    }

    public void CloneChanged(int index)
    {
        if (_run is null) return;
        if (_directActive)
        {
            _direct.CloneChanged(index);
            return;
        }
        if (index >= _small.Size)
        {
            // A clone founded during the leap (mutant or new phenotype sibling) is born exact.
            EnsureCapacity(index + 1);
            _small.SetSize(index + 1);
            _exact[index] = true;
            _leapDelta[index] = 0;
            _switchOut[index] = 0;
        }
        if (!_exact[index]) return;
        double weight = SmallWeight(index);
        _smallTotal += weight - _small[index];
        _small.Set(index, weight);
    }

    public void CloneRetired(int index, int movedFrom)
    {
        if (_directActive) _direct.CloneRetired(index, movedFrom);
        // Between leaps the small-clone tree is rebuilt from scratch, so nothing to move here.
    }

    public void AllRatesChanged()
    {
        if (_directActive) _direct.AllRatesChanged();
    }

    /// <summary>Splits a large clone's switching cells among its phenotype flips in proportion to their rates.</summary>
    private void DistributeSwitches(SimulationRun run, int index, long switches, ref Xoshiro256StarStar rng)
    {
        if (switches <= 0) return;
        int phenotypes = run.Layout.PhenotypeCount;
        var rates = _phenotypeRates.AsSpan(0, phenotypes);
        run.PhenotypeSwitchRates(index, rates);
        double total = 0;
        foreach (double r in rates) total += r;
        if (!(total > 0)) return;
        for (int p = 0; p < phenotypes; p++) rates[p] /= total;
        var counts = _phenotypeCounts.AsSpan(0, phenotypes);
        Samplers.Multinomial(ref rng, switches, rates, counts);
        for (int p = 0; p < phenotypes; p++)
            if (counts[p] > 0) run.AddToPhenotypeSibling(index, p, counts[p]);
    }

    private void AddInjection(double day, int parent)
    {
        if (_injections == _injectionDay.Length)
        {
            Array.Resize(ref _injectionDay, _injections * 2);
            Array.Resize(ref _injectionParent, _injections * 2);
        }
        _injectionDay[_injections] = day;
        _injectionParent[_injections++] = parent;
    }

    private void SortInjections()
    {
        if (_injections > 1) Array.Sort(_injectionDay, _injectionParent, 0, _injections);
    }

    private void EnsureCapacity(int count)
    {
        if (count <= _exact.Length) return;
        int capacity = Math.Max(count, _exact.Length * 2);
        Array.Resize(ref _exact, capacity);
        Array.Resize(ref _leapDelta, capacity);
        Array.Resize(ref _switchOut, capacity);
    }
}
