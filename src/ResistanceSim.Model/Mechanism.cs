namespace ResistanceSim.Model;

/// <summary>
/// A way a cell can become less dependent on the drugged ALK signal. Heritable mechanisms are
/// acquired by a daughter cell at division with <see cref="HeritableMechanism.ProbabilityPerDivision"/>,
/// and/or by a new cell arising at <see cref="HeritableMechanism.RatePerDay"/> per cell per day;
/// phenotypes are reversible states entered and left at (stress-dependent) rates.
/// </summary>
/// <param name="Name">Catalog key, e.g. <c>ALK_L1196M</c>.</param>
/// <param name="Family">Grouping for output and colours: alk_mutation, alk_amplification, bypass, downstream, emt, autophagy, fitness, chemoresistance, sanctuary.</param>
/// <param name="FitnessCost">Relative loss of birth rate: birth is multiplied by (1 − cost). Negative means an advantage.</param>
public abstract record Mechanism(string Name, string Family, double FitnessCost)
{
    /// <summary>
    /// Multiplies the non-targeted (cytotoxic) kill of each named drug for cells carrying this mechanism or state:
    /// 0.1 leaves a tenth of docetaxel's kill (drug efflux, altered target). Drugs not listed: 1. Several
    /// mechanisms multiply.
    /// </summary>
    public IReadOnlyDictionary<string, double> KillFoldChangeByDrug { get; init; } = EmptyFolds;

    public double KillFoldChangeFor(string drug) =>
        KillFoldChangeByDrug.TryGetValue(drug, out var fold) ? fold : 1.0;

    /// <summary>
    /// Multiplies the free concentration of each named drug that cells carrying this mechanism or state see, on
    /// every target and on the cytotoxic kill: 0.03 is a site the drug barely reaches (crizotinib in the central
    /// nervous system), below 1 also an efflux pump. Drugs not listed: 1. Several mechanisms multiply.
    /// </summary>
    public IReadOnlyDictionary<string, double> ExposureFoldChangeByDrug { get; init; } = EmptyFolds;

    public double ExposureFoldChangeFor(string drug) =>
        ExposureFoldChangeByDrug.TryGetValue(drug, out var fold) ? fold : 1.0;

    private static readonly IReadOnlyDictionary<string, double> EmptyFolds = new Dictionary<string, double>();
}

/// <summary>A mechanism inherited by every descendant once acquired.</summary>
public abstract record HeritableMechanism(string Name, string Family, double FitnessCost, double ProbabilityPerDivision)
    : Mechanism(Name, Family, FitnessCost)
{
    /// <summary>
    /// Acquisition per cell per day, independent of division: each cell gives rise to a mutant at this rate
    /// and stays as it was (OncoSimulR's <c>mutationPropGrowth = FALSE</c>). 0 when the mechanism is
    /// acquired only at division.
    /// </summary>
    public double RatePerDay { get; init; }
}

/// <summary>
/// An ALK kinase-domain mutation: it multiplies the IC50 of each ALK-targeting drug by a
/// drug-specific fold change (1 for drugs not listed). Compound mutants multiply their folds.
/// </summary>
public sealed record AlkKinaseMutation(
    string Name, double FitnessCost, double ProbabilityPerDivision,
    IReadOnlyDictionary<string, double> Ic50FoldChangeByDrug)
    : HeritableMechanism(Name, MechanismFamilies.AlkMutation, FitnessCost, ProbabilityPerDivision)
{
    public double FoldChangeFor(string drug) =>
        Ic50FoldChangeByDrug.TryGetValue(drug, out var fold) ? fold : 1.0;
}

/// <summary>
/// ALK fusion-gene amplification: each event adds <see cref="CopiesPerEvent"/> copies, up to
/// <see cref="MaxCopies"/>. ALK pathway activity equals the copy number, so amplification raises
/// the residual signal at any drug level. The fitness cost applies per extra copy.
/// </summary>
public sealed record AlkAmplification(
    string Name, double FitnessCost, double ProbabilityPerDivision, int CopiesPerEvent, int MaxCopies)
    : HeritableMechanism(Name, MechanismFamilies.AlkAmplification, FitnessCost, ProbabilityPerDivision);

/// <summary>
/// Activation or amplification of a bypass receptor (EGFR, HER2, MET, IGF-1R, KIT, PKC) or of a
/// downstream node (KRAS): adds <see cref="Activity"/> to <see cref="Pathway"/>.
/// </summary>
/// <param name="AlkDependence">
/// θ ∈ [0, 1]: the share of the bypass's signal that needs ALK still signalling. Its signal is
/// Activity · ((1 − θ) + θ · (1 − I_ALK)): 0 (the default) adds it whatever the ALK inhibition; 1 only amplifies what
/// ALK still sends, so a bypass that escapes a weak ALK inhibitor can fail under a potent one.
/// </param>
public sealed record PathwayActivation(
    string Name, double FitnessCost, double ProbabilityPerDivision, Pathway Pathway, double Activity, double AlkDependence = 0)
    : HeritableMechanism(Name,
        Pathway == Pathway.Downstream ? MechanismFamilies.Downstream : MechanismFamilies.Bypass,
        FitnessCost, ProbabilityPerDivision);

/// <summary>A generic heritable fitness change with no pathway effect (e.g. OncoSimulR-style driver genes).</summary>
public sealed record FitnessMutation(string Name, double FitnessCost, double ProbabilityPerDivision)
    : HeritableMechanism(Name, MechanismFamilies.Fitness, FitnessCost, ProbabilityPerDivision);

/// <summary>
/// Heritable resistance to cytotoxic drugs with no pathway effect (drug efflux by ABCB1 up-regulation, an altered
/// or over-expressed chemotherapy target): its <see cref="Mechanism.KillFoldChangeByDrug"/> scales the kill of the
/// drugs it names.
/// </summary>
public sealed record ChemoResistance(string Name, double FitnessCost, double ProbabilityPerDivision)
    : HeritableMechanism(Name, MechanismFamilies.Chemoresistance, FitnessCost, ProbabilityPerDivision);

/// <summary>
/// A pharmacological sanctuary: cells that seed a site the drugs reach less, such as the central nervous system
/// behind the blood–brain barrier. It has no effect of its own; its <see cref="Mechanism.ExposureFoldChangeByDrug"/>
/// sets how much of each drug's free plasma concentration reaches the site. Acquisition per division is the seeding
/// of the site, inherited by every cell that grows there.
/// </summary>
public sealed record Sanctuary(string Name, double FitnessCost, double ProbabilityPerDivision)
    : HeritableMechanism(Name, MechanismFamilies.Sanctuary, FitnessCost, ProbabilityPerDivision)
{
    /// <summary>
    /// How many seeds found lesions of their own (metastases followed one by one: their descendants keep the seed's
    /// lesion); later seeds join one pool of micro-metastases, where as many mutants again found lesions of their own
    /// (<see cref="GenotypeLayout.LesionNumbers"/>). 0: the site's cells are one lesion, however seeded.
    /// </summary>
    public int Lesions { get; init; }

    /// <summary>
    /// The exposure fold changes in the lesions followed one by one (<see cref="Lesions"/>), for the drugs that reach an
    /// established metastasis otherwise than the site at large (through its leakier blood–tumour barrier); other drugs,
    /// and the pool of later seeds, keep <see cref="Mechanism.ExposureFoldChangeByDrug"/>.
    /// </summary>
    public IReadOnlyDictionary<string, double> LesionExposureFoldChangeByDrug { get; init; } = new Dictionary<string, double>();

    public double LesionExposureFoldChangeFor(string drug) =>
        LesionExposureFoldChangeByDrug.TryGetValue(drug, out var fold) ? fold : ExposureFoldChangeFor(drug);
}

/// <summary>
/// A reversible phenotype (EMT, autophagy). Cells enter at <c>OnPerDay + OnPerDayAtFullStress · σ</c>
/// and leave at <c>OffPerDay + OffPerDayWithoutStress · (1 − σ)</c>, where σ is the clone's ALK
/// inhibition (drug stress, 0..1): stress drives cells in, and removing the drug lets them revert.
/// </summary>
/// <param name="Activities">Pathway activity the state adds (EMT: MES survival signalling).</param>
/// <param name="DeathProtection">ρ: fraction of drug-induced death prevented (autophagy); reduced by drugs targeting <see cref="Pathway.Autophagy"/>.</param>
public sealed record PhenotypeState(
    string Name, string Family, double FitnessCost,
    double OnPerDay, double OnPerDayAtFullStress, double OffPerDay, double OffPerDayWithoutStress,
    IReadOnlyList<PathwayActivity> Activities, double DeathProtection)
    : Mechanism(Name, Family, FitnessCost);

public readonly record struct PathwayActivity(Pathway Pathway, double Activity);

public static class MechanismFamilies
{
    public const string AlkMutation = "alk_mutation";
    public const string AlkAmplification = "alk_amplification";
    public const string Bypass = "bypass";
    public const string Downstream = "downstream";
    public const string Emt = "emt";
    public const string Autophagy = "autophagy";
    public const string Fitness = "fitness";
    public const string Chemoresistance = "chemoresistance";
    public const string Sanctuary = "sanctuary";
}
