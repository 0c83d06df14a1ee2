using ResistanceSim.Model;

namespace ResistanceSim.Engine.Exposure;

/// <summary>
/// The oral doses of one drug given so far (time in days, amount in mg) and the plasma concentration
/// they produce by superposition of one-compartment single-dose curves. Doses given in earlier phases
/// keep contributing (wash-out after a switch); doses whose contribution has decayed below e^−50 are skipped.
/// </summary>
public sealed class OralDoseLog(OralOneCompartmentPk pk)
{
    private readonly List<double> _days = [];
    private readonly List<double> _milligrams = [];
    private readonly double _horizonHours = 50 / Math.Min(pk.AbsorptionPerHour, pk.EliminationPerHour);

    public OralOneCompartmentPk Pk { get; } = pk;

    public int Count => _days.Count;

    public void Add(double day, double milligrams)
    {
        if (milligrams <= 0) return;
        _days.Add(day);
        _milligrams.Add(milligrams);
    }

    public void Clear()
    {
        _days.Clear();
        _milligrams.Clear();
    }

    /// <summary>Total plasma concentration (nM) at <paramref name="day"/>.</summary>
    public double NanoMolarAt(double day)
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
