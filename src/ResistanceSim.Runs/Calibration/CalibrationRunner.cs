using System.Diagnostics;
using System.Globalization;
using ResistanceSim.Analysis.Calibration;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model.Calibration;
using ResistanceSim.Output.Locking;
using ResistanceSim.Output.Shards;
using ResistanceSim.Scenarios.Calibration;
using ResistanceSim.Scenarios.Diagnostics;

namespace ResistanceSim.Runs.Calibration;

/// <summary>What <c>resistancesim calibrate</c> was asked to do, after parsing.</summary>
public sealed record CalibrationOptions(string CalibrationPath, string OutputRoot, int Threads, ShardSpec Shard, bool Resume, int? Budget);

/// <summary>
/// Runs ABC-SMC over a calibration's scenarios (docs/calibration.md): generation by generation, proposals are
/// evaluated <c>--threads</c> at a time, each journaled the moment it is known; a generation ends once its first
/// <c>particles</c> accepted proposals by index are known. Shards of a Slurm array share the run directory: shard K
/// evaluates proposals K, K+N, …, reads the other shards' journals, and evaluates a proposal another shard has not
/// delivered after a grace period itself (the result is the same), so no shard waits forever on one that never ran.
/// Ctrl+C keeps every finished evaluation; <c>--resume</c> replays them and continues.
/// </summary>
public static class CalibrationRunner
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Fits the calibration into <c>&lt;out&gt;/&lt;name&gt;/</c>, writing progress and the posterior to the log.</summary>
    /// <exception cref="RunRequestException">The budget is below one generation, or the directory holds another calibration's journal.</exception>
    public static void Execute(CalibrationOptions options, CalibrationLog log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var calibration = CalibrationScenarioRun.LoadValidated(options.CalibrationPath);
        var plan = calibration.Plan;
        if (options.Budget < plan.Abc.Particles)
            throw new RunRequestException(string.Create(CultureInfo.InvariantCulture,
                $"--budget {options.Budget} is smaller than one generation ({plan.Abc.Particles} particles in {options.CalibrationPath}); give at least {plan.Abc.Particles}"));
        string runDirectory = Path.Combine(options.OutputRoot, plan.Name);
        string identity = $"# resistancesim calibration {calibration.Document.Sha256Hex} seed {plan.Seed.ToString(CultureInfo.InvariantCulture)}";
        // Held before the journal or the scratch folder is touched: a second calibrate (a --resume started too early) of
        // the same shard would otherwise append to the journal and clear the scenario runs of the one still running.
        using var runLock = RunDirectoryLock.Acquire(runDirectory, options.Shard, $"resistancesim calibrate {options.CalibrationPath}");
        using var journal = CalibrationJournal.Open(runDirectory, options.Shard, identity, options.Resume, ResumeCommand(options));
        var evaluator = new ParticleEvaluator(calibration, CalibrationScratch.ForShard(runDirectory, options.Shard.Index));
        var priors = plan.Parameters.Select(p => p.Prior).ToArray();
        var known = journal.ReadAll(priors.Length, plan.Targets.Count);
        if (known.Count > 0) log.Output.WriteLine($"Resuming: {known.Count} evaluations already journaled.");
        string shardNote = options.Shard.IsWhole ? "" : $", shard {options.Shard}";
        log.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Calibrating {plan.Parameters.Count} parameters to {plan.Targets.Count} targets over {plan.Scenarios.Count(plan.IsFitted)} scenarios: ABC-SMC, {plan.Abc.Particles} particles, up to {plan.Abc.Generations} generations{shardNote}"));

        var session = new Session(plan, priors, evaluator, journal, options, log) { Evaluations = known.Count };
        var result = session.Run();
        if (result.Populations.Count == 0)
            throw new RunRequestException(string.Create(CultureInfo.InvariantCulture,
                $"--budget {options.Budget} ended the calibration before its first generation had {plan.Abc.Particles} accepted particles; raise it"));
        if (plan.Abc.Preset == PresetPoint.NearestOnNewPatients)
        {
            var newPatients = new List<CalibrationJournal>();   // one journal per draw of new patients
            try
            {
                for (int draw = 0; draw < plan.Abc.PresetDraws; draw++)
                    newPatients.Add(CalibrationJournal.OpenNewPatients(runDirectory, options.Shard, identity, draw));
                result = result with { Preset = session.ChooseOnNewPatients(result.Populations[^1], newPatients) };
            }
            finally
            {
                foreach (var drawJournal in newPatients) drawJournal.Dispose();
            }
        }
        CalibrationOutputs.Write(runDirectory, calibration, result, journal.ReadAll(priors.Length, plan.Targets.Count));
        CalibrationOutputs.PrintSummary(log.Output, calibration, result);
        log.Output.WriteLine($"Wrote {runDirectory}{Path.DirectorySeparatorChar} ({result.Evaluations} evaluations).");
        CalibrationScratch.Leave(runDirectory, options.Shard.Index);
    }

    private static string ResumeCommand(CalibrationOptions options) =>
        $"resistancesim calibrate {options.CalibrationPath} --out {options.OutputRoot}" + (options.Shard.IsWhole ? "" : $" --shard {options.Shard}") + " --resume";

    /// <summary>The populations of every finished generation, their records, why the fit stopped, evaluations done, and the member the preset sets.</summary>
    internal sealed record Result(IReadOnlyList<AbcPopulation> Populations, IReadOnlyList<GenerationRecord> Generations, string StopReason, int Evaluations,
        PresetMember? Preset);

    private sealed class Session(CalibrationPlan plan, Prior[] priors, ParticleEvaluator evaluator, CalibrationJournal journal,
        CalibrationOptions options, CalibrationLog log)
    {
        private readonly List<CalibrationJournal.Entry> _journaled = [];
        private int _evaluations;
        private bool _warnedInvalid;

        /// <summary>Evaluations journaled so far (all shards' at the start, then this process's added); the budget counts these.</summary>
        public int Evaluations { get => _evaluations; init => _evaluations = value; }

        public Result Run()
        {
            var populations = new List<AbcPopulation>();
            var records = new List<GenerationRecord>();
            AbcPopulation? previous = null;
            string reason = "";
            for (int g = 0; g < plan.Abc.Generations; g++)
            {
                var clock = Stopwatch.StartNew();
                IAbcGeneration generation = previous is not null && plan.Abc.Method == AbcMethod.Move
                    ? new AbcMoveGeneration(g, priors, previous, plan.Abc.Particles, plan.Abc.Quantile, plan.Seed)
                    : new AbcSmcGeneration(g, priors, previous, plan.Abc.Particles, plan.Abc.Quantile, plan.Seed);
                if (!Complete(generation))
                {
                    reason = $"the budget of {options.Budget} evaluations ran out during generation {g}";
                    break;
                }
                previous = generation.Build();
                populations.Add(previous);
                var record = new GenerationRecord(g, generation.Epsilon, generation.ProposalsUsed, generation.Accepted, previous.EffectiveSampleSize, clock.Elapsed.TotalSeconds);
                records.Add(record);
                log.Output.WriteLine(record.Describe());
                if (g > 0 && record.AcceptanceRate < plan.Abc.MinAcceptance) { reason = $"acceptance fell below {plan.Abc.MinAcceptance:0.###}"; break; }
                if (g > 0 && generation.Epsilon <= plan.Abc.MinEpsilon) { reason = $"the tolerance reached {plan.Abc.MinEpsilon:0.###}"; break; }
                reason = $"{plan.Abc.Generations} generations done";
            }
            var preset = populations.Count > 0 ? CalibratedPreset.ChosenOnTheFitsCohorts(plan, populations[^1]) : null;
            return new Result(populations, records, reason, _evaluations, preset);
        }

        /// <summary>The preset member chosen on new patients (<see cref="NewPatientsChoice"/>); Ctrl+C keeps the runs done.</summary>
        public PresetMember ChooseOnNewPatients(AbcPopulation final, IReadOnlyList<CalibrationJournal> newPatientsJournals)
        {
            try
            {
                return NewPatientsChoice.Choose(plan, final, newPatientsJournals, options.Shard,
                    (values, label, draw) => EvaluateOrReject(() => evaluator.EvaluateOnNewPatients(values, label, draw, options.Threads, log.Cancellation)),
                    log.Output, log.Cancellation);
            }
            catch (OperationCanceledException)
            {
                log.Error.WriteLine($"Stopped; every finished run is journaled. Continue with: {ResumeCommand(options)}");
                throw;
            }
        }

        /// <summary>
        /// Evaluates proposals until the generation is complete; false when the budget runs out first. Up to
        /// <c>--threads</c> evaluations are in flight at all times: a new one starts the moment one ends, since parameter
        /// sets differ several-fold in cost and waiting for a whole batch would leave threads idle.
        /// </summary>
        private bool Complete(IAbcGeneration generation)
        {
            Stopwatch? waiting = null;
            double meanSeconds = 1;
            var progress = new GenerationProgress(log.Output, plan.Abc.Particles);
            var inFlight = new Dictionary<int, (Task<CalibrationJournal.Entry> Task, long Started)>();
            int finished = 0;
            int next = options.Shard.Index;   // this shard's next own proposal
            try
            {
                while (true)
                {
                    Merge(generation);
                    if (generation.IsComplete && inFlight.Count == 0) return true;
                    if (!generation.IsComplete && !log.Cancellation.IsCancellationRequested)
                    {
                        while (inFlight.Count < options.Threads && !(_evaluations + inFlight.Count >= options.Budget))
                        {
                            int? index = NextProposal(generation, inFlight, ref next, ref waiting, meanSeconds);
                            if (index is not { } k) break;
                            double[] values = generation.Propose(k);
                            inFlight[k] = (Task.Run(() => Evaluate(generation.Number, k, values)), Stopwatch.GetTimestamp());
                        }
                    }
                    if (inFlight.Count == 0)
                    {
                        log.Cancellation.ThrowIfCancellationRequested();
                        if (_evaluations >= options.Budget) return false;
                        Thread.Sleep(PollInterval);   // waiting out another shard's grace period
                        continue;
                    }
                    Task.WaitAny([.. inFlight.Values.Select(f => f.Task)], PollInterval);
                    foreach (var (index, (task, started)) in inFlight.Where(f => f.Value.Task.IsCompleted).ToArray())
                    {
                        inFlight.Remove(index);
                        TakeIn(generation, task.GetAwaiter().GetResult());
                        meanSeconds += (Stopwatch.GetElapsedTime(started).TotalSeconds - meanSeconds) / ++finished;
                    }
                    progress.Report(generation);
                }
            }
            catch (OperationCanceledException)
            {
                // Keep every evaluation that finished; the journal already holds it.
                foreach (var (task, _) in inFlight.Values)
                    if (task.IsCompletedSuccessfully) TakeIn(generation, task.Result);
                log.Error.WriteLine($"Stopped; every finished evaluation is journaled. Continue with: {ResumeCommand(options)}");
                throw new OperationCanceledException(log.Cancellation);
            }
            finally
            {
                try { Task.WaitAll([.. inFlight.Values.Select(f => f.Task)]); } catch (AggregateException) { /* cancelled evaluations: reported above */ }
            }
        }

        /// <summary>Offers a finished evaluation of this process to its generation and counts it against the budget.</summary>
        private void TakeIn(IAbcGeneration generation, CalibrationJournal.Entry entry)
        {
            generation.Offer(entry.Index, entry.Values, entry.Distance);
            _evaluations++;
        }

        /// <summary>
        /// The next proposal to start here, or null: this shard's own while the generation wants more; otherwise, after a
        /// grace period for the shards that own them, proposals the generation still misses (the results are the same
        /// whoever computes them).
        /// </summary>
        private int? NextProposal(IAbcGeneration generation, Dictionary<int, (Task<CalibrationJournal.Entry> Task, long Started)> inFlight, ref int next,
            ref Stopwatch? waiting, double meanSeconds)
        {
            if (generation.WantsMoreProposals)
                for (; next < generation.ProposalLimit; next += options.Shard.Count)
                    if (!generation.HasResult(next) && !inFlight.ContainsKey(next))
                    {
                        int own = next;
                        next += options.Shard.Count;
                        return own;
                    }
            if (inFlight.Count > 0) return null;   // own work still running: the missing ones may be this shard's
            waiting ??= Stopwatch.StartNew();
            if (!ShardGrace.IsOver(waiting.Elapsed, meanSeconds)) return null;
            foreach (int missing in generation.MissingBeforeComplete())
                if (!inFlight.ContainsKey(missing)) return missing;
            return null;
        }

        private CalibrationJournal.Entry Evaluate(int generation, int index, double[] values)
        {
            double[] simulated = EvaluateOrReject(() => evaluator.Evaluate(values, $"g{generation}-p{index}", log.Cancellation));
            var entry = new CalibrationJournal.Entry(generation, index, CalibrationDistance.Of(plan.Targets, simulated, plan.Abc.Distance), values, simulated);
            journal.Append(entry);
            return entry;
        }

        /// <summary>The simulated metrics, or all NaN (an infinite distance: rejected) when the scenario refuses the values or they make a patient impossible.</summary>
        private double[] EvaluateOrReject(Func<double[]> evaluate)
        {
            try
            {
                return evaluate();
            }
            catch (ScenarioValidationException e)
            {
                return Reject(e.Diagnostics.FirstOrDefault()?.ToString() ?? e.Message);
            }
            catch (ImpossiblePatientException e)
            {
                return Reject(e.Message);
            }
        }

        private double[] Reject(string why)
        {
            lock (log.Error)
            {
                if (!_warnedInvalid) log.Error.WriteLine($"warning: a proposed parameter set cannot be simulated and is rejected (further ones silently): {why}");
                _warnedInvalid = true;
            }
            return [.. plan.Targets.Select(_ => double.NaN)];
        }

        /// <summary>Takes in what this and the other shards have journaled for the generation (later generations' lines wait in <see cref="_journaled"/>).</summary>
        private void Merge(IAbcGeneration generation)
        {
            _journaled.AddRange(journal.ReadNew(priors.Length, plan.Targets.Count));
            foreach (var entry in _journaled)
                if (entry.Generation == generation.Number && !generation.HasResult(entry.Index))
                    generation.Offer(entry.Index, entry.Values, entry.Distance);
            _journaled.RemoveAll(entry => entry.Generation <= generation.Number);
        }
    }
}
