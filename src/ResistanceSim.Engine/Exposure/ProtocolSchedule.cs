using ResistanceSim.Engine.Random;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Exposure;

/// <summary>
/// The protocol runtime: phases run in order, each until its planned end or — when it
/// <see cref="ProtocolPhase.EndsOnProgression"/> — until the run's response tracker calls progression
/// during it (one notion of nadir and progression for the schedule and the readout). Phases
/// decide when drug is "on" (continuous, intermittent cycles, adaptive on/off by burden, stepwise
/// escalation raising the level at each regrowth to confluence). In-vitro concentrations hold the set
/// level, decaying from the last refresh (phase start, treatment resumption, raise, media change);
/// oral regimens add doses to a per-drug log whose superposed 1-compartment curves persist across phases.
/// Population feedback arrives through <see cref="Observe"/>; days passed to it must not decrease.
/// </summary>
public sealed class ProtocolSchedule : IExposureSchedule
{
    // Tolerance for "at a boundary": boundaries are sums of doubles, so compare with a small slack.
    private const double BoundaryEpsilonDays = 1e-9;

    private readonly IReadOnlyList<ProtocolPhase> _phases;
    private readonly int[][] _drugIndex;          // [phase][exposure] → scenario drug index
    private readonly double[] _halfLifeDays;      // in-vitro decay per drug (∞ = stable)
    private readonly OralDoseLog?[] _doseLogs;    // per drug, for drugs with oral PK
    private readonly double _capacityCells;
    private readonly double _adherence;
    private ulong _doseKey;

    private int _phase;
    private double _phaseStart;
    private int[] _nextDoseNumber = [];
    private int _endedByTimeBefore = -1;   // the phase that ended by time when the running one started, or −1
    private double _phaseStartCells;
    private bool _fellBelowStart;
    private bool _treating;
    private double _treatingSince;
    private double _baseline;
    private double _level;
    private double _lastRaise;
    private bool _belowSinceRaise;

    /// <param name="capacityCells">Culture capacity (confluence), for escalation phases.</param>
    /// <param name="adherence">Share of oral doses taken (virtual patients); each dose is missed independently, drawn from the key given to <see cref="Reset"/>.</param>
    public ProtocolSchedule(Protocol protocol, IReadOnlyList<Drug> drugs, double capacityCells, double adherence = 1)
    {
        _phases = protocol.Phases;
        DrugCount = drugs.Count;
        _capacityCells = capacityCells;
        _adherence = adherence;
        _drugIndex = _phases.Select(p => p.Exposures.Select(e => IndexOf(drugs, e.Drug)).ToArray()).ToArray();
        _halfLifeDays = drugs.Select(d => d.Pk is InVitroPk pk ? pk.HalfLifeDays : double.PositiveInfinity).ToArray();
        _doseLogs = drugs.Select(d => d.Pk is OralOneCompartmentPk pk ? new OralDoseLog(pk) : null).ToArray();
        foreach (var phase in _phases)
            foreach (var exposure in phase.Exposures)
                if (exposure is OralRegimen && _doseLogs[IndexOf(drugs, exposure.Drug)] is null)
                    throw new ArgumentException($"Drug '{exposure.Drug}' is dosed orally but has no oral_1cpt PK.");
        VariesContinuously = _phases.SelectMany(p => p.Exposures).Any(e =>
            e is OralRegimen || double.IsFinite(_halfLifeDays[IndexOf(drugs, e.Drug)]));
        Reset(0);
    }

    private ProtocolSchedule(ProtocolSchedule source)
    {
        _phases = source._phases;
        _drugIndex = source._drugIndex;
        _halfLifeDays = source._halfLifeDays;
        _doseLogs = [.. source._doseLogs.Select(log => log is null ? null : new OralDoseLog(log.Pk))];
        _capacityCells = source._capacityCells;
        _adherence = source._adherence;
        DrugCount = source.DrugCount;
        VariesContinuously = source.VariesContinuously;
        ResumeFrom(source);
    }

    public int DrugCount { get; }

    public bool VariesContinuously { get; }

    public int ResponseSwitches { get; private set; }

    /// <summary>Index of the running phase; equals the phase count after the protocol has ended.</summary>
    public int PhaseIndex => _phase;

    public IExposureSchedule Snapshot() => new ProtocolSchedule(this);

    public void ResumeFrom(IExposureSchedule snapshot)
    {
        if (snapshot is not ProtocolSchedule source || source._doseLogs.Length != _doseLogs.Length)
            throw new ArgumentException("A protocol schedule resumes only from a snapshot of a protocol schedule with the same drugs.", nameof(snapshot));
        _doseKey = source._doseKey;
        ResponseSwitches = source.ResponseSwitches;
        _phase = source._phase;
        _phaseStart = source._phaseStart;
        _nextDoseNumber = [.. source._nextDoseNumber];
        _endedByTimeBefore = source._endedByTimeBefore;
        _phaseStartCells = source._phaseStartCells;
        _fellBelowStart = source._fellBelowStart;
        _treating = source._treating;
        _treatingSince = source._treatingSince;
        _baseline = source._baseline;
        _level = source._level;
        _lastRaise = source._lastRaise;
        _belowSinceRaise = source._belowSinceRaise;
        for (int d = 0; d < _doseLogs.Length; d++)
            if (_doseLogs[d] is { } log) log.CopyFrom(source._doseLogs[d]!);
    }

    /// <summary>Current level of the drug an escalation phase raises (nM), or NaN.</summary>
    public double EscalationLevel => Current is EscalationPhase ? _level : double.NaN;

    /// <summary>The oral doses of drug <paramref name="drug"/> (scenario drug order) so far, or null if it has no oral PK.</summary>
    public OralDoseLog? DoseLog(int drug) => _doseLogs[drug];

    private ProtocolPhase? Current => _phase < _phases.Count ? _phases[_phase] : null;

    private double PhaseEnd => _phaseStart + _phases[_phase].DurationDays;

    public void Reset(ulong doseStreamKey)
    {
        _doseKey = doseStreamKey;
        ResponseSwitches = 0;
        foreach (var log in _doseLogs) log?.Clear();
        _phase = -1;
        EnterPhase(0, 0);
    }

    public void TotalConcentrations(double day, Span<double> nanoMolar)
    {
        AdvanceTo(day);
        nanoMolar.Clear();
        for (int d = 0; d < DrugCount; d++)
            if (_doseLogs[d] is { } log) nanoMolar[d] = log.NanoMolarAt(day);
        if (Current is not { } phase || !IsOn(phase, day)) return;
        double refreshed = LastRefresh(phase, day);
        for (int e = 0; e < phase.Exposures.Count; e++)
        {
            if (phase.Exposures[e] is not FixedConcentration fixedLevel) continue;
            int d = _drugIndex[_phase][e];
            double level = phase is EscalationPhase ? _level : fixedLevel.NanoMolar;
            double halfLife = _halfLifeDays[d];
            nanoMolar[d] += double.IsFinite(halfLife) ? level * Math.Pow(2, -(day - refreshed) / halfLife) : level;
        }
    }

    public double NextChangeAfter(double day)
    {
        AdvanceTo(day);
        if (Current is not { } phase) return double.PositiveInfinity;
        double next = PhaseEnd;
        double sinceStart = day - _phaseStart;
        if (phase is IntermittentPhase cycle)
        {
            double length = cycle.OnDays + cycle.OffDays;
            double cycleStart = _phaseStart + Math.Floor((sinceStart + BoundaryEpsilonDays) / length) * length;
            double offAt = cycleStart + cycle.OnDays;
            next = Math.Min(next, offAt > day + BoundaryEpsilonDays ? offAt : cycleStart + length);
        }
        if (double.IsFinite(phase.MediaChangeEveryDays))
            next = Math.Min(next, _phaseStart + (Math.Floor((sinceStart + BoundaryEpsilonDays) / phase.MediaChangeEveryDays) + 1) * phase.MediaChangeEveryDays);
        for (int e = 0; e < phase.Exposures.Count; e++)
        {
            if (phase.Exposures[e] is not OralRegimen regimen) continue;
            double dose = DoseDay(regimen, _nextDoseNumber[e]);
            if (dose > day) next = Math.Min(next, dose);
        }
        return next;
    }

    public bool Observe(double day, long totalCells, bool progressed)
    {
        AdvanceTo(day);
        if (progressed && PhaseEndingOnProgressionAt(day) is int progressedOn)
        {
            ResponseSwitches++;
            int next = NextLineAfter(progressedOn);
            if (next != _phase) EnterPhase(next, day);
            return true;
        }
        if (Current is not { } phase) return false;
        if (phase.EndsOnRegrowth)
        {
            if (double.IsNaN(_phaseStartCells)) _phaseStartCells = totalCells;
            else if (totalCells < _phaseStartCells) _fellBelowStart = true;
            else if (_fellBelowStart && totalCells > 0)
            {
                ResponseSwitches++;
                EnterPhase(_phase + 1, day);
                return true;
            }
        }
        switch (phase)
        {
            case AdaptivePhase adaptive:
                if (double.IsNaN(_baseline)) _baseline = totalCells;
                if (_treating && totalCells <= adaptive.PauseBelowFraction * _baseline)
                {
                    _treating = false;
                    return true;
                }
                if (!_treating && totalCells >= adaptive.ResumeAtFraction * _baseline)
                {
                    _treating = true;
                    _treatingSince = day;
                    return true;
                }
                return false;
            case EscalationPhase escalation:
                if (totalCells < escalation.RaiseAtConfluenceFraction * _capacityCells)
                {
                    _belowSinceRaise = true;
                    return false;
                }
                if (!_belowSinceRaise || _level >= escalation.CeilingNanoMolar) return false;
                _level = Math.Min(_level * escalation.Factor, escalation.CeilingNanoMolar);
                _lastRaise = day;
                _belowSinceRaise = false;
                return true;
            default:
                return false;
        }
    }

    public void SwitchToPhase(int phase, double day)
    {
        AdvanceTo(day);
        EnterPhase(Math.Min(phase, _phases.Count), day);
    }

    public void Rebase(double day)
    {
        _phaseStart -= day;
        _treatingSince -= day;
        _lastRaise -= day;
        foreach (var log in _doseLogs) log?.Shift(-day);
    }

    /// <summary>
    /// The phase with <c>until: progression</c> that a progression seen at <paramref name="day"/> ends, or null. A scan on
    /// the day a phase ended by time reads the tumour as that phase left it, so progression there ends that phase's
    /// line (if it ends on progression) rather than being the new phase's first event.
    /// </summary>
    private int? PhaseEndingOnProgressionAt(double day)
    {
        if (_endedByTimeBefore >= 0 && day <= _phaseStart + BoundaryEpsilonDays && _phases[_endedByTimeBefore].EndsOnProgression)
            return _endedByTimeBefore;
        return Current is { EndsOnProgression: true } ? _phase : null;
    }

    /// <summary>The first phase after <paramref name="phase"/> that does not belong to the same named line.</summary>
    private int NextLineAfter(int phase)
    {
        string? line = _phases[phase].Line;
        int next = phase + 1;
        while (line is not null && next < _phases.Count && _phases[next].Line == line) next++;
        return next;
    }

    /// <summary>Moves through phases whose planned end has passed and records oral doses due by <paramref name="day"/>.</summary>
    private void AdvanceTo(double day)
    {
        while (Current is not null && day >= PhaseEnd)
        {
            double end = PhaseEnd;
            AppendDoses(end, inclusive: false);
            int ended = _phase;
            EnterPhase(_phase + 1, end);
            _endedByTimeBefore = ended;
        }
        if (Current is not null) AppendDoses(day, inclusive: true);
    }

    private void EnterPhase(int phase, double start)
    {
        _phase = phase;
        _phaseStart = start;
        _endedByTimeBefore = -1;
        _phaseStartCells = double.NaN;
        _fellBelowStart = false;
        _treating = true;
        _treatingSince = start;
        _baseline = double.NaN;
        _lastRaise = start;
        _belowSinceRaise = false;
        if (Current is not { } current) return;
        _nextDoseNumber = new int[current.Exposures.Count];
        Array.Fill(_nextDoseNumber, 1);
        if (current is EscalationPhase escalation) _level = escalation.StartNanoMolar;
    }

    private void AppendDoses(double upTo, bool inclusive)
    {
        var phase = _phases[_phase];
        for (int e = 0; e < phase.Exposures.Count; e++)
        {
            if (phase.Exposures[e] is not OralRegimen regimen) continue;
            var log = _doseLogs[_drugIndex[_phase][e]]!;
            while (true)
            {
                double doseDay = DoseDay(regimen, _nextDoseNumber[e]);
                if (doseDay >= PhaseEnd || (inclusive ? doseDay > upTo : doseDay >= upTo)) break;
                if (IsOn(phase, doseDay)) log.Add(doseDay, Taken(e, _nextDoseNumber[e]) ? regimen.DoseNumber(_nextDoseNumber[e]) : 0);
                _nextDoseNumber[e]++;
            }
        }
    }

    /// <summary>Whether the patient takes dose <paramref name="number"/> of exposure <paramref name="exposure"/> in this phase: a pure function of the key, so the same patient misses the same doses in every arm.</summary>
    private bool Taken(int exposure, int number)
    {
        if (_adherence >= 1) return true;
        ulong bits = SplitMix64.Mix(_doseKey ^ SplitMix64.Mix(((ulong)(uint)_phase << 40) ^ ((ulong)(uint)exposure << 32) ^ (uint)number));
        return (bits >> 11) * (1.0 / (1UL << 53)) < _adherence;
    }

    private double DoseDay(OralRegimen regimen, int number) => _phaseStart + (number - 1) * regimen.IntervalHours / 24;

    private bool IsOn(ProtocolPhase phase, double day) => phase switch
    {
        IntermittentPhase cycle => (day - _phaseStart + BoundaryEpsilonDays) % (cycle.OnDays + cycle.OffDays) < cycle.OnDays,
        AdaptivePhase => _treating,
        _ => true,
    };

    /// <summary>When fresh drug was last put on the cells: phase start, treatment resumption, a raise, or a media change.</summary>
    private double LastRefresh(ProtocolPhase phase, double day)
    {
        double since = day - _phaseStart + BoundaryEpsilonDays;
        double refreshed = phase switch
        {
            IntermittentPhase cycle => _phaseStart + Math.Floor(since / (cycle.OnDays + cycle.OffDays)) * (cycle.OnDays + cycle.OffDays),
            AdaptivePhase => _treatingSince,
            EscalationPhase => _lastRaise,
            _ => _phaseStart,
        };
        if (double.IsFinite(phase.MediaChangeEveryDays))
            refreshed = Math.Max(refreshed, _phaseStart + Math.Floor(since / phase.MediaChangeEveryDays) * phase.MediaChangeEveryDays);
        return Math.Min(refreshed, day);
    }

    private static int IndexOf(IReadOnlyList<Drug> drugs, string name)
    {
        for (int i = 0; i < drugs.Count; i++)
            if (drugs[i].Name == name) return i;
        throw new ArgumentException($"Protocol names drug '{name}', which the scenario does not define.");
    }
}
