using ResistanceSim.Model;

namespace ResistanceSim.Engine.Exposure;

/// <summary>
/// Protocol phases laid end to end, each holding fixed concentrations; no drug after the last
/// phase. A drug with in-vitro decay falls as C0 · 2^(−t/t½) from the start of each phase
/// (a media change at each phase start resets it).
/// </summary>
public sealed class PhaseSchedule : IExposureSchedule
{
    private readonly double[] _phaseStart;
    private readonly double[] _phaseEnd;
    private readonly double[] _levels;      // [phase * drugCount + drug]
    private readonly double[] _halfLifeDays;

    public PhaseSchedule(Protocol protocol, IReadOnlyList<Drug> drugs)
    {
        DrugCount = drugs.Count;
        int phases = protocol.Phases.Count;
        _phaseStart = new double[phases];
        _phaseEnd = new double[phases];
        _levels = new double[phases * DrugCount];
        _halfLifeDays = drugs.Select(d => d.Pk is InVitroPk pk ? pk.HalfLifeDays : double.PositiveInfinity).ToArray();

        double start = 0;
        for (int p = 0; p < phases; p++)
        {
            var phase = protocol.Phases[p];
            _phaseStart[p] = start;
            _phaseEnd[p] = start += phase.DurationDays;
            if (phase is not ContinuousPhase continuous)
                throw new NotSupportedException($"Phase type {phase.GetType().Name} needs the protocol runtime.");
            foreach (var exposure in continuous.Drugs)
            {
                int d = IndexOf(drugs, exposure.Drug);
                _levels[p * DrugCount + d] = exposure switch
                {
                    FixedConcentration fixedLevel => fixedLevel.NanoMolar,
                    _ => throw new NotSupportedException($"Exposure {exposure.GetType().Name} needs the protocol runtime."),
                };
            }
        }
        VariesContinuously = _halfLifeDays.Any(double.IsFinite);
    }

    public int DrugCount { get; }

    public bool VariesContinuously { get; }

    public void TotalConcentrations(double day, Span<double> nanoMolar)
    {
        nanoMolar.Clear();
        int p = PhaseAt(day);
        if (p < 0) return;
        double sincePhaseStart = day - _phaseStart[p];
        for (int d = 0; d < DrugCount; d++)
        {
            double level = _levels[p * DrugCount + d];
            nanoMolar[d] = double.IsFinite(_halfLifeDays[d]) ? level * Math.Pow(2, -sincePhaseStart / _halfLifeDays[d]) : level;
        }
    }

    public double NextChangeAfter(double day)
    {
        for (int p = 0; p < _phaseEnd.Length; p++)
            if (_phaseEnd[p] > day) return _phaseStart[p] > day ? _phaseStart[p] : _phaseEnd[p];
        return double.PositiveInfinity;
    }

    public bool Observe(double day, long totalCells) => false;

    public void Reset() { }

    private int PhaseAt(double day)
    {
        for (int p = 0; p < _phaseEnd.Length; p++)
            if (day >= _phaseStart[p] && day < _phaseEnd[p]) return p;
        return -1;
    }

    private static int IndexOf(IReadOnlyList<Drug> drugs, string name)
    {
        for (int i = 0; i < drugs.Count; i++)
            if (drugs[i].Name == name) return i;
        throw new ArgumentException($"Protocol names drug '{name}', which the scenario does not define.");
    }
}
