using ResistanceSim.Engine.Ode;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Algorithms;

/// <summary>
/// The deterministic mean field of the chain (<see cref="MeanFieldSystem"/>), integrated by
/// Dormand–Prince 5(4) with error control (<see cref="EngineSettings.OdeRelativeTolerance"/>,
/// <see cref="EngineSettings.OdeAbsoluteTolerance"/>) and dense output at sampling times, falling back to the
/// L-stable Rosenbrock ROS2 when DOPRI5's stiffness test fires or its step size collapses. Drug
/// changes are discontinuities: steps end exactly on them and the integrator restarts there. Use
/// it for teaching, fitting and large-N checks; it has no extinction, no pre-existing-resistance
/// lottery and no variance.
/// <para>
/// The run's clones hold the rounded expected counts, one clone per genotype (per_genotype
/// semantics whatever the scenario's lineage mode), written at every checkpoint; a genotype's clone
/// is founded when its expected count first rounds to one cell. The run ends when the total
/// reaches the size limit (located on the dense output) or rounds to zero.
/// </para>
/// </summary>
public sealed class OdeMethod : ISimulationAlgorithm
{
    private MeanFieldSystem? _system;
    private Scenario? _systemScenario;
    private IOdeStepper? _stepper;
    private bool _stiff;
    private double[] _state = [];
    private double[] _trial = [];
    private double[] _pausedConcentration = [];
    private double[] _concentration = [];
    private double _limit;
    private bool _running;
    private readonly Dictionary<ulong, int> _cloneOf = [];

    public EngineKind Kind => EngineKind.Ode;

    public ICloneListener? Listener => null;

    /// <summary>Expected (unrounded) cells per reachable genotype at <see cref="SimulationRun.Day"/>.</summary>
    public ReadOnlySpan<double> Expected => _state;

    /// <summary>The genotypes of <see cref="Expected"/>, in the same order.</summary>
    public IReadOnlyList<ulong> Genotypes => _system?.Genotypes ?? [];

    /// <summary>Expected total cells at <see cref="SimulationRun.Day"/>.</summary>
    public double ExpectedTotal => Spans.Sum(_state);

    /// <summary>Whether the last run switched to the stiff (Rosenbrock) integrator.</summary>
    public bool UsedStiffSolver => _stiff;

    /// <summary>Accepted steps of the current integrator since its last restart.</summary>
    public int Steps => _stepper?.AcceptedSteps ?? 0;

    public void Begin(SimulationRun run)
    {
        if (_system is null || !ReferenceEquals(_systemScenario, run.Scenario))
        {
            var initial = new List<ulong>();
            foreach (ulong g in run.Clones.Genotype) initial.Add(g);
            _system = new MeanFieldSystem(run.Scenario, run.Signal, run.Mutations, run.Schedule, initial);
            _systemScenario = run.Scenario;
            _state = new double[_system.Dimension];
            _trial = new double[_system.Dimension];
            _concentration = new double[run.Signal.DrugCount];
            _pausedConcentration = new double[run.Signal.DrugCount];
        }
        Array.Clear(_state);
        var clones = run.Clones;
        for (int i = 0; i < clones.Count; i++) _state[_system.IndexOf[clones.Genotype[i]]] += clones.Cells[i];
        _stepper = new DormandPrince54(_system.Dimension);
        _stiff = false;
        _running = false;
        WriteClones(run);
    }

    public void Advance(SimulationRun run, double untilDay)
    {
        var system = _system!;
        double limit = Math.Min(run.Schedule.NextChangeAfter(run.Day), run.StopDay);
        if (!_running || limit != _limit || ScheduleChangedWhilePaused(run)) Restart(run, limit);

        // Rounding each genotype may lose up to half a cell: aim that much past the limit so the
        // rounded total the run checks has reached it too.
        double sizeTarget = run.SizeLimit + 0.5 * system.Dimension;
        var stepper = _stepper!;
        while (true)
        {
            run.Cancellation.ThrowIfCancellationRequested();
            if (Spans.Sum(stepper.Y) >= sizeTarget)
            {
                double reached = LocateSize(stepper, sizeTarget);
                if (reached <= untilDay)
                {
                    stepper.Interpolate(reached, _state);
                    run.Day = reached;
                    Pause(run);
                    return;
                }
            }
            if (stepper.T >= untilDay) break;
            if (!stepper.Step(_limit))
            {
                if (_stiff) throw new InvalidOperationException($"The ode engine's step size collapsed at day {stepper.T} even with the stiff solver.");
                _stiff = true;
                stepper.Interpolate(stepper.T, _state);
                var stiff = new Rosenbrock2(system.Dimension);
                stiff.Initialize(stepper.T, _state, system.Derivative, Rtol(run), Atol(run));
                _stepper = stepper = stiff;
            }
        }
        stepper.Interpolate(untilDay, _state);
        run.Day = untilDay;
        Pause(run);
    }

    private void Restart(SimulationRun run, double limit)
    {
        var system = _system!;
        _limit = limit;
        if (run.Schedule.VariesContinuously) system.FollowSchedule(limit);
        else system.HoldRatesAt(run.Day);
        _stepper!.Initialize(run.Day, _state, system.Derivative, Rtol(run), Atol(run));
        _running = true;
    }

    /// <summary>An adaptive protocol may change the schedule when it observes a sample: then the steps already taken past that sample are void.</summary>
    private bool ScheduleChangedWhilePaused(SimulationRun run)
    {
        run.Schedule.TotalConcentrations(run.Day, _concentration);
        return !_concentration.AsSpan().SequenceEqual(_pausedConcentration);
    }

    private void Pause(SimulationRun run)
    {
        run.Schedule.TotalConcentrations(run.Day, _pausedConcentration);
        WriteClones(run);
    }

    /// <summary>The first time in the last step at which the total reaches <paramref name="size"/>, by bisection on the dense output.</summary>
    private double LocateSize(IOdeStepper stepper, double size)
    {
        double low = stepper.PreviousT, high = stepper.T;
        for (int k = 0; k < 60 && high - low > 1e-12 * Math.Max(1, high); k++)
        {
            double mid = 0.5 * (low + high);
            stepper.Interpolate(mid, _trial);
            if (Spans.Sum(_trial) >= size) high = mid;
            else low = mid;
        }
        return high;
    }

    /// <summary>Writes rounded expected counts into the run's clones, one clone per genotype, and the unrounded total into <see cref="SimulationRun.ExpectedCells"/>.</summary>
    private void WriteClones(SimulationRun run)
    {
        var system = _system!;
        var clones = run.Clones;
        run.ExpectedCells = ExpectedTotal;
        _cloneOf.Clear();
        for (int i = 0; i < clones.Count; i++)
        {
            if (_cloneOf.TryAdd(clones.Genotype[i], i)) continue;
            run.AdjustCells(i, -clones.Cells[i]);   // a duplicate genotype (per_event initial clones) merges into the first
        }
        for (int s = 0; s < system.Dimension; s++)
        {
            long target = Round(_state[s]);
            ulong genotype = system.Genotypes[s];
            if (_cloneOf.TryGetValue(genotype, out int index))
            {
                long delta = target - clones.Cells[index];
                if (delta != 0) run.AdjustCells(index, delta);
            }
            else if (target > 0)
            {
                Found(run, s, target);
            }
        }
        run.RetireEmptyClones();
    }

    private void Found(SimulationRun run, int state, long cells)
    {
        var system = _system!;
        var (parent, phenotype) = system.Origin(state);
        while (parent >= 0 && !_cloneOf.ContainsKey(system.Genotypes[parent])) (parent, phenotype) = (system.Origin(parent).Parent, -1);
        int parentIndex = parent >= 0 ? _cloneOf[system.Genotypes[parent]] : 0;
        ulong genotype = system.Genotypes[state];
        int index;
        if (phenotype >= 0 && parent >= 0)
        {
            run.AddToPhenotypeSibling(parentIndex, phenotype, cells);
            index = run.Clones.Count - 1;
        }
        else
        {
            index = run.AddMutant(parentIndex, genotype);
            if (cells != 1) run.AdjustCells(index, cells - 1);
        }
        _cloneOf[genotype] = index;
    }

    private static long Round(double cells) =>
        cells <= 0 ? 0 : cells >= long.MaxValue / 2 ? long.MaxValue / 2 : (long)Math.Round(cells, MidpointRounding.AwayFromZero);

    private static double Rtol(SimulationRun run) => run.Scenario.Engine.OdeRelativeTolerance;

    private static double Atol(SimulationRun run) => run.Scenario.Engine.OdeAbsoluteTolerance;
}
