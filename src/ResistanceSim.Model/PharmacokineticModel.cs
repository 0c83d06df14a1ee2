namespace ResistanceSim.Model;

/// <summary>How a drug's concentration follows from what the protocol gives.</summary>
public abstract record PharmacokineticModel;

/// <summary>
/// Concentration in culture medium, set by the protocol (nM). Optional first-order decay
/// (half-life in days; ∞ = stable) is reset to the set level at each media change.
/// </summary>
public sealed record InVitroPk(double HalfLifeDays) : PharmacokineticModel
{
    public static InVitroPk Stable { get; } = new(double.PositiveInfinity);
}

/// <summary>
/// One-compartment oral model with first-order absorption, evaluated analytically by
/// superposition of doses: C(t) = Σ D_i · ka / (V/F · (ka − ke)) · (e^(−ke Δ_i) − e^(−ka Δ_i)),
/// ke = (CL/F)/(V/F), Δ_i = t − t_i. With apparent (·/F) parameters F cancels out of C;
/// <see cref="Bioavailability"/> is kept to report true clearance and volume (F · CL/F, F · V/F).
/// </summary>
/// <param name="Bioavailability">F (0..1].</param>
/// <param name="AbsorptionPerHour">ka (1/h).</param>
/// <param name="ClearanceLitresPerHour">CL/F (L/h) — apparent oral clearance.</param>
/// <param name="VolumeLitres">V/F (L) — apparent volume.</param>
/// <param name="MolarMassGramsPerMole">to convert mg/L to nM.</param>
public sealed record OralOneCompartmentPk(
    double Bioavailability, double AbsorptionPerHour, double ClearanceLitresPerHour, double VolumeLitres,
    double MolarMassGramsPerMole) : PharmacokineticModel
{
    /// <summary>ke = CL/V (1/h).</summary>
    public double EliminationPerHour => ClearanceLitresPerHour / VolumeLitres;

    public double HalfLifeHours => Math.Log(2) / EliminationPerHour;

    /// <summary>Total plasma concentration (nM) <paramref name="hoursSinceDose"/> after one dose of <paramref name="doseMg"/> mg (0 before it).</summary>
    public double SingleDoseNanoMolar(double doseMg, double hoursSinceDose)
    {
        if (hoursSinceDose < 0 || doseMg <= 0) return 0;
        double eliminating = doseMg * Math.Exp(-EliminationPerHour * hoursSinceDose);
        return NanoMolarFromDoseSums(eliminating, doseMg * Math.Exp(-AbsorptionPerHour * hoursSinceDose), hoursSinceDose * eliminating);
    }

    /// <summary>
    /// Concentration (nM) of superposed doses Dᵢ given Δᵢ hours ago, from three sums over the doses:
    /// Σ Dᵢe^(−ke Δᵢ), Σ Dᵢe^(−ka Δᵢ) and Σ DᵢΔᵢe^(−ke Δᵢ) (the last serves the ka = ke limit).
    /// The sums decay by a common factor between doses, so a long regimen costs O(1) per evaluation.
    /// </summary>
    public double NanoMolarFromDoseSums(double eliminationSum, double absorptionSum, double ageWeightedEliminationSum)
    {
        double ka = AbsorptionPerHour, ke = EliminationPerHour;
        double mgPerLitre = Math.Abs(ka - ke) < 1e-9 * ka
            ? ke / VolumeLitres * ageWeightedEliminationSum   // ka = ke limit
            : ka / (VolumeLitres * (ka - ke)) * (eliminationSum - absorptionSum);
        return mgPerLitre / MolarMassGramsPerMole * 1e6;   // mg/L ÷ g/mol = mmol/L; × 1e6 → nM
    }
}
