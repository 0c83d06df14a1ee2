using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;

namespace ResistanceSim.Verification.Support;

/// <summary>
/// Tumours grown from one cell to detection at M cells, as in Bozic et al. 2013 (eLife 2:e00747),
/// at the paper's rates b = 0.14, d = 0.13 per day, with one resistance mechanism whose u makes
/// P(no resistant cell at detection) = exp(M u ln(s)/(1 − s)) = 1/2 (s = 1 − d/b), where a proportion test has most power.
/// </summary>
public static class BozicDetection
{
    public const double Birth = 0.14, Death = 0.13;

    public static Scenario Scenario(double detection, ulong seed)
    {
        double s = 1 - Death / Birth;
        double u = Math.Log(2) * (1 - s) / (detection * -Math.Log(s));
        return ReferenceScenarios.PreExistingResistance(Birth, Death, u, detection, EngineKind.Hybrid, seed);
    }

    /// <summary>Runs replicates until <paramref name="detected"/> tumours reach detection (the others die out) and returns the fraction of them without a resistant cell, and how many tumours were simulated.</summary>
    public static (double WithoutResistance, int Simulated) Run(Scenario scenario, ISimulationAlgorithm algorithm, int detected)
    {
        int found = 0, withoutResistance = 0, replicate = 0;
        while (found < detected)
        {
            var end = Replicates.Run(scenario, algorithm, 1, replicate++)[0];
            if (end.Outcome == RunOutcome.Extinct) continue;
            if (end.FinalCells < scenario.Stop.MaxCells)
                throw new InvalidOperationException($"replicate {replicate - 1} ended at {end.FinalCells} cells without dying out");
            found++;
            if (end.CellsByMechanism[0] == 0) withoutResistance++;
        }
        return (withoutResistance / (double)detected, replicate);
    }
}
