namespace ResistanceSim.Model;

/// <summary>A treatment protocol: phases run in order; after the last phase no drug is given.</summary>
public sealed record Protocol(IReadOnlyList<ProtocolPhase> Phases)
{
    public static Protocol None { get; } = new([]);

    /// <summary>These phases followed by <paramref name="next"/>'s (prior lines of a cohort, then the studied arm).</summary>
    public Protocol Then(Protocol next) => new([.. Phases, .. next.Phases]);

    /// <summary>Planned length; phases that end on progression may end earlier.</summary>
    public double TotalDays => Phases.Sum(p => p.DurationDays);
}

/// <summary>
/// One phase of a protocol. Every phase has a (maximum) duration in days; a phase with
/// <see cref="EndsOnProgression"/> also ends at the first sample where the run's progression rule
/// (the same one that ends a run: fold over nadir, or RECIST for cohorts) calls progression against the
/// nadir since the current line began (sequential therapy: switch drug on progression). A phase with <see cref="EndsOnRegrowth"/> ends at the first sample where the
/// population, having fallen below its size at the phase start, is back at that size (in vitro: the
/// culture has regrown under the drug). <see cref="MediaChangeEveryDays"/> refreshes in-vitro medium
/// (decay reset).
/// </summary>
public abstract record ProtocolPhase(double DurationDays)
{
    public bool EndsOnProgression { get; init; }

    public bool EndsOnRegrowth { get; init; }

    /// <summary>
    /// Name of the line of therapy this phase belongs to, or null for a line of its own. Progression during a
    /// phase with <see cref="EndsOnProgression"/> moves past every later phase of the same line (so "six cycles of
    /// chemotherapy, then observation" hands over to the next line on progression in either part).
    /// </summary>
    public string? Line { get; init; }

    /// <summary>Interval of media changes within the phase (in-vitro decay restarts); +∞ = only at phase start.</summary>
    public double MediaChangeEveryDays { get; init; } = double.PositiveInfinity;

    /// <summary>Drugs given while the phase is "on".</summary>
    public abstract IReadOnlyList<DrugExposure> Exposures { get; }
}

/// <summary>Drugs held at fixed levels (or dosing regimens) for the whole phase; an empty list is a drug holiday.</summary>
public sealed record ContinuousPhase(double DurationDays, IReadOnlyList<DrugExposure> Drugs) : ProtocolPhase(DurationDays)
{
    public override IReadOnlyList<DrugExposure> Exposures => Drugs;
}

/// <summary>Cycles of <see cref="OnDays"/> on treatment then <see cref="OffDays"/> off, from the phase start.</summary>
public sealed record IntermittentPhase(double DurationDays, IReadOnlyList<DrugExposure> Drugs, double OnDays, double OffDays)
    : ProtocolPhase(DurationDays)
{
    public override IReadOnlyList<DrugExposure> Exposures => Drugs;
}

/// <summary>
/// Adaptive therapy (Zhang et al. 2017, Nat Commun 8:1816): treat until the burden falls to
/// <see cref="PauseBelowFraction"/> of the burden at phase start, pause until it regrows to
/// <see cref="ResumeAtFraction"/> of it, repeat.
/// </summary>
public sealed record AdaptivePhase(double DurationDays, IReadOnlyList<DrugExposure> Drugs, double PauseBelowFraction, double ResumeAtFraction)
    : ProtocolPhase(DurationDays)
{
    public override IReadOnlyList<DrugExposure> Exposures => Drugs;
}

/// <summary>
/// In-vitro stepwise dose escalation: <see cref="Drug"/> starts at <see cref="StartNanoMolar"/> and is
/// multiplied by <see cref="Factor"/> each time the culture regrows to <see cref="RaiseAtConfluenceFraction"/>
/// of the culture capacity (after having been below it since the last raise), up to <see cref="CeilingNanoMolar"/>.
/// </summary>
public sealed record EscalationPhase(
    double DurationDays, string Drug, double StartNanoMolar, double Factor, double CeilingNanoMolar, double RaiseAtConfluenceFraction)
    : ProtocolPhase(DurationDays)
{
    public override IReadOnlyList<DrugExposure> Exposures { get; } = [new FixedConcentration(Drug, StartNanoMolar)];
}

/// <summary>What the protocol gives of one drug.</summary>
public abstract record DrugExposure(string Drug);

/// <summary>A medium (in vitro) or steady plasma concentration, total drug, in nM.</summary>
public sealed record FixedConcentration(string Drug, double NanoMolar) : DrugExposure(Drug);

/// <summary>
/// Oral doses every <see cref="IntervalHours"/> from the phase start (while the phase is on), through the
/// drug's <see cref="OralOneCompartmentPk"/> model. The first <see cref="LoadingDoses"/> doses are
/// <see cref="LoadingDoseMg"/>; dose numbers in <see cref="MissedDoses"/> (1-based, within the phase) are skipped.
/// </summary>
public sealed record OralRegimen(
    string Drug, double DoseMg, double IntervalHours, double LoadingDoseMg, int LoadingDoses, IReadOnlyList<int> MissedDoses)
    : DrugExposure(Drug)
{
    public double DoseNumber(int number) => MissedDoses.Contains(number) ? 0 : number <= LoadingDoses ? LoadingDoseMg : DoseMg;
}
