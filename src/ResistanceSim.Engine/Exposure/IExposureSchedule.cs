namespace ResistanceSim.Engine.Exposure;

/// <summary>
/// Drug concentrations over time, as the engines see them. Engines hold rates constant between
/// <see cref="NextChangeAfter"/> points — exact for piecewise-constant schedules — and, when
/// <see cref="VariesContinuously"/>, also re-evaluate every rate step so the error is bounded.
/// </summary>
public interface IExposureSchedule
{
    int DrugCount { get; }

    /// <summary>Total (not free) concentration of each drug, in nM, in scenario drug order.</summary>
    void TotalConcentrations(double day, Span<double> nanoMolar);

    /// <summary>The next time strictly after <paramref name="day"/> at which concentrations jump, or +∞.</summary>
    double NextChangeAfter(double day);

    /// <summary>Whether concentrations also change smoothly between change points (PK curves, decay).</summary>
    bool VariesContinuously { get; }

    /// <summary>
    /// Called at every sample with the population size, for protocols that react to it; <paramref name="progressed"/>
    /// is the run's progression call (its response tracker), which ends a phase with <c>until: progression</c>.
    /// Returns true when the schedule changed.
    /// </summary>
    bool Observe(double day, long totalCells, bool progressed);

    /// <summary>Ends the running phase at <paramref name="day"/> and starts phase <paramref name="phase"/> (a cohort's studied line after its prior lines).</summary>
    void SwitchToPhase(int phase, double day);

    /// <summary>Moves the schedule's clock so that <paramref name="day"/> becomes day 0 (doses given before it get negative times).</summary>
    void Rebase(double day);

    /// <summary>Phases ended so far because the population progressed or regrew (a new line of therapy each time).</summary>
    int ResponseSwitches { get; }

    /// <summary>Index of the running phase; equals the phase count after the protocol has ended.</summary>
    int PhaseIndex { get; }

    /// <summary>An independent copy of the schedule as it stands now, for <see cref="ResumeFrom"/>.</summary>
    IExposureSchedule Snapshot();

    /// <summary>
    /// Takes over the state of <paramref name="snapshot"/> (from <see cref="Snapshot"/>), a schedule whose phases up to its
    /// running one are this schedule's: a patient's prior lines, given in another arm.
    /// </summary>
    void ResumeFrom(IExposureSchedule snapshot);

    /// <summary>Returns the schedule to its state at time 0, so a worker can reuse it for the next run; <paramref name="doseStreamKey"/> decides random per-dose events (missed doses) of this run.</summary>
    void Reset(ulong doseStreamKey);
}
