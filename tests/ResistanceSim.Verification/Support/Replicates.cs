using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;

namespace ResistanceSim.Verification.Support;

/// <summary>How one replicate ended.</summary>
/// <param name="CellsByMechanism">Cells carrying each catalog mechanism, catalog order.</param>
/// <param name="LivingClones">Clones with cells at the end.</param>
public readonly record struct ReplicateEnd(long FinalCells, RunOutcome Outcome, double EndDay, long[] CellsByMechanism, int LivingClones);

/// <summary>Runs replicates of a scenario on one engine, reusing one run and one algorithm instance as a worker does.</summary>
public static class Replicates
{
    public static IEnumerable<object[]> StochasticEngines() => Algorithms.Stochastic.Select(a => new object[] { a.Name });

    public static AlgorithmInfo Named(string name) => Algorithms.All.Single(a => a.Name == name);

    public static ReplicateEnd[] Run(Scenario scenario, string engine, int count, int first = 0) =>
        Run(scenario, Named(engine).Create(), count, first);

    public static ReplicateEnd[] Run(Scenario scenario, ISimulationAlgorithm algorithm, int count, int first = 0)
    {
        var run = new SimulationRun(scenario);
        var catalog = scenario.Catalog;
        var ends = new ReplicateEnd[count];
        for (int r = 0; r < count; r++)
        {
            Simulator.Run(run, algorithm, new WorkUnit(0, 0, first + r), observer: null);
            var byMechanism = new long[catalog.All.Count];
            int living = 0;
            foreach (long cells in run.Clones.Cells)
                if (cells > 0) living++;
            for (int i = 0; i < run.Clones.Count; i++)
                for (int m = 0; m < byMechanism.Length; m++)
                    if (catalog.Carries(run.Clones.Genotype[i], m)) byMechanism[m] += run.Clones.Cells[i];
            ends[r] = new ReplicateEnd(run.Clones.TotalCells, run.Outcome, run.Day, byMechanism, living);
        }
        return ends;
    }
}
