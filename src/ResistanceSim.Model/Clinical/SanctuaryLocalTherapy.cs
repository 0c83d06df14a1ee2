namespace ResistanceSim.Model.Clinical;

/// <summary>
/// Local treatment, before the studied line, of the sanctuary lesions the scans see (<c>cohort.sanctuary_local_therapy</c>;
/// for the brain: radiosurgery or whole-brain radiotherapy). Trials enrol patients whose brain metastases were treated
/// first: PROFILE 1014 required them treated and stable, and of the patients of PROFILE 1005 and 1007 with brain
/// metastases at baseline 166 of 275 had had brain radiotherapy (Costa et al. 2015, J Clin Oncol 33:1881).
/// </summary>
/// <param name="Share">Share of patients whose visible sanctuary lesions were treated. Range: [0, 1].</param>
/// <param name="SurvivingFraction">Each cell of a treated lesion survives with this probability. Range: [0, 1].</param>
public sealed record SanctuaryLocalTherapy(double Share, double SurvivingFraction);
