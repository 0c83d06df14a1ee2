using ResistanceSim.Engine.Exposure;
using ResistanceSim.Model;
using ResistanceSim.Scenarios;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Biology;

/// <summary>One-compartment oral PK against closed forms (single dose, steady state, accumulation).</summary>
public class OralPharmacokineticsTests
{
    // Illustrative round numbers, far from the crizotinib preset so the tests do not depend on it.
    private static readonly OralOneCompartmentPk Pk = new(0.5, 1.2, 20, 400, 500);
    private const double DoseMg = 100, TauHours = 12;

    private static Drug OralDrug(OralOneCompartmentPk pk) => new("x", [new DrugTarget(Pathway.Alk, 10, 1)], 1, true, null, pk);

    private static ProtocolSchedule Schedule(OralRegimen regimen, double days = 40) =>
        new(new Protocol([new ContinuousPhase(days, [regimen])]), [OralDrug(Pk)], double.PositiveInfinity);

    private static OralRegimen Regimen(double loadingMg = DoseMg, int loadingDoses = 0, params int[] missed) =>
        new("x", DoseMg, TauHours, loadingMg, loadingDoses, missed);

    private static double At(IExposureSchedule schedule, double day)
    {
        Span<double> c = stackalloc double[1];
        schedule.TotalConcentrations(day, c);
        return c[0];
    }

    /// <summary>Amount-to-nM factor: mg/L ÷ g/mol → mM, × 1e6 → nM.</summary>
    private static double NanoMolar(double mgPerLitre) => mgPerLitre / Pk.MolarMassGramsPerMole * 1e6;

    [Fact]
    public void SingleDoseAreaUnderCurveIsDoseOverClearance()
    {
        // AUC(0..∞) = D / (CL/F), whatever ka and V: integrate numerically (Simpson, 0.01 h steps over 40 t½).
        const double h = 0.01;
        int n = (int)(40 * Pk.HalfLifeHours / h);
        double auc = Simpson.Integrate(t => Pk.SingleDoseNanoMolar(DoseMg, t), 0, n * h, n);
        Assert.Equal(NanoMolar(DoseMg / Pk.ClearanceLitresPerHour), auc, NanoMolar(DoseMg / Pk.ClearanceLitresPerHour) * 1e-6);
    }

    [Fact]
    public void SingleDosePeaksAtTheClosedFormTmax()
    {
        double ka = Pk.AbsorptionPerHour, ke = Pk.EliminationPerHour;
        double tmax = Math.Log(ka / ke) / (ka - ke);
        double peak = Pk.SingleDoseNanoMolar(DoseMg, tmax);
        Assert.True(peak > Pk.SingleDoseNanoMolar(DoseMg, tmax - 0.05) && peak > Pk.SingleDoseNanoMolar(DoseMg, tmax + 0.05));
        Assert.Equal(0, Pk.SingleDoseNanoMolar(DoseMg, -1));
    }

    [Fact]
    public void SteadyStateTroughAndMeanMatchClosedForms()
    {
        double ka = Pk.AbsorptionPerHour, ke = Pk.EliminationPerHour, tau = TauHours;
        double a = DoseMg * ka / (Pk.VolumeLitres * (ka - ke));
        double troughSs = NanoMolar(a * (Math.Exp(-ke * tau) / (1 - Math.Exp(-ke * tau)) - Math.Exp(-ka * tau) / (1 - Math.Exp(-ka * tau))));
        var schedule = Schedule(Regimen());
        double day = 30;   // 30 days ≫ t½ = 13.9 h: steady state to 1e-15
        double justBeforeDose = day - 1e-9;
        Assert.Equal(troughSs, At(schedule, justBeforeDose), troughSs * 1e-6);

        // Average over one interval at steady state = D / (CL/F · τ).
        double sum = 0;
        const int steps = 1200;
        for (int i = 0; i < steps; i++) sum += At(schedule, day + (i + 0.5) * tau / 24 / steps);
        double mean = NanoMolar(DoseMg / (Pk.ClearanceLitresPerHour * tau));
        Assert.Equal(mean, sum / steps, mean * 1e-4);
    }

    [Fact]
    public void AccumulationRatioOfTroughsMatchesTheClosedForm()
    {
        double ka = Pk.AbsorptionPerHour, ke = Pk.EliminationPerHour, tau = TauHours;
        // R = C_ss(τ) / C_1(τ) for first-order absorption.
        double first = Math.Exp(-ke * tau) - Math.Exp(-ka * tau);
        double ss = Math.Exp(-ke * tau) / (1 - Math.Exp(-ke * tau)) - Math.Exp(-ka * tau) / (1 - Math.Exp(-ka * tau));
        var schedule = Schedule(Regimen());
        double ratio = At(schedule, 30 - 1e-9) / At(Schedule(Regimen()), tau / 24 - 1e-9);
        Assert.Equal(ss / first, ratio, 1e-6 * ratio);
    }

    [Fact]
    public void LoadingAndMissedDosesShiftTheCurveByOneSingleDoseEach()
    {
        double day = 3.2;   // between the 7th and 8th dose
        double regular = At(Schedule(Regimen()), day);
        double loaded = At(Schedule(Regimen(loadingMg: 300, loadingDoses: 1)), day);
        Assert.Equal(regular + Pk.SingleDoseNanoMolar(200, day * 24), loaded, 1e-9 * loaded);
        double missedThird = At(Schedule(Regimen(missed: 3)), day);
        Assert.Equal(regular - Pk.SingleDoseNanoMolar(DoseMg, (day - 2 * TauHours / 24) * 24), missedThird, 1e-9 * regular);
        Assert.Equal(0, At(Schedule(Regimen()), -0.1));
    }

    [Fact]
    public void DosesStopAtTheEndOfThePhaseAndTheDrugWashesOut()
    {
        var schedule = Schedule(Regimen(), days: 10);
        double atEnd = At(schedule, 10);
        double later = At(schedule, 10 + Pk.HalfLifeHours / 24);
        Assert.InRange(later / atEnd, 0.45, 0.55);   // one half-life later, no new doses: about half (absorption tail adds a little)
        Assert.True(schedule.VariesContinuously);
        Assert.Equal(10, new ProtocolSchedule(new Protocol([new ContinuousPhase(10, [Regimen()]), new ContinuousPhase(5, [])]),
            [OralDrug(Pk)], double.PositiveInfinity).NextChangeAfter(9.99), 1e-9);
    }

    [Fact]
    public void PartialAdherenceMissesDosesAtRandomButTheSameOnesForTheSamePatient()
    {
        // 200 days of doses every 12 h: 400 doses. With adherence 0.5 the share taken is Binomial(400, 0.5)/400,
        // σ = 0.025; exposure is linear in the doses taken, so the mean concentration ratio is within 4.5 σ of 0.5.
        const double days = 200;
        var protocol = new Protocol([new ContinuousPhase(days, [Regimen()])]);
        ProtocolSchedule Patient(double adherence, ulong key)
        {
            var schedule = new ProtocolSchedule(protocol, [OralDrug(Pk)], double.PositiveInfinity, adherence);
            schedule.Reset(key);
            return schedule;
        }
        static double MeanLevel(ProtocolSchedule schedule)
        {
            double sum = 0;
            for (int i = 0; i < 4000; i++) sum += At(schedule, 5 + (i + 0.5) * (days - 10) / 4000);
            return sum / 4000;
        }
        double full = MeanLevel(Patient(1, 7));
        double half = MeanLevel(Patient(0.5, 7));
        Assert.Equal(0.5, half / full, 4.5 * 0.025);
        Assert.Equal(half, MeanLevel(Patient(0.5, 7)), 12);            // same patient (key): same doses missed
        Assert.NotEqual(half, MeanLevel(Patient(0.5, 8)));              // another patient misses others
    }

    /// <summary>The dose log's running exponential sums give the dose-by-dose superposition, for irregular doses and
    /// amounts over a long regimen, including the ka = ke limit and times before the latest dose.</summary>
    [Theory]
    [InlineData(1.2)]     // ka ≠ ke (ke = 0.05/h)
    [InlineData(0.05)]    // ka = ke: the t·e^(−kt) limit
    public void DoseLogSumsEqualTheSuperpositionOfSingleDoses(double absorptionPerHour)
    {
        var pk = Pk with { AbsorptionPerHour = absorptionPerHour };
        var log = new OralDoseLog(pk);
        var random = new System.Random(7);
        var doses = new List<(double Day, double Mg)>();
        double day = 0;
        double Superposed(double at) => doses.Sum(d => pk.SingleDoseNanoMolar(d.Mg, (at - d.Day) * 24));
        for (int i = 0; i < 400; i++)
        {
            day += random.NextDouble();                          // irregular intervals, 0–24 h
            double mg = 50 + 200 * random.NextDouble();
            log.Add(day, mg);
            doses.Add((day, mg));
            foreach (double at in new[] { day, day + 0.3 * random.NextDouble(), day + 5 })
            {
                double expected = Superposed(at);
                Assert.Equal(expected, log.NanoMolarAt(at), 1e-10 * expected);
            }
        }
        double earlier = day - 3.7;                               // before the latest dose: summed dose by dose
        Assert.Equal(Superposed(earlier), log.NanoMolarAt(earlier), 1e-10 * Superposed(earlier));
        Assert.Throws<ArgumentException>(() => log.Add(day - 1, 100));
        log.Clear();
        Assert.Equal(0, log.NanoMolarAt(day));
    }

    [Fact]
    public void CrizotinibPresetGivesThePublishedAverageSteadyStateConcentration()
    {
        using var temp = new TempDirectory();
        string path = temp.File("pk.yaml", """
            name: pk
            description: oral crizotinib 250 mg BID
            include: [presets/drugs.yaml, presets/crizotinib-250mg-bid.yaml]
            population: { initial: [{ genotype: parental, cells: 100 }], b0_per_day: 0.1, d0_per_day: 0.05 }
            protocol:
              - { phase: continuous, days: 30, drugs: { crizotinib: { dose_mg: 250, every_hours: 12 } } }
            sampling: { every_days: 1 }
            stop: { days: 30 }
            """.Replace("presets/", Repository.Scenarios.Replace('\\', '/') + "/presets/", StringComparison.Ordinal));
        var scenario = ScenarioLoader.Load(path).Scenario;
        var crizotinib = scenario.Drugs["crizotinib"];
        var pk = Assert.IsType<OralOneCompartmentPk>(crizotinib.Pk);
        Assert.Equal(42, pk.HalfLifeHours, 0.1);                 // fitted: t½ 42 h (Xalkori label §12.3)
        Assert.Equal(0.09, crizotinib.FreeFraction, 12);
        var schedule = new ProtocolSchedule(scenario.Protocol, scenario.DrugList, double.PositiveInfinity);
        double sum = 0;
        for (int i = 0; i < 600; i++) sum += At(schedule, 25 + (i + 0.5) * 0.5 / 600);
        Assert.Equal(770, sum / 600, 10.0);                      // 347 ng/mL ≈ 770 nM total (Xalkori label; docs/biology.md)
        double trough = At(schedule, 14 - 1e-9);
        Assert.InRange(trough, 541, 1883);                        // day-14 trough 244–848 ng/mL, total (docs/biology.md)
    }
}
