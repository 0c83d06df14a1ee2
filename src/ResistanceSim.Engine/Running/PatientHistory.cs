using ResistanceSim.Engine.Random;
using ResistanceSim.Engine.State;

namespace ResistanceSim.Engine.Running;

/// <summary>
/// A virtual patient's tumour at diagnosis as its untreated history left it: the living clones, every clone ever
/// born (birth days already relative to diagnosis), the position of the run's random stream, and the history's
/// length and attempts. Under common random numbers this is the same in every arm that treats the patient, so one
/// arm's history can start the others (<see cref="SharedHistories"/>). Immutable once captured.
/// </summary>
public sealed class PatientHistory
{
    // Rough sizes for the memory budget: a living clone holds nine 8-byte fields and a lookup entry; a registered clone five fields.
    private const long BytesPerLivingClone = 96;
    private const long BytesPerRegisteredClone = 36;

    private PatientHistory(SimulationRun run)
    {
        Clones = new CloneState(capacity: Math.Max(1, run.Clones.Count));
        Clones.CopyFrom(run.Clones);
        Registry = new CloneRegistry(capacity: Math.Max(1, run.Registry.Count));
        Registry.CopyFrom(run.Registry);
        Random = run.Random;
        DiagnosisDay = run.DiagnosisDay;
        Attempts = run.HistoryAttempts;
    }

    public CloneState Clones { get; }

    public CloneRegistry Registry { get; }

    /// <summary>The run's random stream as it stood at diagnosis (a copy: the stream is a value).</summary>
    public Xoshiro256StarStar Random { get; }

    public double DiagnosisDay { get; }

    /// <summary>Histories grown before one reached detection (<see cref="SimulationRun.HistoryAttempts"/>).</summary>
    public int Attempts { get; }

    public long ApproximateBytes => Clones.Count * BytesPerLivingClone + Registry.Count * BytesPerRegisteredClone;

    /// <summary>Copies the state of <paramref name="run"/>, which has just diagnosed its patient.</summary>
    public static PatientHistory Capture(SimulationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new PatientHistory(run);
    }
}
