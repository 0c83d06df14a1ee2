using ResistanceSim.Engine.Exposure;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Observation;

/// <summary>
/// At the end of a run, the steady-state exposure to each orally dosed drug from the doses the patient actually
/// took (missed doses included: they are absent from the dose log), for the exposure columns of <c>summary/</c>.
/// </summary>
internal static class DrugExposureRecorder
{
    public static void Record(SimulationRun run, SteadyStateExposure[] target)
    {
        Array.Fill(target, SteadyStateExposure.None);
        if (run.Schedule is not ProtocolSchedule schedule) return;
        var drugs = run.Scenario.DrugList;
        for (int d = 0; d < target.Length; d++)
        {
            if (schedule.DoseLog(d) is not { Count: > 0 } log) continue;
            target[d] = SteadyStateExposureCalculator.Compute(log.Pk, log.Days, log.Milligrams, log.LastScheduledDay,
                LongestInterval([run.Scenario.Cohort?.PriorLines ?? Protocol.None, run.Scenario.Protocol], drugs[d].Name), run.Day);
        }
    }

    /// <summary>The drug's dosing interval (hours); the longest when phases dose it differently. A drug given by mouth only
    /// on the cohort's prior lines is found there.</summary>
    private static double LongestInterval(IEnumerable<Protocol> protocols, string drug) =>
        protocols.SelectMany(p => p.Phases).SelectMany(p => p.Exposures).OfType<OralRegimen>().Where(r => r.Drug == drug).Max(r => r.IntervalHours);
}
