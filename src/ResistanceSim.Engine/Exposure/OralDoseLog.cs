using ResistanceSim.Model;

namespace ResistanceSim.Engine.Exposure;

/// <summary>
/// The oral doses of one drug given so far (time in days, amount in mg) and the plasma concentration
/// they produce by superposition of one-compartment single-dose curves. Doses given in earlier phases
/// keep contributing (wash-out after a switch).
/// </summary>
/// <remarks>
/// Doses arrive in time order and the engines ask for concentrations at or after the latest dose, so
/// the log keeps the superposition's three exponential sums as of the latest dose and decays them to
/// the asked time: O(1) per evaluation however long the regimen (a year of twice-daily dosing would
/// otherwise re-sum some 250 doses at every rate update). A time before the latest dose — which no
/// engine asks for today — is answered by summing the stored doses one by one.
/// </remarks>
public sealed class OralDoseLog(OralOneCompartmentPk pk)
{
    private readonly List<double> _days = [];
    private readonly List<double> _milligrams = [];
    private readonly double _horizonHours = 50 / Math.Min(pk.AbsorptionPerHour, pk.EliminationPerHour);

    // Σ Dᵢe^(−ke Δᵢ), Σ Dᵢe^(−ka Δᵢ), Σ DᵢΔᵢe^(−ke Δᵢ) with Δᵢ the hours from dose i to the latest dose.
    private double _eliminationSum, _absorptionSum, _ageWeightedSum;

    public OralOneCompartmentPk Pk { get; } = pk;

    public int Count => _days.Count;

    /// <summary>Days of the doses taken, ascending.</summary>
    public IReadOnlyList<double> Days => _days;

    /// <summary>Amount of each dose taken (mg), in <see cref="Days"/> order.</summary>
    public IReadOnlyList<double> Milligrams => _milligrams;

    /// <summary>Day of the latest scheduled dose, taken or missed (NaN before the first): the end of treatment for exposure summaries.</summary>
    public double LastScheduledDay { get; private set; } = double.NaN;

    /// <summary>Records a scheduled dose; a missed one (0 mg) changes no concentration but counts as scheduled.</summary>
    public void Add(double day, double milligrams)
    {
        LastScheduledDay = double.IsNaN(LastScheduledDay) ? day : Math.Max(LastScheduledDay, day);
        if (milligrams <= 0) return;
        if (_days.Count > 0 && day < _days[^1]) throw new ArgumentException($"dose at day {day} is before the latest dose at day {_days[^1]}", nameof(day));
        if (_days.Count > 0) DecaySums(day);
        _days.Add(day);
        _milligrams.Add(milligrams);
        _eliminationSum += milligrams;
        _absorptionSum += milligrams;
    }

    /// <summary>Moves every dose by <paramref name="days"/> (the run's clock was rebased); concentrations move with them.</summary>
    public void Shift(double days)
    {
        for (int i = 0; i < _days.Count; i++) _days[i] += days;
    }

    /// <summary>Makes this log an exact copy of <paramref name="source"/> (doses and the running sums).</summary>
    public void CopyFrom(OralDoseLog source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _days.Clear();
        _days.AddRange(source._days);
        _milligrams.Clear();
        _milligrams.AddRange(source._milligrams);
        LastScheduledDay = source.LastScheduledDay;
        (_eliminationSum, _absorptionSum, _ageWeightedSum) = (source._eliminationSum, source._absorptionSum, source._ageWeightedSum);
    }

    public void Clear()
    {
        _days.Clear();
        _milligrams.Clear();
        LastScheduledDay = double.NaN;
        _eliminationSum = _absorptionSum = _ageWeightedSum = 0;
    }

    /// <summary>Total plasma concentration (nM) at <paramref name="day"/>.</summary>
    public double NanoMolarAt(double day)
    {
        if (_days.Count == 0) return 0;
        if (day < _days[^1]) return SumOfSingleDoses(day);
        double hours = (day - _days[^1]) * 24;
        double elimination = Math.Exp(-Pk.EliminationPerHour * hours);
        return Pk.NanoMolarFromDoseSums(
            _eliminationSum * elimination,
            _absorptionSum * Math.Exp(-Pk.AbsorptionPerHour * hours),
            (_ageWeightedSum + hours * _eliminationSum) * elimination);
    }

    /// <summary>Moves the sums from the latest dose to <paramref name="day"/>: every Δᵢ grows by the same hours.</summary>
    private void DecaySums(double day)
    {
        double hours = (day - _days[^1]) * 24;
        double elimination = Math.Exp(-Pk.EliminationPerHour * hours);
        _ageWeightedSum = (_ageWeightedSum + hours * _eliminationSum) * elimination;
        _eliminationSum *= elimination;
        _absorptionSum *= Math.Exp(-Pk.AbsorptionPerHour * hours);
    }

    /// <summary>The superposition dose by dose; doses whose contribution has decayed below e^−50 are skipped.</summary>
    private double SumOfSingleDoses(double day)
    {
        double sum = 0;
        for (int i = _days.Count - 1; i >= 0; i--)
        {
            double hours = (day - _days[i]) * 24;
            if (hours > _horizonHours) break;
            sum += Pk.SingleDoseNanoMolar(_milligrams[i], hours);
        }
        return sum;
    }
}
