namespace ResistanceSim.Model.Clinical;

/// <summary>
/// A lesion already established in a sanctuary site when the tumour is found (<c>cohort.sanctuary_at_diagnosis</c>; for
/// the brain: brain metastases at baseline). A per-division seeding rate cannot give them: the first seed that survives
/// arrives when the primary holds about 1/u cells and keeps that share of it, far below a visible lesion at diagnosis
/// (docs/decisions.md, "Early brain seeding, fitted: not shipped"), while clinically a quarter to two fifths of
/// ALK-positive patients have brain metastases at enrolment (ALEX: 122 of 303 by independent review, Gadgeel et al.
/// 2018, Ann Oncol 29:2214). So the observed prevalence is an input: a <see cref="Share"/> of patients carry, at
/// diagnosis, one lesion of <see cref="Mechanism"/> whose diameter is log-uniform in
/// [<see cref="MinDiameterMm"/>, <see cref="MaxDiameterMm"/>], its cells drawn from every clone of the tumour in
/// proportion to it (a metastasis carries the resistant subclones its primary carries) and added to the tumour found at
/// its detection size outside it.
/// </summary>
/// <param name="Mechanism">The <c>kind: sanctuary</c> mechanism the lesion's cells carry.</param>
/// <param name="Share">Share of patients with such a lesion at diagnosis. Range: [0, 1].</param>
/// <param name="MinDiameterMm">Smallest diameter drawn, mm. Range: &gt; 0.</param>
/// <param name="MaxDiameterMm">Largest diameter drawn, mm. Range: ≥ <see cref="MinDiameterMm"/>.</param>
public sealed record SanctuaryAtDiagnosis(string Mechanism, double Share, double MinDiameterMm, double MaxDiameterMm)
{
    /// <summary>The diameter at quantile <paramref name="u"/> of the log-uniform law, mm.</summary>
    /// <param name="u">A uniform in [0, 1].</param>
    public double DiameterMm(double u) => MinDiameterMm * Math.Pow(MaxDiameterMm / MinDiameterMm, u);
}
