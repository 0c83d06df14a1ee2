using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;

namespace ResistanceSim.Tests.Support;

/// <summary>What a test needs to know about how one replicate ended.</summary>
public readonly record struct RunEnd(long FinalCells, RunOutcome Outcome, double EndDay, long[] CellsByMechanism);

/// <summary>Runs many replicates of a scenario on one algorithm, reusing one run and one algorithm instance, as a worker does.</summary>
public static class EngineRunner
{
    public static IEnumerable<object[]> AllAlgorithms() => Algorithms.Stochastic.Select(a => new object[] { a.Name });

    public static AlgorithmInfo Named(string name) => Algorithms.All.Single(a => a.Name == name);

    public static RunEnd[] Replicates(Scenario scenario, AlgorithmInfo algorithm, int replicates, int firstReplicate = 0)
    {
        var run = new SimulationRun(scenario);
        var engine = algorithm.Create();
        var ends = new RunEnd[replicates];
        var catalog = scenario.Catalog;
        for (int r = 0; r < replicates; r++)
        {
            Simulator.Run(run, engine, new WorkUnit(0, 0, firstReplicate + r), observer: null);
            var byMechanism = new long[catalog.All.Count];
            for (int i = 0; i < run.Clones.Count; i++)
                for (int m = 0; m < byMechanism.Length; m++)
                    if (catalog.Carries(run.Clones.Genotype[i], m)) byMechanism[m] += run.Clones.Cells[i];
            ends[r] = new RunEnd(run.Clones.TotalCells, run.Outcome, run.Day, byMechanism);
        }
        return ends;
    }
}
