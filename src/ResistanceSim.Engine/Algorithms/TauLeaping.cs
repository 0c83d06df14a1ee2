using System.Runtime.CompilerServices;
using ResistanceSim.Engine.Genetics;
using ResistanceSim.Engine.Random;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Algorithms;

/// <summary>
/// Leaping with exact per-clone birth–death transitions (the BNB method of Mather et al. 2012,
/// see <see cref="BirthDeathTransition"/>): within a leap each clone's count moves by one binomial
/// and one negative-binomial draw, exact for constant rates and never negative (for huge clones each draw is its
/// normal limit, within 1e-3 of the exact distribution function). Between clones the
/// leap approximates: a clone's line grows with birth λ(1 − u) (divisions that give a mutant daughter
/// do not add to it), its mutant daughters are Poisson(uλ × the leap's cell-days), mutants arising per
/// unit time Poisson(ν × cell-days), the cell-days being their expectation given the line's transition
/// (<see cref="LineCellDays"/>); each mutant is founded at a time drawn in proportion to its
/// parent's cells along the leap and grown exactly for the rest of it, founding its own mutants the
/// same way. Phenotype switches are a Poisson share of the cell-days, and growth limitation is held
/// at its start-of-leap value for every line, new ones included.
/// <para>
/// Step-size rule (after Cao, Gillespie &amp; Petzold 2006, J Chem Phys 124:044109): the leap keeps
/// the expected relative change of the total population below ε (so density effects and size
/// limits are resolved to ε), and, where growth limitation depends on the total, the total's
/// standard deviation over the leap below ε too; the expected events per cell stay below ε in clones that switch
/// phenotype; it always lands exactly on sampling times and drug changes. Use it for large populations, where the exact method would
/// simulate billions of single events.
/// </para>
/// </summary>
public sealed class TauLeaping : ISimulationAlgorithm
{
    private long[] _start = new long[64];
    private long[] _stop = new long[64];   // the transition's count, before switching cells leave
    private long[] _end = new long[64];
    private long[] _mutants = new long[64];
    private long[] _arising = new long[64];
    private long[] _switches = new long[64];
    private readonly LineCellDaysCache _cellDays = new();

    public EngineKind Kind => EngineKind.Tau;

    public ICloneListener? Listener => null;

    /// <summary>Clone-steps simulated since the algorithm was created (for benchmarks).</summary>
    public long CloneSteps { get; private set; }

    public void Begin(SimulationRun run) => EnsureCapacity(run.Clones.Count);

    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public void Advance(SimulationRun run, double untilDay)
    {
        var clones = run.Clones;
        double maxCells = run.SizeLimit;
        double epsilon = run.Scenario.Engine.TauEpsilon;
        while (run.Day < untilDay)
        {
            run.Cancellation.ThrowIfCancellationRequested();
            long n = clones.TotalCells;
            if (n == 0 || n >= maxCells) return;
            double g = run.Growth.BirthFactor(n);
            double h = run.Growth.DeathPerCell(n);
            double remaining = untilDay - run.Day;
            double tau = Math.Min(LeapSize(run, g, h, epsilon), remaining);
            Leap(run, g, h, tau);
            // Land exactly on the checkpoint so sampling times and dose changes are not smeared.
            run.Day = tau >= remaining ? untilDay : run.Day + tau;
        }
    }

    /// <summary>Largest |r|·τ a leap may span, so e^{rτ} stays far inside double range.</summary>
    private const double MaxGrowthExponent = 30;

    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private static double LeapSize(SimulationRun run, double g, double h, double epsilon)
    {
        var clones = run.Clones;
        var cells = clones.Cells;
        var birth = clones.Birth;
        var death = clones.Death;
        var switching = clones.Switch;
        double tau = double.PositiveInfinity;
        double drift = 0, curvature = 0, noise = 0, fastest = 0;
        for (int i = 0; i < cells.Length; i++)
        {
            double b = g * birth[i], d = death[i] + h, r = b - d;
            drift += r * cells[i];
            curvature += r * r * cells[i];
            noise += (b + d) * cells[i];
            fastest = Math.Max(fastest, Math.Abs(r));
            if (switching[i] > 0) tau = Math.Min(tau, epsilon / (b + d + switching[i]));
        }
        // The total may change by at most ε per leap: growth limitation is held at its start value,
        // and size limits (detection, capacity) are met within ε.
        tau = Math.Min(tau, TotalChangeLimit(clones.TotalCells, drift, curvature, epsilon));
        if (run.Growth.DependsOnDensity) tau = Math.Min(tau, DensityNoiseLimit(clones.TotalCells, noise, epsilon));
        if (fastest > 0) tau = Math.Min(tau, MaxGrowthExponent / fastest);
        return tau;
    }

    /// <summary>
    /// Longest leap over which the expected total N(τ) = Σ nᵢe^{rᵢτ} moves by at most ε·N, to second
    /// order: the drift Σ rᵢnᵢ bounds the first-order change, the curvature Σ rᵢ²nᵢ the second. The
    /// second matters when clones grow and shrink at once (a fitter clone replacing its parent under
    /// density-dependent death): the drift is then near zero while the total still moves.
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    internal static double TotalChangeLimit(double total, double drift, double curvature, double epsilon)
    {
        double tau = double.PositiveInfinity;
        if (drift != 0) tau = epsilon * total / Math.Abs(drift);
        if (curvature > 0) tau = Math.Min(tau, Math.Sqrt(2 * epsilon * total / curvature));
        return tau;
    }

    /// <summary>
    /// Longest leap over which the total's own randomness, standard deviation √(Σ(bᵢ + dᵢ)nᵢτ) (the
    /// <paramref name="noise"/> is Σ(bᵢ + dᵢ)nᵢ), stays within ε·N (or one cell): the variance half of Cao et
    /// al.'s rule, for the total. Growth limitation is held for the leap, so where it depends on N, N's
    /// random walk must stay small too: a population at its density equilibrium has no drift, and without
    /// this bound leapt from sample to sample with its density regulation switched off (issue #19).
    /// </summary>
    internal static double DensityNoiseLimit(double total, double noise, double epsilon)
    {
        double allowed = Math.Max(epsilon * total, 1);
        return noise > 0 ? allowed * allowed / noise : double.PositiveInfinity;
    }

    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private void Leap(SimulationRun run, double g, double h, double tau)
    {
        var clones = run.Clones;
        int count = clones.Count;
        EnsureCapacity(count);
        ref Xoshiro256StarStar rng = ref run.Random;

        // Every clone's transition from its start-of-leap count…
        for (int i = 0; i < count; i++)
        {
            long start = clones.Cells[i];
            _start[i] = start;
            double b = g * clones.Birth[i];
            double u = clones.MutationProbability[i];
            double d = clones.Death[i] + h;
            long end = LineTransition(ref rng, start, b, u, d, tau, out long survivingLines);
            double s = clones.Switch[i];
            double nu = clones.MutationPerDay[i];
            double cellDays = SendsCells(b, u, nu, s) ? _cellDays.Of(b * (1 - u), d, tau).Step(start, survivingLines, end) : 0;
            long mutants = MutantDaughters(ref rng, b, u, cellDays);
            long switches = s > 0 ? Math.Min(Samplers.Poisson(ref rng, s * cellDays), end) : 0;
            _stop[i] = end;
            _end[i] = end - switches;
            _mutants[i] = mutants;
            _arising[i] = nu > 0 ? Samplers.Poisson(ref rng, nu * cellDays) : 0;   // per unit time: not taken from the parent
            _switches[i] = switches;
        }
        CloneSteps += count;

        // …then applied: first every clone's own count, then the cells it sent elsewhere (which
        // may join an existing clone under per_genotype). New clones are appended past `count`
        // and first act in the next leap; emptied clones are retired last, so indices stay valid.
        for (int i = 0; i < count; i++)
        {
            long delta = _end[i] - clones.Cells[i];
            if (delta != 0) run.AdjustCells(i, delta);
        }
        for (int i = 0; i < count; i++)
        {
            for (long k = 0; k < _mutants[i]; k++)
            {
                CancellationCheck.AfterEvent(k + 1, run.Cancellation);
                FoundMutant(run, i, run.Mutations.PerDivision, clones.MutationProbability[i], _start[i], _stop[i], g, h, tau, ref rng);
            }
            for (long k = 0; k < _arising[i]; k++)
            {
                CancellationCheck.AfterEvent(k + 1, run.Cancellation);
                FoundMutant(run, i, run.Mutations.PerDay, clones.MutationPerDay[i], _start[i], _stop[i], g, h, tau, ref rng);
            }
            if (_switches[i] > 0) run.DistributePhenotypeSwitches(i, _switches[i], ref rng);
        }
        run.RetireEmptyClones();
    }

    /// <summary>
    /// A mutant cell (from <paramref name="table"/>, whose total for the parent is <paramref name="total"/>),
    /// born within the <paramref name="tau"/> days in which its parent's line went from
    /// <paramref name="parentStart"/> to <paramref name="parentEnd"/> cells and grown exactly for the
    /// rest of them under the leap's growth limitation (<paramref name="g"/>, <paramref name="h"/>, held at
    /// their start-of-leap values like every other clone's: the total at this point already counts the
    /// leap's end, and other mutants, so it would slow the line). Its own line's mutants within that
    /// rest are founded the same way, recursively:
    /// without them a genotype founded in a leap could not mutate again until the next leap, which
    /// delayed multi-mutant genotypes on long leaps (issue #19, the McFarland case of docs/engines.md).
    /// </summary>
    private static void FoundMutant(SimulationRun run, int parent, MutationTable table, double total,
        long parentStart, long parentEnd, double g, double h, double tau, ref Xoshiro256StarStar rng)
    {
        var clones = run.Clones;
        ulong genotype = table.Mutate(clones.Genotype[parent], rng.NextDouble() * total);
        int index = run.AddMutant(parent, genotype);
        double rest = tau - FoundingTime(parentStart, parentEnd, tau, rng.NextDouble());
        double birth = g * clones.Birth[index];
        double perDivision = clones.MutationProbability[index];
        double death = clones.Death[index] + h;
        long cells = LineTransition(ref rng, 1, birth, perDivision, death, rest, out long survived);
        if (cells != 1) run.AdjustCells(index, cells - 1);

        double perDay = clones.MutationPerDay[index];
        double cellDays = SendsCells(birth, perDivision, perDay, 0) ? LineCellDays.Of(birth * (1 - perDivision), death, rest).Step(1, survived, cells) : 0;
        long mutants = MutantDaughters(ref rng, birth, perDivision, cellDays);
        long arising = perDay > 0 ? Samplers.Poisson(ref rng, perDay * cellDays) : 0;   // per unit time: not taken from the line
        // New clones are appended and none is retired within the leap, so index stays valid.
        for (long k = 0; k < mutants; k++)
            FoundMutant(run, index, run.Mutations.PerDivision, perDivision, 1, cells, g, h, rest, ref rng);
        for (long k = 0; k < arising; k++)
            FoundMutant(run, index, run.Mutations.PerDay, perDay, 1, cells, g, h, rest, ref rng);
    }

    /// <summary>
    /// A clone's own line over τ: a division gives two cells of the clone with probability 1 − u and
    /// one plus a mutant daughter otherwise, so the line is a birth–death process with birth λ(1 − u),
    /// exactly; the mutant daughters (<see cref="MutantDaughters"/>) are the complementary thinning of
    /// the divisions, rate uλn(t), and a line that died out may still have made some. Huge lines take the normal limit
    /// of the two counts (<see cref="BirthDeathTransition.SampleWithNormalLimit"/>).
    /// </summary>
    private static long LineTransition(ref Xoshiro256StarStar rng, long cells, double birth, double mutationProbability, double death, double tau, out long survivingLines) =>
        BirthDeathTransition.SampleWithNormalLimit(ref rng, cells, birth * (1 - mutationProbability), death, tau, out survivingLines);

    /// <summary>Whether a line sends cells elsewhere (mutants per division or per day, phenotype switches): only then are its cell-days needed.</summary>
    private static bool SendsCells(double birth, double mutationProbability, double mutationPerDay, double switching) =>
        (mutationProbability > 0 && birth > 0) || mutationPerDay > 0 || switching > 0;

    /// <summary>Mutant daughters of a line that lived <paramref name="cellDays"/> cell-days: Poisson(uλ·cell-days).</summary>
    private static long MutantDaughters(ref Xoshiro256StarStar rng, double birth, double mutationProbability, double cellDays) =>
        mutationProbability > 0 && birth > 0 ? Samplers.Poisson(ref rng, mutationProbability * birth * cellDays) : 0;

    /// <summary>
    /// When, within <paramref name="tau"/>, a mutant of a line going from <paramref name="start"/> to
    /// <paramref name="end"/> cells is born, given the uniform <paramref name="uniform"/>: mutants arise in
    /// proportion to the cells alive, so the time has density ∝ n(t) on the exponential path
    /// n(t) = start·(end/start)^{t/τ} (an approximation: the cell-days that set how many mutants there are
    /// are the exact conditional expectation, <see cref="LineCellDays"/>);
    /// uniform when the line did not change or died out. A line founded by one cell that grew to
    /// thousands makes nearly all its mutants late in the leap, which a uniform time would miss.
    /// </summary>
    private static double FoundingTime(long start, long end, double tau, double uniform)
    {
        if (start == end || start == 0 || end == 0) return tau * uniform;
        double ratio = (double)end / start;
        return tau * Math.Log(1 + uniform * (ratio - 1)) / Math.Log(ratio);
    }

    private void EnsureCapacity(int count)
    {
        if (count <= _end.Length) return;
        int capacity = Math.Max(count, _end.Length * 2);
        Array.Resize(ref _start, capacity);
        Array.Resize(ref _stop, capacity);
        Array.Resize(ref _end, capacity);
        Array.Resize(ref _mutants, capacity);
        Array.Resize(ref _arising, capacity);
        Array.Resize(ref _switches, capacity);
    }
}
