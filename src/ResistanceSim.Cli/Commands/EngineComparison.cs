using System.Diagnostics;
using System.Globalization;
using ResistanceSim.Engine.Agents;
using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Scenarios;

namespace ResistanceSim.Cli.Commands;

/// <summary>
/// Whole-run timings for <c>resistancesim bench --engines</c>: each case runs a few replicates on
/// each engine that can do it in reasonable time, and reports wall time per run, living clones
/// and clones ever founded at the end, and the process's peak working set (a process-wide high-water
/// mark, so cases run from small to large). Each case's timing starts once the background compiler has gone quiet
/// (<see cref="BackgroundCompilation"/>), so no case is charged for optimizing an earlier one's code.
/// </summary>
internal static class EngineComparison
{
    private sealed record Case(string Name, Func<EngineKind, Scenario> Scenario, EngineKind[] Engines, int Replicates);

    public static void Run(CommandContext context, bool quick)
    {
        var output = context.Output;
        string directory = FindScenarioDirectory();
        Scenario FromFile(string name, EngineKind engine)
        {
            var scenario = ScenarioLoader.Load(Path.Combine(directory, name + ".yaml")).Scenario;
            return scenario with { Engine = scenario.Engine with { Engine = engine } };
        }

        // Bozic et al. 2013: b = 0.14, d = 0.13, 50 resistance mutations at 1e-9 each, detection at 1e9.
        // Most lines die out early; the time per run averages over extinct and detected tumours.
        Scenario Bozic(EngineKind engine) => ReferenceScenarios.PreExistingResistance(0.14, 0.13, 50 * 1e-9, 1e9, engine);

        List<Case> cases =
        [
            new("bozic-1e9", Bozic, [EngineKind.Hybrid], quick ? 5 : 30),
            new("ode-1year", e => FromFile("ode-1year-decay", e), [EngineKind.Ode], quick ? 1 : 3),
            new("ode-oral", e => FromFile("ode-1year-oral", e), [EngineKind.Ode], quick ? 1 : 3),
            // The ALK quickstart at clinical size (1e9 cells, 60 days of crizotinib); exact would take ~1e11 events.
            new("alk-1e9", e => FromFile("quickstart-1e9", e), [EngineKind.Hybrid, EngineKind.Tau, EngineKind.Ode], quick ? 1 : 3),
            new("mcfl-1e9", e => FromFile("mcfl-1e9", e), [EngineKind.Hybrid, EngineKind.Tau], quick ? 1 : 3),
            // The same with mutation per unit time, as OncoSimulR's vignette runs it (mutationPropGrowth = FALSE).
            new("mcfl-vignette-1e9", e => FromFile("mcfl-vignette-1e9", e), [EngineKind.Hybrid, EngineKind.Tau], quick ? 1 : 3),
            // Agents on a lattice: a confluent 2D dish of 1e6 sites over 30 days, and a 3D tumour growing at its rim.
            new("agents-dish-1e6", e => FromFile("agents-dish-1e6", e), [EngineKind.Agents], quick ? 1 : 3),
            new("agents-ball-3d", e => FromFile("agents-ball-3d", e), [EngineKind.Agents], quick ? 1 : 3),
        ];
        if (!quick)
        {
            cases.Add(new("mcfl-1e11", e => FromFile("mcfl-1e11", e), [EngineKind.Hybrid, EngineKind.Tau], 2));
            cases.Add(new("mcfl-vignette-1e11", e => FromFile("mcfl-vignette-1e11", e), [EngineKind.Hybrid, EngineKind.Tau], 2));
        }

        foreach (var c in cases)
            foreach (var engine in c.Engines)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                var scenario = c.Scenario(engine);
                var run = new SimulationRun(scenario);
                var algorithm = Algorithms.Get(engine).Create();
                var times = new double[c.Replicates];
                long clones = 0, founded = 0, eventsBefore = algorithm is AgentMethod before ? before.Events : 0;
                // Loading this and earlier cases' scenarios queued methods for optimization; that is not this case's work.
                BackgroundCompilation.WaitUntilQuiet(context.Cancellation);
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                double endDay = 0, cells = 0;
                for (int r = 0; r < c.Replicates; r++)
                {
                    var clock = Stopwatch.StartNew();
                    Simulator.Run(run, algorithm, new WorkUnit(0, 0, r), observer: null, context.Cancellation);
                    times[r] = clock.Elapsed.TotalSeconds;
                    clones += run.Clones.Count;
                    founded += run.Registry.Count;
                    endDay += run.Day;
                    cells += run.Clones.TotalCells;
                }
                double peakMiB = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
                // The agent engine counts its events (null ones included): the lattice's throughput per CPU-second of the
                // process (the runs are single-threaded), so waiting for a core on a loaded machine is not counted.
                double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
                string events = algorithm is AgentMethod agents
                    ? string.Create(CultureInfo.InvariantCulture, $"; {(agents.Events - eventsBefore) / cpuSeconds:0.00e0} events per CPU-second ({agents.Events - eventsBefore:0.00e0} events)")
                    : "";
                Array.Sort(times);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{c.Name,-10} {Algorithms.NameOf(engine),-6} {c.Replicates} runs: median {times[c.Replicates / 2]:0.00} s/run (min {times[0]:0.00}, max {times[^1]:0.00}); " +
                    $"mean end day {endDay / c.Replicates:0.0}, final cells {cells / c.Replicates:0.00e0}, living clones {clones / (double)c.Replicates:0}, " +
                    $"clones founded {founded / (double)c.Replicates:0}; peak working set {peakMiB:0} MiB{events}"));
            }
    }

    private static string FindScenarioDirectory()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "benchmarks", "scenarios");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new UsageException("benchmarks/scenarios not found: run `resistancesim bench --engines` from inside the repository.");
    }
}
