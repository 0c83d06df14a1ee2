using ResistanceSim.Engine.Exposure;
using ResistanceSim.Model;

namespace ResistanceSim.Tests.Biology;

/// <summary>
/// The steady-state trough, peak and daily AUC a patient actually had (issue #14 item 7), against the textbook
/// steady-state closed forms, a brute-force evaluation of the dose log, and the binomial law of missed doses.
/// </summary>
public class SteadyStateExposureTests
{
    // Illustrative round numbers (as in OralPharmacokineticsTests): ke = 20/400 = 0.05/h (t½ 13.9 h), ka = 1.2/h.
    private static readonly OralOneCompartmentPk Pk = new(0.5, 1.2, 20, 400, 500);
    private const double DoseMg = 100, TauHours = 12;

    private static Drug OralDrug() => new("x", [new DrugTarget(Pathway.Alk, 10, 1)], 1, true, null, Pk);

    private static double NanoMolar(double mgPerLitre) => mgPerLitre / Pk.MolarMassGramsPerMole * 1e6;

    /// <summary>Runs a continuous regimen through the protocol runtime up to <paramref name="days"/> and returns its dose log.</summary>
    private static OralDoseLog DosesTaken(double days, double adherence = 1, ulong patient = 1, params int[] missed)
    {
        var regimen = new OralRegimen("x", DoseMg, TauHours, DoseMg, 0, missed);
        var schedule = new ProtocolSchedule(new Protocol([new ContinuousPhase(days, [regimen])]), [OralDrug()], double.PositiveInfinity, adherence);
        schedule.Reset(patient);
        schedule.TotalConcentrations(days, stackalloc double[1]);
        return schedule.DoseLog(0)!;
    }

    private static SteadyStateExposure Exposure(OralDoseLog log, double endDay) =>
        SteadyStateExposureCalculator.Compute(Pk, log.Days, log.Milligrams, log.LastScheduledDay, TauHours, endDay);

    [Fact]
    public void FullAdherenceGivesTheClosedFormSteadyStateTroughPeakAndAuc()
    {
        const double days = 400;
        var exposure = Exposure(DosesTaken(days), days);

        double ka = Pk.AbsorptionPerHour, ke = Pk.EliminationPerHour, tau = TauHours;
        double scale = DoseMg * ka / (Pk.VolumeLitres * (ka - ke));
        double Css(double t) => NanoMolar(scale * (Math.Exp(-ke * t) / (1 - Math.Exp(-ke * tau)) - Math.Exp(-ka * t) / (1 - Math.Exp(-ka * tau))));
        double tmax = Math.Log(ka * (1 - Math.Exp(-ke * tau)) / (ke * (1 - Math.Exp(-ka * tau)))) / (ka - ke);
        double dailyAuc = NanoMolar(DoseMg / Pk.ClearanceLitresPerHour) * 24 / tau;   // AUC_τ = D / (CL/F)

        // Before steady state the curve lies below it by the doses "missing" before the first: after the lead-in of
        // 5 half-lives at most 2^−5 of the level (× ka/(ka − ke) for the absorption tail), decaying at ke. Averaged
        // over n daily blocks the relative shortfall is at most that / (n (1 − e^(−24 ke))).
        int blocks = (int)(days - SteadyStateExposureCalculator.LeadInDays(Pk));
        double shortfall = Math.Pow(2, -5) * ka / (ka - ke) / (blocks * (1 - Math.Exp(-24 * ke)));
        Assert.InRange(shortfall, 0, 2e-4);
        Assert.Equal(Css(tau), exposure.TroughNanoMolar, Css(tau) * shortfall);
        Assert.Equal(Css(tmax), exposure.PeakNanoMolar, Css(tmax) * shortfall);
        Assert.Equal(dailyAuc, exposure.DailyAucNanoMolarHours, dailyAuc * shortfall);
        Assert.True(exposure.TroughNanoMolar < exposure.DailyAucNanoMolarHours / 24 && exposure.DailyAucNanoMolarHours / 24 < exposure.PeakNanoMolar);
    }

    [Theory]
    [InlineData(1.2)]     // ka ≠ ke
    [InlineData(0.05)]    // ka = ke: the t·e^(−kt) limit
    public void MissedDosesAreMeasuredExactlyAgainstABruteForceCurve(double absorptionPerHour)
    {
        // Irregular taken doses (every third and seventh missed): the calculator's exact per-day minimum, maximum and
        // area against the superposed curve sampled densely. The curve has kinks at dose times, so each day is split
        // there and every smooth piece sampled at 2,000 points: minima sit at piece ends (sampled exactly), a maximum
        // inside a piece is missed by ≤ ½ C''·(Δ/2)² ≈ 1e-7 relative, and Simpson's rule on smooth pieces errs by O(Δ⁴).
        var pk = Pk with { AbsorptionPerHour = absorptionPerHour };
        var days = new List<double>();
        var mg = new List<double>();
        for (int n = 0; n < 80; n++)
        {
            if (n % 3 == 2 || n % 7 == 6) continue;
            days.Add(n * TauHours / 24);
            mg.Add(DoseMg);
        }
        const double end = 39.5;
        var exposure = SteadyStateExposureCalculator.Compute(pk, days, mg, 79 * TauHours / 24, TauHours, end);

        double C(double day) => days.Select((d, i) => pk.SingleDoseNanoMolar(mg[i], (day - d) * 24)).Sum();
        double start = days[0] + SteadyStateExposureCalculator.LeadInDays(pk);
        int blocks = (int)Math.Floor(end - start);
        Assert.True(blocks >= 3, $"{blocks} blocks");
        const int steps = 2000;   // per smooth piece, even for Simpson
        double troughs = 0, peaks = 0, area = 0;
        for (int b = 0; b < blocks; b++)
        {
            double low = double.PositiveInfinity, high = 0;
            double[] cuts = [start + b, .. days.Where(d => d > start + b && d < start + b + 1), start + b + 1];
            for (int p = 0; p + 1 < cuts.Length; p++)
            {
                double width = cuts[p + 1] - cuts[p];
                for (int i = 0; i <= steps; i++)
                {
                    double c = C(cuts[p] + width * i / steps);
                    low = Math.Min(low, c);
                    high = Math.Max(high, c);
                    area += (i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2) * c * width * 24 / steps / 3;
                }
            }
            troughs += low;
            peaks += high;
        }
        Assert.Equal(troughs / blocks, exposure.TroughNanoMolar, 1e-6 * troughs / blocks);
        Assert.Equal(peaks / blocks, exposure.PeakNanoMolar, 1e-6 * peaks / blocks);
        Assert.Equal(area / blocks, exposure.DailyAucNanoMolarHours, 1e-6 * area / blocks);
    }

    [Fact]
    public void AdherenceScalesTheDailyAucByTheShareOfDosesTaken()
    {
        // 300 days of doses every 12 h with adherence 0.7: the window holds n ≈ 580 scheduled doses, each taken with
        // probability 0.7, and the AUC is linear in the doses taken, so AUC / AUC(full) is within 4.5 σ of 0.7 with
        // σ = √(0.7 · 0.3 / n).
        const double days = 300, adherence = 0.7;
        var full = Exposure(DosesTaken(days), days);
        var partial = DosesTaken(days, adherence, patient: 42);
        var exposure = Exposure(partial, days);
        double n = (days - SteadyStateExposureCalculator.LeadInDays(Pk)) * 24 / TauHours;
        double sigma = Math.Sqrt(adherence * (1 - adherence) / n);
        Assert.Equal(adherence, exposure.DailyAucNanoMolarHours / full.DailyAucNanoMolarHours, 4.5 * sigma);
        Assert.True(exposure.TroughNanoMolar < full.TroughNanoMolar, "missed doses lower the troughs");
        Assert.Equal(exposure, Exposure(DosesTaken(days, adherence, patient: 42), days));   // the same patient misses the same doses
    }

    [Fact]
    public void TheWindowEndsAtProgressionOrOneIntervalAfterTheLastScheduledDose()
    {
        // Doses for 20 days, run continues to day 60: the wash-out after day 20 is not steady-state exposure.
        var log = DosesTaken(20);
        Assert.Equal(20 - TauHours / 24, log.LastScheduledDay, 9);
        Assert.Equal(Exposure(log, 20), Exposure(log, 60));
        // Missed doses at the end still count as scheduled: the window covers them (lower exposure), it does not stop early.
        var missedAtEnd = DosesTaken(20, missed: [39, 40]);
        Assert.Equal(log.LastScheduledDay, missedAtEnd.LastScheduledDay);
        Assert.True(Exposure(missedAtEnd, 20).DailyAucNanoMolarHours < Exposure(log, 20).DailyAucNanoMolarHours);
        // Progression at day 10 closes the window there: fewer blocks, the same steady state up to the lead-in's
        // shortfall (at most 2^−5 · ka/(ka − ke) / (n (1 − e^(−24 ke))) relative over n blocks; see the closed-form test).
        var early = Exposure(log, 10);
        int blocks = (int)(10 - SteadyStateExposureCalculator.LeadInDays(Pk));
        double shortfall = Math.Pow(2, -5) * Pk.AbsorptionPerHour / (Pk.AbsorptionPerHour - Pk.EliminationPerHour) / (blocks * (1 - Math.Exp(-24 * Pk.EliminationPerHour)));
        double full = Exposure(log, 20).PeakNanoMolar;
        Assert.InRange(early.PeakNanoMolar, full * (1 - shortfall), full);
    }

    [Fact]
    public void NoDoseOrNoFullDayAtSteadyStateGivesNoExposure()
    {
        Assert.False(SteadyStateExposureCalculator.Compute(Pk, [], [], double.NaN, TauHours, 100).HasValue);
        double leadIn = SteadyStateExposureCalculator.LeadInDays(Pk);
        Assert.Equal(5 * 13.86 / 24, leadIn, 0.01);
        var log = DosesTaken(100);
        Assert.False(Exposure(log, leadIn + 0.99).HasValue);     // progression before a full day of steady state
        Assert.True(Exposure(log, leadIn + 1.01).HasValue);
    }
}
