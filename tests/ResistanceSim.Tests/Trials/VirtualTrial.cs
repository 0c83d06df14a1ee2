using ResistanceSim.Analysis.Survival;
using ResistanceSim.Analysis.Trials;
using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Running;
using ResistanceSim.Scenarios.Sweeps;

namespace ResistanceSim.Tests.Trials;

/// <summary>
/// Runs the first <c>patients</c> of every arm of a cohort scenario through the engine and reads it out
/// (shared by the fast suite's reduced trial and the verification suite's full one). Patient draws do not
/// depend on the cohort size, so the first n patients are exactly the reduced cohort.
/// </summary>
public static class VirtualTrial
{
    public sealed record Result(IReadOnlyList<ArmEndpoints> Arms, IReadOnlyList<IReadOnlyList<ulong>> MechanismsAtProgression, LoadedSweep Loaded);

    public static Result Run(string scenarioPath, int? patients = null, int threads = 2)
    {
        var loaded = SweepLoader.Load(scenarioPath);
        var scenario = loaded.Scenario;
        var algorithm = Algorithms.All.First(a => a.Kind == scenario.Engine.Engine);
        var units = loaded.PointsPerArm
            .SelectMany((count, arm) => Enumerable.Range(0, Math.Min(count, patients ?? count)).Select(p => new WorkUnit(arm, p, 0)))
            .ToArray();
        var outcomes = loaded.Arms.Select(_ => new List<(SurvivalObservation Pfs, bool Response, ulong Mechanisms)>()).ToArray();
        BatchRunner.Run(scenario, unit => loaded.ScenarioFor(unit.Arm, unit.Point), units, threads, algorithm, s => new SimulationRun(s), result =>
        {
            var course = result.Summary.Clinical ?? throw new InvalidOperationException("not a cohort scenario");
            outcomes[result.Unit.Arm].Add((new SurvivalObservation(course.PfsDays, course.PfsEvent), course.ObjectiveResponse, course.MechanismsAtProgression));
        }, CancellationToken.None);
        var arms = loaded.Arms.Select((arm, a) => new TrialArm(arm.Name, [.. outcomes[a].Select(o => o.Pfs)], [.. outcomes[a].Select(o => o.Response)])).ToArray();
        return new Result(TrialReadout.Analyse(arms), [.. outcomes.Select(o => (IReadOnlyList<ulong>)[.. o.Where(x => x.Pfs.Event).Select(x => x.Mechanisms)])], loaded);
    }
}
