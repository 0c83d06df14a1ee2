using ResistanceSim.Engine.Random;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Algorithms;

/// <summary>
/// Binomial tau-leaping: each leap, every cell of a clone has at most one event with
/// probability 1 − e^{−aτ} (a = its total per-cell rate), drawn as one binomial per clone and
/// split by conditional binomials into births, deaths and phenotype switches; mutant daughters
/// are a binomial share of the births. Counts therefore never go negative (Tian &amp; Burrage 2004,
/// J Chem Phys 121:10356; Chatterjee et al. 2005). The leap size follows the Cao, Gillespie &amp;
/// Petzold (2006, J Chem Phys 124:044109) rule: the expected change and its standard deviation
/// in every clone stay below ε·n (at least one cell). Use it for large populations where the
/// exact method would simulate billions of events; small clones are better served by the exact
/// or hybrid engines.
/// </summary>
public sealed class TauLeaping : ISimulationAlgorithm
{
    private long[] _births = new long[64];
    private long[] _mutants = new long[64];
    private long[] _deaths = new long[64];
    private long[] _switches = new long[64];
    private readonly double[] _phenotypeRates = new double[8];
    private readonly long[] _phenotypeCounts = new long[8];

    public EngineKind Kind => EngineKind.Tau;

    public ICloneListener? Listener => null;

    public void Begin(SimulationRun run) => EnsureCapacity(run.Clones.Count);

    /// <summary>Clone-steps simulated since the algorithm was created (for benchmarks).</summary>
    public long CloneSteps { get; private set; }

    public void Advance(SimulationRun run, double untilDay)
    {
        var clones = run.Clones;
        double maxCells = run.Scenario.Stop.MaxCells;
        double epsilon = run.Scenario.Engine.TauEpsilon;
        while (run.Day < untilDay)
        {
            long n = clones.TotalCells;
            if (n == 0 || n >= maxCells) return;
            double g = run.Growth.BirthFactor(n);
            double h = run.Growth.DeathPerCell(n);
            double tau = Math.Min(LeapSize(run, g, h, epsilon), untilDay - run.Day);
            Leap(run, g, h, tau);
            // Land exactly on the checkpoint so sampling times and dose changes are not smeared.
            run.Day = untilDay - run.Day <= tau ? untilDay : run.Day + tau;
        }
    }

    /// <summary>Cao et al. (2006) leap condition for the birth–death–switch process of every clone.</summary>
    private static double LeapSize(SimulationRun run, double g, double h, double epsilon)
    {
        var clones = run.Clones;
        var cells = clones.Cells;
        var birth = clones.Birth;
        var death = clones.Death;
        var switching = clones.Switch;
        double tau = double.PositiveInfinity;
        for (int i = 0; i < cells.Length; i++)
        {
            double n = cells[i];
            double b = g * birth[i];
            double d = death[i] + h;
            double drift = Math.Abs(b - d - switching[i]) * n;
            double spread = (b + d + switching[i]) * n;
            double bound = Math.Max(epsilon * n, 1.0);
            if (drift > 0) tau = Math.Min(tau, bound / drift);
            if (spread > 0) tau = Math.Min(tau, bound * bound / spread);
        }
        return tau;
    }

    private void Leap(SimulationRun run, double g, double h, double tau)
    {
        var clones = run.Clones;
        int count = clones.Count;
        EnsureCapacity(count);
        ref Xoshiro256StarStar rng = ref run.Random;

        // Draw every clone's events from the counts at the start of the leap…
        for (int i = 0; i < count; i++)
        {
            long n = clones.Cells[i];
            double b = g * clones.Birth[i];
            double d = clones.Death[i] + h;
            double s = clones.Switch[i];
            double a = b + d + s;
            _births[i] = _mutants[i] = _deaths[i] = _switches[i] = 0;
            if (a <= 0 || n == 0) continue;
            long events = Samplers.Binomial(ref rng, n, -double.ExpM1(-a * tau));
            if (events == 0) continue;
            long births = Samplers.Binomial(ref rng, events, b / a);
            long rest = events - births;
            long deaths = rest == 0 ? 0 : s == 0 ? rest : Samplers.Binomial(ref rng, rest, d / (d + s));
            double u = clones.MutationProbability[i];
            _births[i] = births;
            _mutants[i] = u > 0 && births > 0 ? Samplers.Binomial(ref rng, births, u) : 0;
            _deaths[i] = deaths;
            _switches[i] = rest - deaths;
        }
        CloneSteps += count;

        // …then apply them. New clones are appended past `count` and first act in the next leap;
        // emptied clones are retired last, so the indices above stay valid throughout.
        for (int i = 0; i < count; i++)
        {
            long net = _births[i] - _mutants[i] - _deaths[i] - _switches[i];
            if (net != 0) run.AdjustCells(i, net);
            for (long k = 0; k < _mutants[i]; k++)
                run.AddMutant(i, run.Mutations.Mutate(clones.Genotype[i], rng.NextDouble() * clones.MutationProbability[i]));
            if (_switches[i] > 0) DistributeSwitches(run, i, _switches[i], ref rng);
        }
        run.RetireEmptyClones();
    }

    /// <summary>Splits a clone's switching cells among its phenotype flips in proportion to their rates.</summary>
    private void DistributeSwitches(SimulationRun run, int index, long switches, ref Xoshiro256StarStar rng)
    {
        int phenotypes = run.Layout.PhenotypeCount;
        var rates = _phenotypeRates.AsSpan(0, phenotypes);
        run.PhenotypeSwitchRates(index, rates);
        double total = 0;
        foreach (double r in rates) total += r;
        for (int p = 0; p < phenotypes; p++) rates[p] /= total;
        var counts = _phenotypeCounts.AsSpan(0, phenotypes);
        Samplers.Multinomial(ref rng, switches, rates, counts);
        for (int p = 0; p < phenotypes; p++)
            if (counts[p] > 0) run.AddToPhenotypeSibling(index, p, counts[p]);
    }

    private void EnsureCapacity(int count)
    {
        if (count <= _births.Length) return;
        int capacity = Math.Max(count, _births.Length * 2);
        Array.Resize(ref _births, capacity);
        Array.Resize(ref _mutants, capacity);
        Array.Resize(ref _deaths, capacity);
        Array.Resize(ref _switches, capacity);
    }
}
