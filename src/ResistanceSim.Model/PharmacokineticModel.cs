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
/// superposition of doses (issue #4 adds the dosing-event machinery).
/// </summary>
/// <param name="Bioavailability">F (0..1].</param>
/// <param name="AbsorptionPerHour">ka (1/h).</param>
/// <param name="ClearanceLitresPerHour">CL/F (L/h) — apparent oral clearance.</param>
/// <param name="VolumeLitres">V/F (L) — apparent volume.</param>
/// <param name="MolarMassGramsPerMole">to convert mg/L to nM.</param>
public sealed record OralOneCompartmentPk(
    double Bioavailability, double AbsorptionPerHour, double ClearanceLitresPerHour, double VolumeLitres,
    double MolarMassGramsPerMole) : PharmacokineticModel;
