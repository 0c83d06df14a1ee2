using ResistanceSim.Engine.Exposure;
using ResistanceSim.Engine.Genetics;
using ResistanceSim.Engine.Pharmacodynamics;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Ode;

/// <summary>
/// The mean field (first-moment equations) of the model's Markov chain over the genotypes
/// reachable from the initial ones by mutation and phenotype switching. For state i with cells x_i:
/// <code>
/// dx_i/dt = g(N)·β_i·(1 − U_i)·x_i − (δ_i + h(N) + σ_i)·x_i + Σ_j (g(N)·β_j·u_{j→i} + ν_{j→i})·x_j + Σ_j σ_{j→i}·x_j
/// </code>
/// (a division of j yields a daughter of i with probability u_{j→i}, and a cell of j gives rise to one of i
/// at ν_{j→i} per day; the parent stays). For linear
/// rates this is exactly d E[x]/dt; with growth limitation it is the usual mean-field closure.
/// Rates follow the exposure schedule: re-evaluated at every right-hand-side call when the schedule
/// varies continuously, and held between change points otherwise (where they are constant).
/// </summary>
public sealed class MeanFieldSystem
{
    /// <summary>Largest reachable set the engine integrates; beyond it the hybrid engine is the tool.</summary>
    public const int MaxStates = 20_000;

    private readonly SignalModel _signal;
    private readonly GrowthLimitation _growth;
    private readonly IExposureSchedule _schedule;
    private readonly GenotypeLayout _layout;
    private readonly ulong[] _genotypes;
    private readonly int[] _parent;            // BFS parent state, −1 for initial states
    private readonly int[] _viaPhenotype;      // phenotype flipped from the parent, −1 if reached by mutation
    private readonly Transitions _perDivision; // u_{j→i}
    private readonly Transitions _perDay;      // ν_{j→i}
    private readonly double[] _totalMutation;
    private readonly int[] _flipTarget;        // [state * phenotypes + p], −1 when the flip is never used
    private readonly double[] _birth, _death, _switchRate, _concentration, _heldConcentration;
    private bool _ratesHeld;
    private double _latestEvaluation = double.PositiveInfinity;

    public MeanFieldSystem(Scenario scenario, SignalModel signal, MutationModel mutations, IExposureSchedule schedule, IReadOnlyList<ulong> initial)
    {
        _signal = signal;
        _growth = new GrowthLimitation(scenario.Population.GrowthLimit);
        _schedule = schedule;
        _layout = scenario.Catalog.Layout;
        int phenotypes = _layout.PhenotypeCount;
        var switching = scenario.Catalog.Phenotypes
            .Select(p => p.OnPerDay + p.OnPerDayAtFullStress + p.OffPerDay + p.OffPerDayWithoutStress > 0).ToArray();

        var genotypes = new List<ulong>();
        var parent = new List<int>();
        var via = new List<int>();
        var index = new Dictionary<ulong, int>();
        foreach (ulong g in initial)
            if (index.TryAdd(g, genotypes.Count)) { genotypes.Add(g); parent.Add(-1); via.Add(-1); }

        var outcomes = new List<(ulong Genotype, double Weight)>();
        var perDivision = new TransitionsBuilder();
        var perDay = new TransitionsBuilder();
        var flips = new List<int>();
        for (int s = 0; s < genotypes.Count; s++)
        {
            ulong g = genotypes[s];
            AddRow(mutations.PerDivision, perDivision, s);
            AddRow(mutations.PerDay, perDay, s);
            for (int p = 0; p < phenotypes; p++)
                flips.Add(switching[p] ? Intern(_layout.WithPhenotype(g, p, !_layout.HasPhenotype(g, p)), s, p) : -1);
        }

        void AddRow(MutationTable table, TransitionsBuilder row, int s)
        {
            table.Outcomes(genotypes[s], outcomes);
            foreach (var (child, weight) in outcomes) row.Add(Intern(child, s, -1), weight);
            row.EndRow();
        }

        int Intern(ulong genotype, int from, int phenotype)
        {
            if (index.TryGetValue(genotype, out int existing)) return existing;
            if (genotypes.Count >= MaxStates)
                throw new NotSupportedException($"The ode engine supports at most {MaxStates:N0} reachable genotypes; this scenario has more " +
                    "(many mechanisms or compound mutations). Use the hybrid engine.");
            index[genotype] = genotypes.Count;
            genotypes.Add(genotype);
            parent.Add(from);
            via.Add(phenotype);
            return genotypes.Count - 1;
        }

        _genotypes = [.. genotypes];
        _parent = [.. parent];
        _viaPhenotype = [.. via];
        _perDivision = perDivision.Build();
        _perDay = perDay.Build();
        _flipTarget = [.. flips];
        _totalMutation = _genotypes.Select(mutations.PerDivision.Total).ToArray();
        int n = _genotypes.Length;
        _birth = new double[n];
        _death = new double[n];
        _switchRate = new double[n * Math.Max(phenotypes, 1)];
        _concentration = new double[signal.DrugCount];
        _heldConcentration = new double[signal.DrugCount];
        IndexOf = index;
    }

    public int Dimension => _genotypes.Length;
    public IReadOnlyList<ulong> Genotypes => _genotypes;
    public IReadOnlyDictionary<ulong, int> IndexOf { get; }

    /// <summary>The state this one was first reached from (−1 for initial states) and the phenotype flipped (−1: by mutation).</summary>
    public (int Parent, int ViaPhenotype) Origin(int state) => (_parent[state], _viaPhenotype[state]);

    /// <summary>Holds rates at the schedule's levels at <paramref name="day"/> (for a segment with constant drug levels).</summary>
    public void HoldRatesAt(double day)
    {
        _schedule.TotalConcentrations(day, _heldConcentration);
        EvaluateRates(_heldConcentration);
        _ratesHeld = true;
    }

    /// <summary>
    /// Rates follow the schedule continuously (re-evaluated at every call of <see cref="Derivative"/>)
    /// over a segment that ends at the discontinuity <paramref name="segmentEnd"/>. Stages at the end
    /// itself take the left limit (the last double before it): a schedule runtime that only moves
    /// forward must not be pushed into the next phase by a step that may still be rejected.
    /// </summary>
    public void FollowSchedule(double segmentEnd)
    {
        _ratesHeld = false;
        _latestEvaluation = double.IsFinite(segmentEnd) ? Math.BitDecrement(segmentEnd) : double.PositiveInfinity;
    }

    public void Derivative(double t, ReadOnlySpan<double> x, Span<double> dx)
    {
        if (!_ratesHeld)
        {
            _schedule.TotalConcentrations(Math.Min(t, _latestEvaluation), _concentration);
            EvaluateRates(_concentration);
        }
        double total = Spans.Sum(x);
        double g = _growth.BirthFactor(total), h = _growth.DeathPerCell(total);
        int phenotypes = _layout.PhenotypeCount;
        dx.Clear();
        for (int s = 0; s < x.Length; s++)
        {
            double cells = x[s];
            double divisions = g * _birth[s] * cells;
            double switching = 0;
            for (int p = 0; p < phenotypes; p++)
            {
                int target = _flipTarget[s * phenotypes + p];
                if (target < 0) continue;
                double flow = _switchRate[s * phenotypes + p] * cells;
                dx[target] += flow;
                switching += flow;
            }
            dx[s] += divisions * (1 - _totalMutation[s]) - (_death[s] + h) * cells - switching;
            _perDivision.Flow(s, divisions, dx);
            _perDay.Flow(s, cells, dx);
        }
    }

    /// <summary>Mutation outcomes of every state as compressed rows (CSR): target states and weights.</summary>
    private sealed class Transitions(int[] rowStart, int[] target, double[] weight)
    {
        /// <summary>Adds <paramref name="amount"/> times each of state <paramref name="s"/>'s weights to its targets.</summary>
        public void Flow(int s, double amount, Span<double> dx)
        {
            for (int k = rowStart[s]; k < rowStart[s + 1]; k++) dx[target[k]] += amount * weight[k];
        }
    }

    private sealed class TransitionsBuilder
    {
        private readonly List<int> _rowStart = [0];
        private readonly List<int> _target = [];
        private readonly List<double> _weight = [];

        public void Add(int target, double weight)
        {
            _target.Add(target);
            _weight.Add(weight);
        }

        public void EndRow() => _rowStart.Add(_target.Count);

        public Transitions Build() => new([.. _rowStart], [.. _target], [.. _weight]);
    }

    private void EvaluateRates(ReadOnlySpan<double> concentration)
    {
        int phenotypes = _layout.PhenotypeCount;
        for (int s = 0; s < _genotypes.Length; s++)
        {
            var rates = _signal.Evaluate(_genotypes[s], concentration);
            _birth[s] = rates.Birth;
            _death[s] = rates.Death;
            for (int p = 0; p < phenotypes; p++)
                _switchRate[s * phenotypes + p] = _signal.SwitchRate(_genotypes[s], p, rates.AlkInhibition);
        }
    }
}
