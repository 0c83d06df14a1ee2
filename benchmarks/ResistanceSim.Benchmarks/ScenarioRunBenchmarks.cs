using BenchmarkDotNet.Attributes;
using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Scenarios;

namespace ResistanceSim.Benchmarks;

/// <summary>
/// Whole runs of the engine-comparison scenarios in benchmarks/scenarios (issue #5), one operation per run,
/// on each engine that can do the case: the McFarland peer cases at 1e9 and 1e11 cells, the ALK quickstart
/// at clinical size (1e9 cells) and a year of oral crizotinib PK on the ODE. Each iteration runs the next
/// replicate, so the statistics cover different random runs, not one input repeated. The `runs` harness
/// (<see cref="WholeRuns"/>) prints the per-replicate times and clone counts.
/// Run: <c>dotnet run -c Release --project benchmarks/ResistanceSim.Benchmarks -- --filter '*ScenarioRunBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class ScenarioRunBenchmarks
{
    private SimulationRun _run = null!;
    private ISimulationAlgorithm _algorithm = null!;
    private int _replicate;

    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "";

    /// <summary>"scenario file name / engine" pairs: the engines that finish each case in seconds.</summary>
    public static IEnumerable<string> Cases =>
    [
        "mcfl-1e9/hybrid", "mcfl-1e9/tau",
        "mcfl-1e11/hybrid", "mcfl-1e11/tau",
        "mcfl-vignette-1e9/hybrid", "mcfl-vignette-1e11/hybrid", "mcfl-vignette-1e11/tau",
        "quickstart-1e9/hybrid", "quickstart-1e9/tau", "quickstart-1e9/ode",
        "ode-1year-oral/ode",
    ];

    [GlobalSetup]
    public void Setup()
    {
        if (Case.Split('/') is not [var file, var engineName]) throw new ArgumentException($"case '{Case}' is not 'scenario/engine'");
        var scenario = ScenarioLoader.Load(Path.Combine(RepositoryPaths.Root(), "benchmarks", "scenarios", file + ".yaml")).Scenario;
        var engine = Algorithms.All.Single(a => a.Name == engineName);
        _run = new SimulationRun(scenario with { Engine = scenario.Engine with { Engine = engine.Kind } });
        _algorithm = engine.Create();
    }

    [Benchmark]
    public long WholeRun()
    {
        Simulator.Run(_run, _algorithm, new WorkUnit(0, 0, _replicate++), observer: null);
        return _run.Clones.Count;
    }
}
