using ResistanceSim.Engine.Observation;
using ResistanceSim.Engine.Random;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Assays;

/// <summary>
/// Runs a scenario's viability assays during one work unit: each assay at the first sample at or after
/// each of its days (at the end of the run when it lists none), appending one row per well to the
/// work unit's result with viability = final cells / mean final cells of the vehicle wells.
/// Plating draws come from the work unit's <see cref="RandomStreams.AssayPlatingPurpose"/> stream, so
/// assays never perturb the main run's random numbers.
/// </summary>
public sealed class AssaySession(Scenario scenario)
{
    private readonly ViabilityAssayRunner[] _runners = scenario.Assays.Select(a => new ViabilityAssayRunner(scenario, a)).ToArray();
    private readonly int[] _nextDay = new int[scenario.Assays.Count];
    private Xoshiro256StarStar _plating;

    public Scenario Scenario { get; } = scenario;

    public void Start(WorkUnit unit)
    {
        Array.Clear(_nextDay);
        _plating = RandomStreams.ForWorkUnit(Scenario.Seed, unit.Arm, unit.Point, unit.Replicate, RandomStreams.AssayPlatingPurpose);
    }

    public void Sampled(SimulationRun run, WorkUnitResult target)
    {
        for (int a = 0; a < _runners.Length; a++)
        {
            var days = _runners[a].Assay.Days;
            bool due = false;
            while (_nextDay[a] < days.Count && run.Day >= days[_nextDay[a]])
            {
                _nextDay[a]++;
                due = true;
            }
            if (due) Measure(a, run, target);
        }
    }

    public void Ended(SimulationRun run, WorkUnitResult target)
    {
        for (int a = 0; a < _runners.Length; a++)
            if (_runners[a].Assay.Days.Count == 0) Measure(a, run, target);
    }

    private void Measure(int assay, SimulationRun run, WorkUnitResult target)
    {
        var readings = _runners[assay].Measure(run.Clones.Genotype, run.Clones.Cells, ref _plating);
        double vehicle = readings.Where(r => r.ConcentrationNanoMolar == 0).Select(r => (double)r.CellsFinal).DefaultIfEmpty(0).Average();
        foreach (var reading in readings)
        {
            target.AssayIndex.Add(assay);
            target.AssayDay.Add(run.Day);
            target.AssayConcentration.Add(reading.ConcentrationNanoMolar);
            target.AssayWell.Add(reading.Well);
            target.AssayCellsPlated.Add(reading.CellsPlated);
            target.AssayCellsFinal.Add(reading.CellsFinal);
            target.AssayViability.Add(vehicle > 0 ? reading.CellsFinal / vehicle : double.NaN);
        }
    }
}
