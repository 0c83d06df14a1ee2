using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Pharmacodynamics;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Verification.Support;

namespace ResistanceSim.Verification;

/// <summary>
/// The ODE engine against closed forms (issue #5: rtol 1e-8): exponential growth, logistic growth,
/// mutation per unit time, piecewise-constant dosing (discontinuities) and a first-order-decaying drug (continuously varying
/// rates). Every sample is read from the engine's unrounded expected counts, so the dense output at
/// sampling times is what is checked.
/// </summary>
[Trait("Category", "Verification")]
public class OdeClosedFormTests
{
    private const double Rtol = 1e-8;

    [Fact]
    public void ExponentialGrowthMatchesN0TimesExpRt()
    {
        var scenario = Tight(ReferenceScenarios.LinearBirthDeath(1.0, 0.7, 1_000_000, 10, engine: EngineKind.Ode));
        scenario = scenario with { Sampling = scenario.Sampling with { EveryDays = 0.37 } };
        var samples = Samples(scenario);
        Assert.True(samples.Count >= 27, $"{samples.Count} samples");
        foreach (var (day, total) in samples) AssertRelative(1e6 * Math.Exp(0.3 * day), total, day);
    }

    [Fact]
    public void LogisticGrowthMatchesTheLogisticCurve()
    {
        // g(N) = 1 − N/K on births: dN/dt = (b − d)N(1 − N/K'), K' = K(b − d)/b.
        const double b = 1.0, d = 0.2, k = 1e6, n0 = 1e3;
        var scenario = Tight(ReferenceScenarios.LinearBirthDeath(b, d, (long)n0, 30, engine: EngineKind.Ode));
        scenario = scenario with
        {
            Population = scenario.Population with { GrowthLimit = new GrowthLimit(GrowthLimitKind.Logistic, k) },
            Sampling = scenario.Sampling with { EveryDays = 0.5 },
        };
        double r = b - d, capacity = k * r / b;
        foreach (var (day, total) in Samples(scenario))
            AssertRelative(capacity / (1 + (capacity / n0 - 1) * Math.Exp(-r * day)), total, day);
    }

    [Fact]
    public void PiecewiseDosingIsSteppedExactlyAtEveryChange()
    {
        var scenario = VerificationScenarios.Load("piecewise-dose", EngineKind.Ode);
        var signal = new SignalModel(scenario);
        double NetRate(double nanoMolar)
        {
            var rates = signal.Evaluate(GenotypeLayout.Parental, [nanoMolar]);
            return rates.Birth - rates.Death;
        }
        (double Until, double Rate)[] phases = [(5, NetRate(300)), (9, NetRate(0)), (15, NetRate(60)), (double.PositiveInfinity, NetRate(0))];
        Assert.True(phases[0].Rate < 0 && phases[1].Rate > 0, "the dose must make the phases differ");
        foreach (var (day, total) in Samples(scenario))
        {
            double exponent = 0, from = 0;
            foreach (var (until, rate) in phases)
            {
                exponent += rate * (Math.Min(day, until) - from);
                if (day <= until) break;
                from = until;
            }
            AssertRelative(1e6 * Math.Exp(exponent), total, day);
        }
    }

    [Fact]
    public void DecayingDrugMatchesTheIntegralOfTheNetRate()
    {
        var scenario = VerificationScenarios.Load("decaying-drug", EngineKind.Ode);
        foreach (var (day, total) in Samples(scenario))
            AssertRelative(1000 * Math.Exp(DecayingDrug.IntegratedNetRate(scenario, day)), total, day);
    }

    [Fact]
    public void MutationPerDayAddsCellsWithoutTakingThemFromTheParent()
    {
        // Parent and neutral mutant both grow at r = b − d; the parent sends ν per cell per day into the mutant
        // and keeps its cells, so x_wt = N0·e^{rt}, x_mut = ν·N0·t·e^{rt}: the total is N0·e^{rt}·(1 + νt).
        const double nu = 0.05, n0 = 1e6;
        var scenario = Tight(ReferenceScenarios.LinearBirthDeath(1.0, 0.7, (long)n0, 10, engine: EngineKind.Ode));
        scenario = scenario with
        {
            Catalog = new MechanismCatalog([new FitnessMutation("arising", 0, 0) { RatePerDay = nu }], 0),
            Sampling = scenario.Sampling with { EveryDays = 0.5 },
        };
        foreach (var (day, total) in Samples(scenario)) AssertRelative(n0 * Math.Exp(0.3 * day) * (1 + nu * day), total, day);
    }

    private static Scenario Tight(Scenario scenario) =>
        scenario with { Engine = scenario.Engine with { OdeRelativeTolerance = 1e-11, OdeAbsoluteTolerance = 1e-6 } };

    private static void AssertRelative(double expected, double actual, double day) =>
        Assert.True(Math.Abs(actual - expected) <= Rtol * expected, $"day {day}: expected {expected:R}, ODE {actual:R}, rel. error {Math.Abs(actual / expected - 1):E2}");

    /// <summary>(day, expected total) at every sample of one ODE run.</summary>
    private static List<(double Day, double Total)> Samples(Scenario scenario)
    {
        var ode = new OdeMethod();
        var observer = new ExpectedTotals(ode);
        Simulator.Run(new SimulationRun(scenario), ode, new WorkUnit(0, 0, 0), observer);
        Assert.Equal(scenario.Stop.Days, observer.Samples[^1].Day, 12);
        return observer.Samples;
    }

    private sealed class ExpectedTotals(OdeMethod ode) : IRunObserver
    {
        public List<(double Day, double Total)> Samples { get; } = [];
        public void RunStarted(SimulationRun run) { }
        // The day-0 sample is taken as the run starts, before the engine has begun: the initial counts are exact.
        public void Sampled(SimulationRun run) => Samples.Add((run.Day, run.Day == 0 ? run.Clones.TotalCells : ode.ExpectedTotal));
        public void RunEnded(SimulationRun run) { }
    }
}

/// <summary>The decaying-drug scenario's closed form: ∫₀ᵗ r(C(s)) ds by composite Gauss–Legendre quadrature.</summary>
public static class DecayingDrug
{
    public const double HalfLifeDays = 1.5, StartNanoMolar = 300, DoseDays = 8;

    public static double Concentration(double day) => day < DoseDays ? StartNanoMolar * Math.Pow(2, -day / HalfLifeDays) : 0;

    public static double NetRate(Scenario scenario, double day)
    {
        var rates = new SignalModel(scenario).Evaluate(GenotypeLayout.Parental, [Concentration(day)]);
        return rates.Birth - rates.Death;
    }

    public static double IntegratedNetRate(Scenario scenario, double day)
    {
        var signal = new SignalModel(scenario);
        double Rate(double s)
        {
            var rates = signal.Evaluate(GenotypeLayout.Parental, [Concentration(s)]);
            return rates.Birth - rates.Death;
        }
        // 5-point Gauss–Legendre on panels of ≤ 0.01 day, split at the end of dosing (a jump).
        double total = 0;
        foreach (var (a, b) in new[] { (0.0, Math.Min(day, DoseDays)), (DoseDays, Math.Max(day, DoseDays)) })
        {
            int panels = Math.Max(1, (int)Math.Ceiling((b - a) / 0.01));
            double h = (b - a) / panels;
            for (int p = 0; p < panels; p++)
                total += GaussLegendre5(Rate, a + p * h, a + (p + 1) * h);
        }
        return total;
    }

    private static readonly double[] Nodes = [0, -0.5384693101056831, 0.5384693101056831, -0.9061798459386640, 0.9061798459386640];
    private static readonly double[] Weights = [0.5688888888888889, 0.4786286704993665, 0.4786286704993665, 0.2369268850561891, 0.2369268850561891];

    private static double GaussLegendre5(Func<double, double> f, double a, double b)
    {
        double mid = 0.5 * (a + b), half = 0.5 * (b - a), sum = 0;
        for (int i = 0; i < 5; i++) sum += Weights[i] * f(mid + half * Nodes[i]);
        return sum * half;
    }
}
