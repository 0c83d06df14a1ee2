using System.Diagnostics;
using System.Globalization;
using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Running;
using ResistanceSim.Scenarios;

namespace ResistanceSim.Benchmarks;

/// <summary>
/// <c>runs &lt;scenario.yaml&gt; &lt;engine&gt; &lt;replicates&gt;</c>: wall time of whole runs of one scenario,
/// replicate by replicate (different seeds, so the spread between runs shows), on one thread, after
/// one untimed warm-up run; then the median, the clones and the process's peak working set.
/// BenchmarkDotNet repeats one input, which hides how much run time varies between replicates.
/// </summary>
public static class WholeRuns
{
    public static void Run(string[] args)
    {
        if (args.Length != 3) throw new ArgumentException("usage: runs <scenario.yaml> <engine> <replicates>");
        var scenario = ScenarioLoader.Load(args[0]).Scenario;
        var info = Algorithms.All.Single(a => a.Name == args[1]);
        scenario = scenario with { Engine = scenario.Engine with { Engine = info.Kind } };
        int replicates = int.Parse(args[2], CultureInfo.InvariantCulture);
        var run = new SimulationRun(scenario);
        var algorithm = info.Create();
        Simulator.Run(run, algorithm, new WorkUnit(0, 0, replicates), observer: null);   // warm-up (JIT), a replicate not timed below
        var seconds = new double[replicates];
        for (int r = 0; r < replicates; r++)
        {
            var clock = Stopwatch.StartNew();
            Simulator.Run(run, algorithm, new WorkUnit(0, 0, r), observer: null);
            seconds[r] = clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"replicate {r}: {seconds[r]:0.00} s, end day {run.Day:0.0}, {run.Clones.TotalCells:0.00e0} cells, {run.Clones.Count} living clones, {run.Registry.Count} founded"));
        }
        Array.Sort(seconds);
        double peakMiB = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{scenario.Name} {info.Name}: median {seconds[replicates / 2]:0.00} s/run over {replicates} (min {seconds[0]:0.00}, max {seconds[^1]:0.00}); peak working set {peakMiB:0} MiB"));
    }
}
