using System.Diagnostics;
using System.Globalization;
using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Running;
using ResistanceSim.Engine.State;
using ResistanceSim.Scenarios;

namespace ResistanceSim.Benchmarks;

/// <summary>
/// <c>runs &lt;scenario.yaml&gt; &lt;engine&gt; &lt;replicates&gt; [sample-every-days] [first-replicate]</c>: wall time of whole
/// runs of one scenario, replicate by replicate (different seeds, so the spread between runs shows; replicates
/// first…first+n−1, default 0…n−1), on one thread, after one untimed warm-up run (replicate first+n); then the
/// median, the clones and the process's peak working set; "-" for the sampling interval keeps the scenario's. "Genotypes
/// sampled" counts the distinct genotypes alive at some sample — what OncoSimulR reports as NumClones (its
/// genotypes kept every <c>keepEvery</c> time units), hence the optional sampling interval. The two integrals are
/// <see cref="CloneConcentration"/>'s; "exact steps" counts events and jumps simulated one by one; "cpu" is the process's CPU time during the run (all threads), which a loaded
/// machine inflates much less than the wall time.
/// BenchmarkDotNet repeats one input, which hides how much run time varies between replicates.
/// </summary>
public static class WholeRuns
{
    public static void Run(string[] args)
    {
        if (args.Length is < 3 or > 5) throw new ArgumentException("usage: runs <scenario.yaml> <engine> <replicates> [sample-every-days] [first-replicate]");
        var scenario = ScenarioLoader.Load(args[0]).Scenario;
        var info = Algorithms.All.Single(a => a.Name == args[1]);
        scenario = scenario with { Engine = scenario.Engine with { Engine = info.Kind } };
        if (args.Length >= 4 && args[3] != "-") scenario = scenario with { Sampling = scenario.Sampling with { EveryDays = double.Parse(args[3], CultureInfo.InvariantCulture) } };
        int replicates = int.Parse(args[2], CultureInfo.InvariantCulture);
        int first = args.Length == 5 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 0;   // the peer side-by-side gives each pair its own
        var run = new SimulationRun(scenario);
        var algorithm = info.Create();
        Simulator.Run(run, algorithm, new WorkUnit(0, 0, first + replicates), observer: null);   // warm-up (JIT), a replicate not timed below
        var seconds = new double[replicates];
        var concentration = new CloneConcentration();
        for (int r = 0; r < replicates; r++)
        {
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            long stepsBefore = ExactSteps(algorithm);
            var clock = Stopwatch.StartNew();
            Simulator.Run(run, algorithm, new WorkUnit(0, 0, first + r), concentration);
            seconds[r] = clock.Elapsed.TotalSeconds;
            process.Refresh();
            double cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;   // all threads (background JIT, GC included)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"replicate {first + r}: {seconds[r]:0.000} s, end day {run.Day:0.0}, {run.Clones.TotalCells:0.00e0} cells, {run.Clones.Count} living clones, {SampledGenotypes(run.Registry)} genotypes sampled, {run.Registry.Count} founded; " +
                $"integral N dt {concentration.CellDays:0.000e0}, integral sum nu n^2 dt {concentration.MutationWeightedSquaredCellDays:0.000e0}; exact steps {ExactSteps(algorithm) - stepsBefore}; cpu {cpu:0.000} s"));
        }
        Array.Sort(seconds);
        double peakMiB = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{scenario.Name} {info.Name}: median {seconds[replicates / 2]:0.00} s/run over {replicates} (min {seconds[0]:0.00}, max {seconds[^1]:0.00}); peak working set {peakMiB:0} MiB"));
    }

    /// <summary>
    /// Steps simulated one by one: events, and a hybrid's small clones' jumps from one emission to the next (in and out of
    /// leaps); 0 for engines that do not count them.
    /// </summary>
    private static long ExactSteps(ISimulationAlgorithm algorithm) => algorithm switch
    {
        HybridMethod hybrid => hybrid.ExactEventsInLeaps + hybrid.LineJumps + hybrid.DirectEvents,
        DirectMethod direct => direct.Events,
        _ => 0,
    };

    private static int SampledGenotypes(CloneRegistry registry)
    {
        var seen = new HashSet<ulong>();
        for (int id = 0; id < registry.Count; id++)
            if (registry.MaxSampledCells[id] > 0) seen.Add(registry.Genotype[id]);
        return seen.Count;
    }
}
