using ResistanceSim.Engine.Exposure;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Running;

/// <summary>
/// Lets the arms of a cohort share each patient's past (docs/trials.md, "Shared histories"). A history draws from the
/// stream of (seed, patient, replicate) — never the arm's (common random numbers) — and sees no drug, so it is the same
/// in every arm: the first unit of a patient to reach diagnosis (or the end of the prior lines) leaves a
/// <see cref="PatientHistory"/>, and the patient's units that start later resume from it, bit-identical to growing it
/// again. Units of one patient that run at the same time each grow their own. A history is kept only while some unit of its patient in this batch
/// has still to start, and dropped when the last one takes it; while the snapshots held exceed the byte budget no
/// more are kept (those patients grow their history again in each arm), so memory stays bounded. Thread-safe.
/// </summary>
public sealed class SharedHistories
{
    /// <summary>Enough for every patient of the bundled trials many times over; a patient past it is merely recomputed.</summary>
    public const long DefaultBudgetBytes = 256L << 20;

    private readonly object _gate = new();
    private readonly Dictionary<(int Point, int Replicate), int> _unitsToStart;
    private readonly Dictionary<(int Point, int Replicate), PatientHistory> _held = [];
    private readonly long _budgetBytes;
    private long _heldBytes;

    private SharedHistories(Dictionary<(int, int), int> unitsToStart, long budgetBytes)
    {
        _unitsToStart = unitsToStart;
        _budgetBytes = budgetBytes;
    }

    /// <summary>Histories grown to diagnosis by units of this batch (each patient once when sharing works fully).</summary>
    public int HistoriesGrown { get; private set; }

    /// <summary>Units that started from another arm's history instead of growing their own.</summary>
    public int HistoriesReused { get; private set; }

    /// <summary>Units among <see cref="HistoriesReused"/> that also started after another arm's prior lines.</summary>
    public int PriorLinesReused { get; private set; }

    /// <summary>Histories held now, waiting for another arm of their patient.</summary>
    public int HistoriesHeld
    {
        get { lock (_gate) return _held.Count; }
    }

    /// <summary>The most bytes of snapshots held at once (<see cref="PatientHistory.ApproximateBytes"/>).</summary>
    public long PeakBytes { get; private set; }

    /// <summary>
    /// Sharing for <paramref name="units"/> of a cohort scenario, or null when there is nothing to share: no cohort, or no
    /// patient with two units here (one arm, or a shard that holds a single arm of each patient). The units' scenarios
    /// must differ between arms only in their protocols, as a scenario file's arms do. Not for the agent engine: a
    /// snapshot holds clone counts, not where the cells sit, so each arm regrows its patient's history (from the same
    /// stream: the same cells on the same sites).
    /// </summary>
    public static SharedHistories? ForCohort(Scenario shape, IReadOnlyList<WorkUnit> units, long budgetBytes = DefaultBudgetBytes)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(units);
        if (shape.Cohort is null || shape.Engine.Engine == EngineKind.Agents) return null;
        var unitsPerPatient = new Dictionary<(int, int), int>();
        foreach (var unit in units)
            unitsPerPatient[(unit.Point, unit.Replicate)] = unitsPerPatient.GetValueOrDefault((unit.Point, unit.Replicate)) + 1;
        return unitsPerPatient.Values.Any(count => count > 1) ? new SharedHistories(unitsPerPatient, budgetBytes) : null;
    }

    /// <summary>
    /// <paramref name="unit"/>, with <paramref name="schedule"/>, starts: where to resume from the past another arm left for
    /// its patient (<see cref="PatientHistory.ResumePointFor"/>), or null when the unit must grow its own (then it reports
    /// its diagnosis to <see cref="Diagnosed"/>).
    /// </summary>
    public PatientHistory? Claim(WorkUnit unit, IExposureSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var patient = (unit.Point, unit.Replicate);
        lock (_gate)
        {
            int left = _unitsToStart.GetValueOrDefault(patient) - 1;
            _unitsToStart[patient] = left;
            if (!_held.TryGetValue(patient, out var history)) return null;
            if (left <= 0) Drop(patient, history);
            HistoriesReused++;
            var resumePoint = history.ResumePointFor(schedule);
            if (resumePoint.Schedule is not null) PriorLinesReused++;
            return resumePoint;
        }
    }

    /// <summary>A unit that grew its patient's history has diagnosed it: true when another unit of the patient could still take it.</summary>
    public bool Diagnosed(WorkUnit unit)
    {
        lock (_gate)
        {
            HistoriesGrown++;
            return Wanted((unit.Point, unit.Replicate));
        }
    }

    /// <summary>Keeps <paramref name="history"/>, grown by <paramref name="unit"/>, when another unit of the patient has yet to start and the budget allows.</summary>
    public void Offer(WorkUnit unit, PatientHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var patient = (unit.Point, unit.Replicate);
        lock (_gate)
        {
            if (!Wanted(patient) || _heldBytes + history.ApproximateBytes > _budgetBytes) return;
            _held.Add(patient, history);
            _heldBytes += history.ApproximateBytes;
            PeakBytes = Math.Max(PeakBytes, _heldBytes);
        }
    }

    private bool Wanted((int, int) patient) => _unitsToStart.GetValueOrDefault(patient) > 0 && !_held.ContainsKey(patient);

    private void Drop((int, int) patient, PatientHistory history)
    {
        _held.Remove(patient);
        _heldBytes -= history.ApproximateBytes;
    }
}
