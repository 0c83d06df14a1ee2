using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;

namespace ResistanceSim.Cli.Commands;

/// <summary>
/// <c>resistancesim bench [--quick]</c>: single-core throughput of the engines' inner loops on the
/// reference 100-clone system — exact SSA events per second and tau-leaping clone-steps per
/// second — as the median of several timed runs after a second of warm-up. With <c>--engines</c>, also whole
/// runs of the engine-comparison scenarios (benchmarks/scenarios: OncoSimulR's McFarland model
/// stopped at 1e9 and 1e11 cells; Bozic's tumour grown to 1e9) on each engine that can do them:
/// wall time per run, clones, and the process's peak working set.
/// </summary>
public static class BenchCommand
{
    public static Command Create(CommandContext context)
    {
        var quick = new Option<bool>("--quick") { Description = "Fewer and shorter repetitions (a smoke check, not a measurement)." };
        var engines = new Option<bool>("--engines") { Description = "Also time whole runs of the engine-comparison scenarios in benchmarks/scenarios." };
        var command = new Command("bench", "Measure engine throughput on reference systems.") { quick, engines };
        command.SetAction(parse =>
        {
            bool isQuick = parse.GetValue(quick);
            int repetitions = isQuick ? 3 : 7;
            var output = context.Output;
            output.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; single thread; median of {repetitions}; rates per CPU-second");

            var exact = ReferenceScenarios.ManyClones(100, 10_000, isQuick ? 2 : 10, EngineKind.Exact);
            double eventsPerSecond = Median(repetitions, context, () =>
            {
                var algorithm = new DirectMethod();
                return Measure(exact, algorithm, () => algorithm.Events);
            });
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exact  100 clones × 1e4 cells: {eventsPerSecond / 1e6:0.0} M events/s"));

            var tau = ReferenceScenarios.ManyClones(100, 1_000_000, isQuick ? 30 : 100, EngineKind.Tau, death: 0.9);
            double stepsPerSecond = Median(repetitions, context, () =>
            {
                var algorithm = new TauLeaping();
                return Measure(tau, algorithm, () => algorithm.CloneSteps);
            });
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tau    100 clones × 1e6 cells, r = 0.1/day: {stepsPerSecond / 1e6:0.00} M clone-steps/s"));
            if (parse.GetValue(engines)) EngineComparison.Run(context, isQuick);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// Work done per second of one run (after the caller's warm-up repetition). Seconds are the
    /// process's CPU time, not wall time: on a shared machine the wall clock also counts time the
    /// thread spent waiting for a core, while CPU time measures the engine.
    /// </summary>
    private static double Measure(Scenario scenario, ISimulationAlgorithm algorithm, Func<long> work)
    {
        var run = new SimulationRun(scenario);
        long before = work();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        Simulator.Run(run, algorithm, new WorkUnit(0, 0, 0), observer: null);
        process.Refresh();
        return (work() - before) / (process.TotalProcessorTime - cpu).TotalSeconds;
    }

    /// <summary>
    /// CPU time spent repeating a case before it is timed. Tiered compilation optimises a method only after it has been
    /// called a while and a background delay has passed; a tau run of 13 ms warmed up once was still timed in
    /// unoptimised code (2.4 M clone-steps/s against 6.5 M with tiering off).
    /// </summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    private static double Median(int repetitions, CommandContext context, Func<double> measure)
    {
        var process = Process.GetCurrentProcess();
        var warmUpEnds = process.TotalProcessorTime + WarmUp;
        do
        {
            context.Cancellation.ThrowIfCancellationRequested();
            measure();
            process.Refresh();
        } while (process.TotalProcessorTime < warmUpEnds);
        var values = new double[repetitions];
        for (int i = 0; i < repetitions; i++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            values[i] = measure();
        }
        Array.Sort(values);
        return values[repetitions / 2];
    }
}
