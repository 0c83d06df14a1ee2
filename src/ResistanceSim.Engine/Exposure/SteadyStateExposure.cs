namespace ResistanceSim.Engine.Exposure;

/// <summary>
/// The steady-state exposure to one orally dosed drug that a patient actually had (docs/trials.md, "Exposure"):
/// means over the whole days of the steady-state window of each day's lowest concentration (trough) and highest
/// (peak), and the area under the curve per day. Total plasma concentrations in nM; NaN when the patient took no
/// dose of the drug or never reached a full day of steady state.
/// </summary>
public readonly record struct SteadyStateExposure(double TroughNanoMolar, double PeakNanoMolar, double DailyAucNanoMolarHours)
{
    public static SteadyStateExposure None { get; } = new(double.NaN, double.NaN, double.NaN);

    public bool HasValue => !double.IsNaN(DailyAucNanoMolarHours);
}
