using ResistanceSim.Model.Clinical;

namespace ResistanceSim.Model;

/// <summary>
/// One virtual patient of a cohort (<c>cohort:</c>, docs/trials.md). Before treatment the
/// tumour grows untreated from <see cref="PopulationSpec.Initial"/> (one parental cell in the bundled
/// trials) until it holds <see cref="DetectionCells"/> cells — diagnosis, day 0 of treatment — so
/// resistance that exists at diagnosis arises by mutation during growth, as in Bozic et al. 2013
/// (eLife 2:e00747). A history that dies out starts again from the initial cells (only tumours that
/// survive are ever diagnosed). From diagnosis the patient is scanned by <see cref="Imaging"/> until
/// <see cref="StopRule.Days"/> (end of follow-up) or RECIST progression on the last protocol phase.
/// Per-patient values (this patient's draws from the cohort's distributions) are already written into
/// the scenario.
/// </summary>
/// <param name="Patients">Patients per arm (the cohort; each arm treats the same patients).</param>
/// <param name="DetectionCells">Tumour size at diagnosis (Bozic: 1e8–1e10, 1e9 default).</param>
/// <param name="HistoryMaxDays">An untreated history longer than this is an error (the tumour cannot reach detection).</param>
public sealed record Cohort(int Patients, double DetectionCells, TumourImaging Imaging, double HistoryMaxDays)
{
    /// <summary>Share of oral doses a patient takes (1 = all); missed doses are drawn per patient and dose.</summary>
    public double Adherence { get; init; } = 1;

    /// <summary>A mechanism counts as carried by the progressing tumour when at least this share of its cells carry it (what a biopsy would find).</summary>
    public double MechanismShareAtProgression { get; init; } = DefaultMechanismShare;

    /// <summary>Illustrative: a subclone of ≥ 10% of the tumour is reliably seen by sequencing a rebiopsy.</summary>
    public const double DefaultMechanismShare = 0.1;

    /// <summary>
    /// Lines of treatment every patient receives after diagnosis and before the studied arm (e.g. platinum doublet),
    /// run until the first RECIST progression; the arm starts at that progression with the tumour as it left it.
    /// Empty for a first-line trial. A patient whose tumour dies out or does not progress within
    /// <see cref="PriorLineMaxDays"/> is not eligible: another patient history is grown (as second-line trials enrol
    /// only patients who progressed).
    /// </summary>
    public Protocol PriorLines { get; init; } = Protocol.None;

    /// <summary>
    /// Local treatment of the sanctuary lesions seen at the studied line's start (after the prior lines, or at diagnosis),
    /// before its baseline scan; null for none. Needs sanctuaries imaged apart (<see cref="TumourImaging.NewLesionMm"/>).
    /// </summary>
    public SanctuaryLocalTherapy? SanctuaryLocalTherapy { get; init; }

    /// <summary>
    /// A lesion established in a sanctuary site at diagnosis, in a share of patients (brain metastases at baseline); null
    /// for none. Needs sanctuaries imaged apart (<see cref="TumourImaging.NewLesionMm"/>).
    /// </summary>
    public SanctuaryAtDiagnosis? SanctuaryAtDiagnosis { get; init; }

    /// <summary>Longest time on the prior lines before a patient counts as never progressing on them (not eligible).</summary>
    public double PriorLineMaxDays { get; init; } = DefaultPriorLineMaxDays;

    public const double DefaultHistoryMaxDays = 100 * 365.25;

    public const double DefaultPriorLineMaxDays = 10 * 365.25;
}
