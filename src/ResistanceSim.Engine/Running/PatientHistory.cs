using ResistanceSim.Engine.Exposure;
using ResistanceSim.Engine.Random;
using ResistanceSim.Engine.State;

namespace ResistanceSim.Engine.Running;

/// <summary>
/// A virtual patient's tumour where an arm's own protocol begins, as the patient's past left it: at diagnosis
/// (the untreated history), or — in a cohort with prior lines — at the progression that ends them. It holds the
/// living clones, every clone ever born (birth days relative to diagnosis), the position of the run's random stream,
/// the history's length and attempts and, after prior lines, the schedule and the uncleared killed cells as they left them. Under common random numbers
/// this is the same in every arm that treats the patient, so one arm's past can start the others
/// (<see cref="SharedHistories"/>). Immutable once captured.
/// </summary>
public sealed class PatientHistory
{
    // Rough sizes for the memory budget: a living clone holds nine 8-byte fields and a lookup entry; a registered clone five fields.
    private const long BytesPerLivingClone = 96;
    private const long BytesPerRegisteredClone = 36;

    private PatientHistory(SimulationRun run, IExposureSchedule? schedule, PatientHistory? atDiagnosis)
    {
        Clones = new CloneState(capacity: Math.Max(1, run.Clones.Count));
        Clones.CopyFrom(run.Clones);
        Registry = new CloneRegistry(capacity: Math.Max(1, run.Registry.Count));
        Registry.CopyFrom(run.Registry);
        Random = run.Random;
        DiagnosisDay = run.DiagnosisDay;
        Attempts = run.HistoryAttempts;
        Schedule = schedule;
        PriorLineDays = schedule is null ? 0 : run.Day;
        AtDiagnosis = atDiagnosis ?? this;
        UnclearedKilledCells = run.UnclearedKilledCells;
    }

    public CloneState Clones { get; }

    public CloneRegistry Registry { get; }

    /// <summary>The run's random stream as it stood (a copy: the stream is a value).</summary>
    public Xoshiro256StarStar Random { get; }

    public double DiagnosisDay { get; }

    /// <summary>Histories grown before one reached detection (<see cref="SimulationRun.HistoryAttempts"/>).</summary>
    public int Attempts { get; }

    /// <summary>The schedule as the prior lines left it; null for a history that ends at diagnosis.</summary>
    public IExposureSchedule? Schedule { get; }

    /// <summary>Killed cells the prior lines left that the body had not cleared (<see cref="SimulationRun.UnclearedKilledCells"/>); 0 at diagnosis.</summary>
    public double UnclearedKilledCells { get; }

    /// <summary>Days on the prior lines, from diagnosis to the progression that ends them; 0 at diagnosis.</summary>
    public double PriorLineDays { get; }

    /// <summary>
    /// The same patient at diagnosis: itself, or for a history that runs through prior lines, the snapshot taken at
    /// diagnosis — for arms whose schedules would have given the prior lines differently.
    /// </summary>
    public PatientHistory AtDiagnosis { get; }

    /// <summary>
    /// Where an arm with <paramref name="schedule"/> resumes: through the prior lines when its schedule would have given
    /// them alike (they stay in their own phases, and the rate-step clock — whether any phase varies continuously — is the
    /// same), else at diagnosis.
    /// </summary>
    public PatientHistory ResumePointFor(IExposureSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return Schedule is null || Schedule.VariesContinuously == schedule.VariesContinuously ? this : AtDiagnosis;
    }

    public long ApproximateBytes =>
        Clones.Count * BytesPerLivingClone + Registry.Count * BytesPerRegisteredClone
        + (ReferenceEquals(AtDiagnosis, this) ? 0 : AtDiagnosis.ApproximateBytes);

    /// <summary>Copies the state of <paramref name="run"/>, which has just diagnosed its patient.</summary>
    public static PatientHistory Diagnosed(SimulationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new PatientHistory(run, schedule: null, atDiagnosis: null);
    }

    /// <summary>
    /// Copies the state of <paramref name="run"/>, whose patient has just progressed on the prior lines, before the
    /// studied line starts; <paramref name="atDiagnosis"/> is the same run's snapshot at diagnosis.
    /// </summary>
    public static PatientHistory ThroughPriorLines(SimulationRun run, PatientHistory atDiagnosis)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(atDiagnosis);
        return new PatientHistory(run, run.Schedule.Snapshot(), atDiagnosis);
    }
}
