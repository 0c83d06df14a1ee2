using System.Runtime.CompilerServices;
using ResistanceSim.Engine.Culture;
using ResistanceSim.Engine.Exposure;
using ResistanceSim.Engine.Genetics;
using ResistanceSim.Engine.Pharmacodynamics;
using ResistanceSim.Engine.Observation;
using ResistanceSim.Engine.Random;
using ResistanceSim.Engine.State;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Running;

/// <summary>
/// The state of one simulation and the operations every algorithm shares: births with mutation,
/// deaths, phenotype switches, rate refresh when drug levels change, sampling, stop rules.
/// Algorithms decide only when and where events happen. A worker reuses one instance for many
/// work units (<see cref="Start"/> resets it), so steady-state runs allocate nothing.
/// </summary>
public sealed class SimulationRun
{
    private const int PhenotypeKeyBits = 8;

    private readonly double[] _concentration;
    private readonly double[] _rateConcentration;   // where rates are evaluated: the midpoint of the hold when levels vary continuously
    private ICloneListener? _listener;
    private IRunObserver? _observer;
    private double _nextSampleDay;
    private double _nextChangeDay;
    private double _nextRateStepDay;
    private int _sampleIndex;
    private long[] _passageCounts = [];
    private readonly double[] _phenotypeRates = new double[PhenotypeKeyBits];
    private readonly long[] _phenotypeCounts = new long[PhenotypeKeyBits];

    /// <summary>Killed cells a scan still reads (<see cref="Model.Clinical.TumourImaging.KilledCellsHalfLifeDays"/>).</summary>
    private readonly UnclearedKills _unclearedKills = new();

    /// <summary>Cells of each sanctuary lesion a scan sees, counted at every scan (<see cref="SanctuaryCensus"/>).</summary>
    private readonly double[] _sanctuaryLesionCells;

    public SimulationRun(Scenario scenario, IExposureSchedule? schedule = null)
    {
        Scenario = scenario;
        Layout = scenario.Catalog.Layout;
        Signal = new SignalModel(scenario);
        Mutations = new MutationModel(scenario.Catalog);
        Growth = new GrowthLimitation(scenario.Population.GrowthLimit);
        Progression = scenario.Progression;
        var priorLines = scenario.Cohort?.PriorLines ?? Protocol.None;
        StudiedPhase = priorLines.Phases.Count;
        Schedule = schedule ?? new ProtocolSchedule(priorLines.Then(scenario.Protocol), scenario.DrugList,
            scenario.Population.GrowthLimit.CapacityCells, scenario.Cohort?.Adherence ?? 1);
        _concentration = new double[Signal.DrugCount];
        _rateConcentration = new double[Signal.DrugCount];
        _sanctuaryLesionCells = new double[SanctuaryBurden.ImagedLesions(scenario.Catalog)];
        if (Layout.PhenotypeCount > PhenotypeKeyBits)
            throw new ArgumentException($"At most {PhenotypeKeyBits} phenotype states are supported.");
    }

    public Scenario Scenario { get; }
    public GenotypeLayout Layout { get; }
    public SignalModel Signal { get; }
    public MutationModel Mutations { get; }
    public GrowthLimitation Growth { get; }
    public IExposureSchedule Schedule { get; }
    public ProgressionRule Progression { get; }
    public CloneState Clones { get; } = new();
    public CloneRegistry Registry { get; } = new();
    public ResponseTracker Response { get; } = new();

    /// <summary>Cells the drugs have killed that the body has not cleared yet, which scans read with the living (0 unless the cohort's scans say so).</summary>
    public double UnclearedKilledCells => _unclearedKills.Cells;

    /// <summary>The agent engine driving this run, for observers that record space (cells, spatial summaries); null for clone engines.</summary>
    public Agents.AgentMethod? Agents { get; set; }

    /// <summary>The run's random stream; algorithms draw from it by reference.</summary>
    public Xoshiro256StarStar Random;

    /// <summary>
    /// A stop request (Ctrl+C, SIGTERM) that the algorithms observe inside their loops — every few thousand
    /// events or every step (<see cref="Algorithms.CancellationCheck"/>) — so even one long advance ends within milliseconds.
    /// </summary>
    public CancellationToken Cancellation { get; set; }

    public WorkUnit Unit { get; private set; }

    /// <summary>Times the initial clones were laid down on this instance (each work unit's start, and each patient history
    /// grown again after one died out): an algorithm with its own per-cell state (the agent engine) tells a new start's
    /// clone changes, which arrive before <see cref="Algorithms.ISimulationAlgorithm.Begin"/>, from its own.</summary>
    public long Seedings { get; private set; }
    public double Day { get; set; }
    public double StopDay { get; private set; }
    public bool Finished { get; private set; }
    public RunOutcome Outcome { get; private set; }
    public int SampleIndex => _sampleIndex;

    /// <summary>Algorithms stop early when the population reaches this size: the stop rule's, or the detection size during a patient's untreated history.</summary>
    public double SizeLimit { get; private set; }

    /// <summary>True while a virtual patient's tumour grows untreated towards detection (no samples, no drug).</summary>
    public bool InHistory { get; private set; }

    /// <summary>True while a virtual patient receives the cohort's prior lines (scanned, not recorded) until progression.</summary>
    public bool InPriorLine { get; private set; }

    /// <summary>Index of the schedule's first phase of the studied protocol (after the cohort's prior lines).</summary>
    public int StudiedPhase { get; }

    /// <summary>Days on the cohort's prior lines, from diagnosis to the progression that starts the studied line; 0 without prior lines.</summary>
    public double PriorLineDays { get; private set; }

    /// <summary>Sanctuary lesions treated locally before the studied line (<see cref="Cohort.SanctuaryLocalTherapy"/>).</summary>
    public int SanctuaryLesionsTreated { get; private set; }

    /// <summary>Length of the untreated history (days from the first cell to diagnosis); 0 without a cohort.</summary>
    public double DiagnosisDay { get; private set; }

    /// <summary>Histories started before one reached detection (the others died out).</summary>
    public int HistoryAttempts { get; private set; }

    /// <summary>
    /// Arms share random streams (common random numbers): the stream of a unit depends on its point and
    /// replicate, not its arm, so arms compared on the same patient see the same history and the same luck.
    /// </summary>
    private const int CommonRandomNumbersArm = 0;

    private const int MaxHistoryAttempts = 1_000_000;

    /// <summary>Patients whose tumour never progresses on the prior lines are redrawn this often before the scenario is judged unusable.</summary>
    private const int MaxIneligibleHistories = 1_000;

    private int _ineligibleHistories;

    /// <summary>Where this unit leaves the past it grows for the patient's other arms; null once left, or when not shared.</summary>
    private SharedHistories? _historyTakers;

    /// <summary>This unit's patient at diagnosis, waiting to be left with the prior lines' end (<see cref="SharePriorLines"/>).</summary>
    private PatientHistory? _diagnosed;

    /// <summary>False once a prior line reached the studied arm's phases (ran past its time): the patient's past then depends on the arm.</summary>
    private bool _priorLinesStayedInTheirPhases;

    /// <summary>Passages (1:k splits at confluence) so far in this run.</summary>
    public int Passages { get; private set; }

    /// <summary>Unrounded total cells at <see cref="Day"/> when a deterministic (mean-field) engine drives the run; NaN for stochastic engines.</summary>
    public double ExpectedCells { get; set; }

    /// <summary>Current total concentrations (nM), scenario drug order.</summary>
    public ReadOnlySpan<double> Concentrations => _concentration;

    /// <summary>The concentrations (nM) the clones' rates are evaluated at now (the hold's midpoint when levels vary continuously).</summary>
    public ReadOnlySpan<double> RateConcentrations => _rateConcentration;

    /// <summary>g(N): the growth-limitation factor on every birth rate now.</summary>
    public double BirthFactor => Growth.BirthFactor(Clones.TotalCells);

    /// <summary>h(N): density-dependent death per cell now.</summary>
    public double DensityDeath => Growth.DeathPerCell(Clones.TotalCells);

    /// <summary>The earliest of the next sample, drug change, rate step and stop time.</summary>
    public double NextCheckpoint => Math.Min(Math.Min(_nextSampleDay, _nextChangeDay), Math.Min(_nextRateStepDay, StopDay));

    /// <param name="histories">For cohorts: where the patient's history may already wait (grown by another arm), and
    /// where this unit leaves the one it grows; null to grow every history.</param>
    public void Start(WorkUnit unit, IRunObserver? observer, ICloneListener? listener, SharedHistories? histories = null)
    {
        Unit = unit;
        _observer = observer;
        _listener = listener;
        Random = RandomStreams.ForWorkUnit(Scenario.Seed, CommonRandomNumbersArm, unit.Point, unit.Replicate);
        Schedule.Reset(DoseStreamKey);
        Clones.Clear();
        Registry.Clear();
        _unclearedKills.Reset(Scenario.Cohort?.Imaging.KilledCellsHalfLifeDays ?? 0);
        DiagnosisDay = 0;
        PriorLineDays = 0;
        HistoryAttempts = 0;
        _ineligibleHistories = 0;
        ExpectedCells = double.NaN;
        _historyTakers = null;
        _diagnosed = null;
        _priorLinesStayedInTheirPhases = true;
        if (Scenario.Cohort is null)
        {
            SeedInitialClones();
            BeginTreatment();
        }
        else if (histories?.Claim(unit, Schedule) is { } history) Resume(history);
        else
        {
            _historyTakers = histories;
            SeedInitialClones();
            BeginHistory(Scenario.Cohort);
        }
    }

    /// <summary>
    /// Continues from the past another arm's run grew for this patient — at diagnosis, or at the end of the prior lines —
    /// exactly as if this run had grown it.
    /// </summary>
    private void Resume(PatientHistory history)
    {
        Clones.CopyFrom(history.Clones);
        Registry.CopyFrom(history.Registry);
        Random = history.Random;
        DiagnosisDay = history.DiagnosisDay;
        HistoryAttempts = history.Attempts;
        if (history.Schedule is null)
        {
            BeginAfterDiagnosis();
            return;
        }
        Schedule.ResumeFrom(history.Schedule);
        Day = history.PriorLineDays;
        _unclearedKills.ResumeAt(Day, history.UnclearedKilledCells);
        BeginStudiedLine();
    }

    private void SeedInitialClones()
    {
        Seedings++;
        foreach (var initial in Scenario.Population.Initial)
        {
            ulong genotype = GenotypeOf(initial.Mechanisms);
            int existing = Scenario.Population.Lineage == LineageMode.PerGenotype ? Clones.IndexOf((long)genotype) : -1;
            if (existing >= 0)
            {
                Clones.AddCells(existing, initial.Cells);
                continue;
            }
            int id = Registry.Register(CloneRegistry.NoParent, 0, genotype, lineage: -1);
            SetMutationTotals(Clones.Add(genotype, id, LookupKey(genotype, id), initial.Cells));
        }
    }

    /// <summary>A virtual patient's tumour grows without drug, unobserved, until detection (<see cref="Cohort"/>).</summary>
    private void BeginHistory(Cohort cohort)
    {
        InHistory = true;
        InPriorLine = false;
        _unclearedKills.Reset(cohort.Imaging.KilledCellsHalfLifeDays);
        HistoryAttempts++;
        Day = 0;
        StopDay = cohort.HistoryMaxDays;
        SizeLimit = cohort.DetectionCells;
        Finished = false;
        _nextSampleDay = _nextChangeDay = _nextRateStepDay = double.PositiveInfinity;
        RefreshRates();
    }

    /// <summary>
    /// Day 0 of treatment: the visible sanctuary lesions are treated locally if the cohort says so, then samples, drug
    /// schedule and response tracking start with the clones present now.
    /// </summary>
    private void BeginTreatment()
    {
        SanctuaryLesionsTreated = 0;
        if (Scenario.Cohort is { SanctuaryLocalTherapy: { } therapy } cohort)
        {
            var rng = RandomStreams.ForWorkUnit(Scenario.Seed, CommonRandomNumbersArm, Unit.Point, Unit.Replicate, RandomStreams.LocalTherapyPurpose);
            SanctuaryLesionsTreated = SanctuaryLocalTreatment.Apply(this, therapy, cohort.Imaging, ref rng, _sanctuaryLesionCells);
            if (SanctuaryLesionsTreated > 0) _listener?.AllRatesChanged();
        }
        BeginScannedPeriod(priorLine: false, Scenario.Stop.Days);
        Outcome = RunOutcome.Censored;
        Passages = 0;
        _observer?.RunStarted(this);
        ReachCheckpoint();
    }

    /// <summary>
    /// Day 0 of a period under the schedule and the scans — the cohort's prior lines or the studied treatment: clocks,
    /// samples and the response tracker start afresh with the clones present now.
    /// </summary>
    private void BeginScannedPeriod(bool priorLine, double stopDay)
    {
        InHistory = false;
        InPriorLine = priorLine;
        Day = 0;
        StopDay = stopDay;
        SizeLimit = Scenario.Stop.MaxCells;
        Finished = false;
        _unclearedKills.Rebase();
        Response.Reset(Progression);
        _sampleIndex = 0;
        _nextSampleDay = 0;
        _nextChangeDay = Schedule.NextChangeAfter(0);
        _nextRateStepDay = Schedule.VariesContinuously ? Scenario.Engine.RateStepDays : double.PositiveInfinity;
        RefreshRates();
        HoldUnclearedKills();
    }

    /// <summary>The key of this work unit's per-dose random events (missed doses); arms share it (common random numbers).</summary>
    private ulong DoseStreamKey =>
        RandomStreams.StreamKey(Scenario.Seed, CommonRandomNumbersArm, Unit.Point, Unit.Replicate, RandomStreams.DosingPurpose);

    /// <summary>During the history: a tumour that died out starts again; one that reached detection is diagnosed.</summary>
    private bool ReachHistoryCheckpoint()
    {
        if (Clones.TotalCells == 0)
        {
            RestartHistory("untreated tumours all died out before detection; is b0 > d0?");
            return true;
        }
        if (Clones.TotalCells >= SizeLimit)
        {
            DiagnosisDay = Day;
            if (Scenario.Cohort!.SanctuaryAtDiagnosis is { } lesion) SanctuaryLesionAtDiagnosis.Place(this, lesion, Scenario.Cohort.Imaging);
            Registry.ShiftBornDays(-Day);
            ShareDiagnosis();
            BeginAfterDiagnosis();
            return true;
        }
        if (Day >= StopDay)
            throw new ImpossiblePatientException(FormattableString.Invariant(
                $"Patient {Unit.Point}: the untreated tumour holds {Clones.TotalCells} cells after {StopDay} days and has not reached detection ({SizeLimit} cells)."));
        return false;
    }

    /// <summary>
    /// A unit that grew its patient's history leaves it for the other arms at the first diagnosis: at once without prior
    /// lines, else with the prior lines' end. A later diagnosis follows prior lines on which this patient was not eligible.
    /// </summary>
    private void ShareDiagnosis()
    {
        if (_historyTakers is null || _ineligibleHistories > 0) return;
        if (!_historyTakers.Diagnosed(Unit))
        {
            _historyTakers = null;
            return;
        }
        var diagnosed = PatientHistory.Diagnosed(this);
        if (StudiedPhase > 0)
        {
            _diagnosed = diagnosed;
            return;
        }
        _historyTakers.Offer(Unit, diagnosed);
        _historyTakers = null;
    }

    /// <summary>
    /// The prior lines have ended: the patient's past is left for the other arms — through the prior lines when they
    /// stayed in their own phases (so would have run alike in any arm), else from diagnosis.
    /// </summary>
    private void SharePriorLines()
    {
        if (_historyTakers is null || _diagnosed is null) return;
        bool armIndependent = _priorLinesStayedInTheirPhases && Schedule.PhaseIndex < StudiedPhase;
        _historyTakers.Offer(Unit, armIndependent ? PatientHistory.ThroughPriorLines(this, _diagnosed) : _diagnosed);
        _historyTakers = null;
        _diagnosed = null;
    }

    /// <summary>Day 0 of the prior lines, or of the studied arm when there are none.</summary>
    private void BeginAfterDiagnosis()
    {
        if (StudiedPhase > 0) BeginPriorLine();
        else BeginTreatment();
    }

    /// <summary>Grows another patient history from the initial cells (the last one died out, or was not eligible for the studied line).</summary>
    private void RestartHistory(string reasonIfAllFail)
    {
        if (HistoryAttempts >= MaxHistoryAttempts)
            throw new ImpossiblePatientException(FormattableString.Invariant($"Patient {Unit.Point}: {MaxHistoryAttempts} patient histories: {reasonIfAllFail}"));
        Registry.Clear();
        Clones.Clear();
        SeedInitialClones();
        Schedule.Reset(DoseStreamKey);
        BeginHistory(Scenario.Cohort!);
    }

    /// <summary>Diagnosis with prior lines: the schedule's first phases are given, scanned by RECIST but not recorded, until progression.</summary>
    private void BeginPriorLine()
    {
        BeginScannedPeriod(priorLine: true, Scenario.Cohort!.PriorLineMaxDays);
        ReachPriorLineCheckpoint();
    }

    /// <summary>
    /// During the prior lines: scans at the cohort's interval; RECIST progression (or outgrowing the size limit) starts
    /// the studied line with the tumour as it is; a tumour that dies out or never progresses makes the patient
    /// ineligible, and another history is grown.
    /// </summary>
    private bool ReachPriorLineCheckpoint()
    {
        AdvanceUnclearedKills();
        bool ratesDue = AdvanceScheduleClocks();
        long cells = Clones.TotalCells;
        if (cells == 0 || Day >= StopDay)
        {
            _priorLinesStayedInTheirPhases &= Schedule.PhaseIndex < StudiedPhase;
            if (++_ineligibleHistories >= MaxIneligibleHistories)
                throw new ImpossiblePatientException(FormattableString.Invariant(
                    $"Patient {Unit.Point}: {MaxIneligibleHistories} tumours in a row died out or stayed controlled on the cohort's prior lines, so this patient can never start the studied line; make the prior lines less effective for such patients (e.g. cap their chemosensitivity) or lengthen cohort.prior_line_max_days"));
            RestartHistory("no patient's tumour progressed on the cohort's prior lines (all died out or stayed controlled for prior_line_max_days)");
            return true;
        }
        if (Day >= _nextSampleDay || cells >= SizeLimit)
        {
            ObserveResponse(cells);
            if (Response.Progressed || cells >= SizeLimit)
            {
                BeginStudiedLine();
                return true;
            }
            AdvanceSampleClock();
            if (Schedule.Observe(Day, cells, progressed: false))
            {
                _nextChangeDay = Schedule.NextChangeAfter(Day);
                ratesDue = true;
            }
        }
        if (ratesDue) RefreshRates();
        HoldUnclearedKills();
        return false;
    }

    /// <summary>The progression that ends the prior lines is day 0 of the studied arm: its first phase starts, clocks shift.</summary>
    private void BeginStudiedLine()
    {
        SharePriorLines();
        PriorLineDays = Day;
        Schedule.SwitchToPhase(StudiedPhase, Day);
        Schedule.Rebase(Day);
        Registry.ShiftBornDays(-Day);
        BeginTreatment();
    }

    /// <summary>Moves the drug-change and rate-step clocks past <see cref="Day"/>; true when rates must be re-evaluated.</summary>
    private bool AdvanceScheduleClocks()
    {
        bool ratesDue = false;
        if (Day >= _nextChangeDay)
        {
            _nextChangeDay = Schedule.NextChangeAfter(Day);
            ratesDue = true;
        }
        if (Day >= _nextRateStepDay)
        {
            _nextRateStepDay = Day + Scenario.Engine.RateStepDays;
            ratesDue = true;
        }
        return ratesDue;
    }

    /// <summary>
    /// Handles whatever falls due at <see cref="Day"/> (the algorithm has advanced to
    /// <see cref="NextCheckpoint"/> or stopped early on extinction or size): samples, drug
    /// changes, rate steps and the stop rules. Returns true when the clock or the clone set was
    /// restarted (a patient's history began again or reached diagnosis): the algorithm must begin anew.
    /// </summary>
    public bool ReachCheckpoint()
    {
        if (Finished) return false;
        if (InHistory) return ReachHistoryCheckpoint();
        if (InPriorLine) return ReachPriorLineCheckpoint();
        AdvanceUnclearedKills();
        bool ratesDue = AdvanceScheduleClocks();
        bool extinct = Clones.TotalCells == 0;
        bool tooBig = Clones.TotalCells >= SizeLimit;
        bool sampleDue = Day >= _nextSampleDay || Day >= StopDay || extinct || tooBig;
        // Smoothly varying drug levels are also refreshed at samples, so recorded concentrations are the schedule's at that time.
        if (ratesDue || (sampleDue && Schedule.VariesContinuously)) RefreshRates();

        if (sampleDue)
        {
            Sample();
            int switches = Schedule.ResponseSwitches;
            if (Schedule.Observe(Day, Clones.TotalCells, Response.Progressed))
            {
                if (Schedule.ResponseSwitches != switches)
                    Response.StartNextLine(Day, ScannedCells(Clones.TotalCells), _sanctuaryLesionCells);
                _nextChangeDay = Schedule.NextChangeAfter(Day);
                RefreshRates();
            }
            if (Scenario.Passaging is { } passaging && !extinct
                && Clones.TotalCells >= passaging.AtConfluenceFraction * Scenario.Population.GrowthLimit.CapacityCells)
                Passage(passaging.SplitRatio);
        }
        HoldUnclearedKills();

        if (extinct) Finish(RunOutcome.Extinct);
        else if (Response.Progressed && Scenario.Stop.OnProgression) Finish(RunOutcome.Progressed);
        else if (Day >= StopDay || tooBig) Finish(Response.Progressed ? RunOutcome.Progressed : AllShrinking() ? RunOutcome.Cured : RunOutcome.Censored);
        return false;
    }

    private void Sample()
    {
        var cells = Clones.Cells;
        var ids = Clones.RegistryId;
        for (int i = 0; i < cells.Length; i++) Registry.RecordSample(ids[i], cells[i]);
        ObserveResponse(Clones.TotalCells);
        _observer?.Sampled(this);
        AdvanceSampleClock();
    }

    /// <summary>A scan (or sample) of the tumour of <paramref name="cells"/> cells now.</summary>
    private void ObserveResponse(long cells) => Response.Observe(Day, ScannedCells(cells), _sanctuaryLesionCells);

    /// <summary>
    /// What a scan reads of a tumour of <paramref name="cells"/> living cells: those it sees (less the unseen sanctuary
    /// pool, counting each imaged sanctuary lesion into <see cref="_sanctuaryLesionCells"/>) and the killed cells not yet cleared.
    /// </summary>
    private double ScannedCells(long cells) => cells - SanctuaryCensus() + _unclearedKills.Cells;

    /// <summary>Brings the uncleared killed cells to now, under the rates held since the last checkpoint (call before refreshing them).</summary>
    private void AdvanceUnclearedKills()
    {
        if (_unclearedKills.Active) _unclearedKills.AdvanceTo(Day, KillsPerDay());
    }

    /// <summary>Sets the kill rate held from now on (call after the rates and clones are final for this checkpoint).</summary>
    private void HoldUnclearedKills()
    {
        if (_unclearedKills.Active) _unclearedKills.Hold(KillsPerDay());
    }

    private double KillsPerDay() =>
        UnclearedKills.ArrivalsPerDay(Clones, Signal.UntreatedDeathPerDay, Scenario.Catalog, Response.ImagesSanctuaries);

    /// <summary>
    /// Counts the cells of each sanctuary lesion the scans image apart into <see cref="_sanctuaryLesionCells"/> (all 0
    /// when they image none apart) and returns the cells they see nowhere (<see cref="SanctuaryBurden.UnseenByScan"/>).
    /// </summary>
    private double SanctuaryCensus() =>
        Response.ImagesSanctuaries ? SanctuaryBurden.UnseenByScan(Scenario.Catalog, Clones, _sanctuaryLesionCells) : 0;

    /// <summary>The next sample falls on the sampling grid from day 0, and never at or before now.</summary>
    private void AdvanceSampleClock()
    {
        _sampleIndex++;
        _nextSampleDay = _sampleIndex * Scenario.Sampling.EveryDays;
        if (_nextSampleDay <= Day) _nextSampleDay = Day + Scenario.Sampling.EveryDays;
    }

    /// <summary>Splits the culture 1:<paramref name="splitRatio"/> (exact per-clone thinning, <see cref="PassageSplitter"/>).</summary>
    private void Passage(int splitRatio)
    {
        int count = Clones.Count;
        if (_passageCounts.Length < count) _passageCounts = new long[Math.Max(count, 2 * _passageCounts.Length)];
        var kept = _passageCounts.AsSpan(0, count);
        Clones.Cells.CopyTo(kept);
        PassageSplitter.Split(ref Random, kept, splitRatio);
        for (int i = 0; i < count; i++) AdjustCells(i, kept[i] - Clones.Cells[i]);
        RetireEmptyClones();
        Passages++;
        _listener?.AllRatesChanged();
    }

    private void Finish(RunOutcome outcome)
    {
        Outcome = outcome;
        Finished = true;
        _observer?.RunEnded(this);
    }

    private bool AllShrinking()
    {
        double g = BirthFactor, h = DensityDeath;
        var birth = Clones.Birth;
        var death = Clones.Death;
        for (int i = 0; i < Clones.Count; i++)
            if (g * birth[i] >= death[i] + h) return false;
        return true;
    }

    /// <summary>
    /// Re-evaluates every clone's per-cell rates at the current drug levels. Levels that vary
    /// continuously are taken at the midpoint of the interval the rates will be held for (until the
    /// next rate step or drug change): the midpoint rule's error is O(Δ²) where the start's is O(Δ).
    /// </summary>
    public void RefreshRates()
    {
        if (InHistory)
        {
            Array.Clear(_concentration);   // untreated
            Array.Clear(_rateConcentration);
        }
        else
        {
            Schedule.TotalConcentrations(Day, _concentration);
            double holdEnd = Math.Min(_nextRateStepDay, _nextChangeDay);
            if (Schedule.VariesContinuously && double.IsFinite(holdEnd) && holdEnd > Day)
                Schedule.TotalConcentrations(0.5 * (Day + holdEnd), _rateConcentration);
            else
                _concentration.CopyTo(_rateConcentration, 0);
        }
        for (int i = 0; i < Clones.Count; i++) UpdateDrugRates(i);
        _listener?.AllRatesChanged();
    }

    /// <summary>The rates that depend on the drug levels: birth, death, phenotype switching and the ALK inhibition that drives it.</summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private void UpdateDrugRates(int index)
    {
        var rates = Signal.Evaluate(Clones.Genotype[index], _rateConcentration);
        Clones.Birth[index] = rates.Birth;
        Clones.Death[index] = rates.Death;
        Clones.Switch[index] = rates.Switch;
        Clones.AlkInhibition[index] = rates.AlkInhibition;
    }

    /// <summary>
    /// The clone's total mutation probability and rate: they depend on its genotype alone, which a clone keeps for
    /// life, so they are set once when it is founded and carried with it (compaction and snapshots copy them).
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private void SetMutationTotals(int index)
    {
        Clones.MutationProbability[index] = Mutations.PerDivision.Total(Clones.Genotype[index]);
        Clones.MutationPerDay[index] = Mutations.PerDay.Total(Clones.Genotype[index]);
    }

    /// <summary><paramref name="count"/> divisions of clone <paramref name="index"/> that produce no mutant.</summary>
    public void AddBirths(int index, long count)
    {
        Clones.AddCells(index, count);
        _listener?.CloneChanged(index);
    }

    /// <summary>
    /// A mutant cell of <paramref name="genotype"/> from clone <paramref name="parentIndex"/> (a division's
    /// mutant daughter, or a cell arising per unit time); the parent clone's count is unchanged.
    /// <c>per_event</c> founds a new clone; <c>per_genotype</c> joins the existing clone of that genotype. A seed of a
    /// sanctuary that follows its lesions, and a mutant arising in its pool, founds the next lesion while any are left
    /// (<see cref="FoundsLesion"/>); other seeds join the pool. Returns the index of the clone that gained the cell.
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public int AddMutant(int parentIndex, ulong genotype)
    {
        if (FoundsLesion(parentIndex, genotype)) genotype = Layout.WithLesion(genotype, Registry.FoundLesion());
        return AddDescendants(parentIndex, genotype, 1);
    }

    /// <summary>
    /// <paramref name="count"/> cells of <paramref name="genotype"/> descended from clone <paramref name="parentIndex"/>
    /// (whose count is unchanged): they join the existing clone of that genotype under <c>per_genotype</c>, else found
    /// one. Returns the index of the clone that gained them.
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public int AddDescendants(int parentIndex, ulong genotype, long count)
    {
        if (Scenario.Population.Lineage == LineageMode.PerGenotype)
        {
            int existing = Clones.IndexOf((long)genotype);
            if (existing >= 0)
            {
                AddBirths(existing, count);
                return existing;
            }
        }
        int id = Registry.Register(Clones.RegistryId[parentIndex], Day, genotype, lineage: -1);
        return AddClone(genotype, id, LookupKey(genotype, id), count);
    }

    /// <summary>
    /// Whether a mutant of <paramref name="genotype"/> from clone <paramref name="parentIndex"/> founds a sanctuary lesion
    /// of its own (it cannot join an existing clone): a seed while followed seeds are left to found, or a mutant that
    /// arises inside the pool (one of the pool's metastases) while lesion numbers are left. The pool fills only once
    /// every followed seed is founded, so one count numbers both in turn.
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public bool FoundsLesion(int parentIndex, ulong genotype)
    {
        ulong parent = Clones.Genotype[parentIndex];
        return Layout.Seeds(parent, genotype)
            ? Registry.LesionsFounded < Layout.LesionCount
            : Registry.LesionsFounded < Layout.LesionNumbers && Layout.InPool(parent);
    }

    /// <summary>Moves <paramref name="count"/> cells of clone <paramref name="index"/> into the state with phenotype <paramref name="phenotype"/> flipped.</summary>
    public void SwitchPhenotype(int index, int phenotype, long count)
    {
        AddToPhenotypeSibling(index, phenotype, count);
        RemoveCells(index, count);
    }

    /// <summary>
    /// Adds <paramref name="count"/> cells to the sibling of clone <paramref name="index"/> with
    /// phenotype <paramref name="phenotype"/> flipped (creating it if needed), without removing them
    /// from the source: for algorithms that apply a whole step's losses at once. Returns the sibling's index.
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public int AddToPhenotypeSibling(int index, int phenotype, long count)
    {
        int target = PhenotypeSibling(index, phenotype, out ulong to, out long lookup);
        if (target < 0)
        {
            int sourceId = Clones.RegistryId[index];
            return AddClone(to, Registry.Register(sourceId, Day, to, Registry.Lineage[sourceId]), lookup, count);
        }
        AddBirths(target, count);
        return target;
    }

    /// <summary>Index of the living sibling of clone <paramref name="index"/> with phenotype <paramref name="phenotype"/> flipped, or −1 if it has none.</summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public int PhenotypeSibling(int index, int phenotype) => PhenotypeSibling(index, phenotype, out _, out _);

    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private int PhenotypeSibling(int index, int phenotype, out ulong to, out long lookup)
    {
        ulong from = Clones.Genotype[index];
        to = Layout.WithPhenotype(from, phenotype, !Layout.HasPhenotype(from, phenotype));
        lookup = LookupKey(to, Registry.Lineage[Clones.RegistryId[index]]);
        return Clones.IndexOf(lookup);
    }

    /// <summary>Changes a clone's cells by <paramref name="delta"/> without retiring it at 0; pair with <see cref="RetireEmptyClones"/>.</summary>
    public void AdjustCells(int index, long delta)
    {
        Clones.AddCells(index, delta);
        _listener?.CloneChanged(index);
    }

    /// <summary>Retires every clone left with no cells, from the back so lower indices stay valid.</summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public void RetireEmptyClones()
    {
        for (int i = Clones.Count - 1; i >= 0; i--)
            if (Clones.Cells[i] == 0) Retire(i);
    }

    /// <summary>Removes cells; an emptied clone is retired (the last clone moves into its slot).</summary>
    public void RemoveCells(int index, long count) => ChangeCells(index, -count);

    /// <summary>
    /// Adds <paramref name="delta"/> cells (divisions without a mutant when positive, deaths when negative); an emptied
    /// clone is retired (the last clone moves into its slot).
    /// </summary>
    public void ChangeCells(int index, long delta)
    {
        Clones.AddCells(index, delta);
        if (Clones.Cells[index] == 0) Retire(index);
        else _listener?.CloneChanged(index);
    }

    /// <summary>Retires an emptied clone; returns the index the last clone moved from, or −1.</summary>
    public int Retire(int index)
    {
        int movedFrom = Clones.Retire(index);
        _listener?.CloneRetired(index, movedFrom);
        return movedFrom;
    }

    /// <summary>Picks which phenotype a switching cell of clone <paramref name="index"/> flips, in proportion to the rates.</summary>
    public int ChoosePhenotypeSwitch(int index, double uniform) =>
        ChoosePhenotypeSwitch(index, uniform, Clones.AlkInhibition[index]);

    /// <summary>As <see cref="ChoosePhenotypeSwitch(int, double)"/> for a cell under ALK inhibition
    /// <paramref name="alkInhibition"/> (a cell of the agent engine's drug field, which sees its own level).</summary>
    public int ChoosePhenotypeSwitch(int index, double uniform, double alkInhibition)
    {
        Span<double> rates = stackalloc double[Layout.PhenotypeCount];
        PhenotypeSwitchRates(Clones.Genotype[index], alkInhibition, rates);
        double target = uniform * Spans.Sum(rates);
        int last = 0;
        for (int p = 0; p < rates.Length; p++)
        {
            if (rates[p] <= 0) continue;
            last = p;
            if ((target -= rates[p]) < 0) return p;
        }
        return last;
    }

    /// <summary>
    /// Splits <paramref name="switches"/> switching cells of clone <paramref name="index"/> among its phenotype flips in
    /// proportion to their rates (one multinomial) and adds them to the siblings; for algorithms that apply a whole
    /// leap's losses at once.
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public void DistributePhenotypeSwitches(int index, long switches, ref Xoshiro256StarStar rng)
    {
        var counts = SplitPhenotypeSwitches(index, switches, ref rng);
        for (int p = 0; p < counts.Length; p++)
            if (counts[p] > 0) AddToPhenotypeSibling(index, p, counts[p]);
    }

    /// <summary>
    /// How many of <paramref name="switches"/> switching cells of clone <paramref name="index"/> flip each phenotype, in
    /// proportion to the rates (one multinomial); empty if the clone has no switching rate. The span is reused by the next call.
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private ReadOnlySpan<long> SplitPhenotypeSwitches(int index, long switches, ref Xoshiro256StarStar rng)
    {
        var rates = _phenotypeRates.AsSpan(0, Layout.PhenotypeCount);
        PhenotypeSwitchRates(index, rates);
        if (!Spans.DivideBySum(rates)) return [];
        var counts = _phenotypeCounts.AsSpan(0, rates.Length);
        Samplers.Multinomial(ref rng, switches, rates, counts);
        return counts;
    }

    /// <summary>Per-phenotype switching rates of clone <paramref name="index"/> now.</summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public void PhenotypeSwitchRates(int index, Span<double> rates)
    {
        PhenotypeSwitchRates(Clones.Genotype[index], Clones.AlkInhibition[index], rates);
    }

    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private void PhenotypeSwitchRates(ulong genotype, double alkInhibition, Span<double> rates)
    {
        for (int p = 0; p < Layout.PhenotypeCount; p++) rates[p] = Signal.SwitchRate(genotype, p, alkInhibition);
    }

    private int AddClone(ulong genotype, int registryId, long lookupKey, long cells)
    {
        int index = Clones.Add(genotype, registryId, lookupKey, cells);
        SetMutationTotals(index);
        UpdateDrugRates(index);
        _listener?.CloneChanged(index);
        return index;
    }

    /// <summary>
    /// The key clones are found by: the genotype itself under <c>per_genotype</c>; under
    /// <c>per_event</c>, the lineage and phenotype flags, so phenotype switches find their sibling.
    /// </summary>
    private long LookupKey(ulong genotype, int lineage) =>
        Scenario.Population.Lineage == LineageMode.PerGenotype
            ? (long)genotype
            : ((long)lineage << PhenotypeKeyBits) | (long)(genotype & ((1UL << Layout.PhenotypeCount) - 1));

    /// <summary>The genotype key of the cells an initial clone of the scenario starts with.</summary>
    public ulong GenotypeOf(InitialClone initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        return GenotypeOf(initial.Mechanisms);
    }

    /// <summary>The genotype key of a cell carrying <paramref name="mechanisms"/> and nothing else.</summary>
    public ulong GenotypeOf(IReadOnlyList<string> mechanisms)
    {
        var catalog = Scenario.Catalog;
        ulong key = GenotypeLayout.Parental;
        foreach (var name in mechanisms)
        {
            var mechanism = catalog.All[catalog.IndexOf(name)];
            key = mechanism switch
            {
                AlkKinaseMutation m => Layout.WithAlkMutation(key, IndexIn(catalog.AlkMutations, m)),
                AlkAmplification a => Layout.WithAlkCopies(key, Math.Min(Layout.AlkCopies(key) + a.CopiesPerEvent, a.MaxCopies)),
                PhenotypeState p => Layout.WithPhenotype(key, IndexIn(catalog.Phenotypes, p), true),
                HeritableMechanism h => Layout.WithOther(key, IndexIn(catalog.OtherHeritable, h)),
                _ => key,
            };
        }
        return key;
    }

    private static int IndexIn<T>(IReadOnlyList<T> list, T item) where T : class
    {
        for (int i = 0; i < list.Count; i++)
            if (ReferenceEquals(list[i], item)) return i;
        throw new InvalidOperationException("Mechanism not in catalog.");
    }
}
