namespace ResistanceSim.Model;

/// <summary>
/// A validated, immutable experiment: everything a run needs, nothing about files. Built by
/// ResistanceSim.Scenarios from YAML (or directly in code and tests).
/// </summary>
public sealed record Scenario(
    string Name,
    string Description,
    ulong Seed,
    int Replicates,
    EngineSettings Engine,
    PopulationSpec Population,
    MechanismCatalog Catalog,
    IReadOnlyDictionary<string, Drug> Drugs,
    Protocol Protocol,
    Sampling Sampling,
    StopRule Stop)
{
    /// <summary>Drugs in a fixed order (by name), the column order of concentration outputs.</summary>
    public IReadOnlyList<Drug> DrugList { get; } = Drugs.Values.OrderBy(d => d.Name, StringComparer.Ordinal).ToArray();

    /// <summary>Cell-culture passaging (split at confluence), or null for none.</summary>
    public Passaging? Passaging { get; init; }

    /// <summary>The agent engine's lattice; null for well-mixed agents (<c>space: { kind: none }</c>) and for the clone engines.</summary>
    public Lattice? Space { get; init; }

    /// <summary>Virtual viability assays run on the population (docs/protocols.md).</summary>
    public IReadOnlyList<ViabilityAssay> Assays { get; init; } = [];

    /// <summary>Set for virtual patients (docs/trials.md): untreated history to diagnosis, scans, RECIST.</summary>
    public Cohort? Cohort { get; init; }

    /// <summary>RECIST 1.1 on the scans for cohorts; otherwise <see cref="StopRule.ProgressionFoldOverNadir"/> × nadir.</summary>
    public ProgressionRule Progression => Cohort is { } cohort
        ? new RecistProgression(cohort.Imaging)
        : new FoldOverNadir(Stop.ProgressionFoldOverNadir);
}
