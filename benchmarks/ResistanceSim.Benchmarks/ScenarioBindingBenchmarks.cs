using BenchmarkDotNet.Attributes;
using ResistanceSim.Scenarios.Sweeps;

namespace ResistanceSim.Benchmarks;

/// <summary>
/// What a cohort costs before and between its simulations (issue #19, "Trial speed"): loading a trial, which binds every
/// (arm, patient) scenario to validate it, and binding one patient's scenario as each work unit does. The trial is
/// scenarios/profile-1014-virtual-trial.yaml (two arms, 343 patients' scenarios); each binding takes the next patient.
/// Run: <c>dotnet run -c Release --project benchmarks/ResistanceSim.Benchmarks -- --filter '*ScenarioBindingBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ScenarioBindingBenchmarks
{
    private string _trial = "";
    private LoadedSweep _loaded = null!;
    private int _unit;

    [GlobalSetup]
    public void Setup()
    {
        _trial = Path.Combine(RepositoryPaths.Root(), "scenarios", "profile-1014-virtual-trial.yaml");
        _loaded = SweepLoader.Load(_trial);
    }

    /// <summary>The whole load: YAML, includes, and every patient's scenario bound (on the thread pool) to validate it.</summary>
    [Benchmark]
    public int LoadTrial() => SweepLoader.Load(_trial).PointsPerArm.Sum();

    /// <summary>One work unit's scenario: the arm's document with the patient's values patched in, bound.</summary>
    [Benchmark]
    public int BindOnePatient()
    {
        var perArm = _loaded.PointsPerArm;
        int unit = _unit++ % perArm.Sum();
        int arm = unit < perArm[0] ? 0 : 1;
        return _loaded.ScenarioFor(arm, arm == 0 ? unit : unit - perArm[0]).Catalog.All.Count;
    }
}
