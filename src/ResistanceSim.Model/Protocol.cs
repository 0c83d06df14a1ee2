namespace ResistanceSim.Model;

/// <summary>A treatment protocol: phases run in order; after the last phase no drug is given.</summary>
public sealed record Protocol(IReadOnlyList<ProtocolPhase> Phases)
{
    public static Protocol None { get; } = new([]);

    public double TotalDays => Phases.Sum(p => p.DurationDays);
}

/// <summary>One phase of a protocol. Every phase has a duration in days.</summary>
public abstract record ProtocolPhase(double DurationDays);

/// <summary>Drugs held at fixed levels for the whole phase (an empty list is a drug holiday).</summary>
public sealed record ContinuousPhase(double DurationDays, IReadOnlyList<DrugExposure> Drugs) : ProtocolPhase(DurationDays);

/// <summary>What the protocol gives of one drug.</summary>
public abstract record DrugExposure(string Drug);

/// <summary>A medium (in vitro) or steady plasma concentration, total drug, in nM.</summary>
public sealed record FixedConcentration(string Drug, double NanoMolar) : DrugExposure(Drug);
