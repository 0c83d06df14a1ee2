using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Engine;

/// <summary>
/// Mutant daughters founded during one long leap (issue #19). A critical clone (λ = μ = 1) has no drift, so
/// tau takes the whole 10 days as one leap; its line has birth λ(1 − u), so mutation events have mean
/// uλ∫E n dt = n₀(1 − e^{−uλT}). Tau once counted them from the exponential path between the line's start and
/// end counts, which is biased low for small lines (3.82 instead of 3.93 here, 20,000 leaps).
/// </summary>
public class MutantsPerLeapTests
{
    [Theory]
    [MemberData(nameof(EngineRunner.AllAlgorithms), MemberType = typeof(EngineRunner))]
    public void MutationEventsInALongCriticalLeapHaveTheExactMean(string algorithm)
    {
        const double lambda = 1, u = 0.05, days = 10;
        const long n0 = 10;
        const int replicates = 50_000;
        var scenario = ReferenceScenarios.LinearBirthDeath(lambda, lambda, n0, days, seed: 19) with
        {
            Catalog = new MechanismCatalog([new FitnessMutation("resistance", 0, u)], 0),
        };
        var run = new SimulationRun(scenario);
        var engine = EngineRunner.Named(algorithm).Create();
        var events = new double[replicates];
        for (int r = 0; r < replicates; r++)
        {
            Simulator.Run(run, engine, new WorkUnit(0, 0, r), observer: null);
            events[r] = run.Registry.Count - 1;   // per_event lineage: one registered clone per mutation event
        }

        double expected = n0 * -double.ExpM1(-u * lambda * days);
        double tolerance = Tolerance.ForMean(Tolerance.Variance(events), replicates);
        Assert.InRange(Tolerance.Mean(events), expected - tolerance, expected + tolerance);
    }
}
