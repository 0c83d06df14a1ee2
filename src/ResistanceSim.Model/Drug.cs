namespace ResistanceSim.Model;

/// <summary>
/// A drug: which pathways it inhibits (Hill curves on the free concentration), an optional
/// non-targeted kill (chemotherapy), and its pharmacokinetics.
/// </summary>
/// <param name="FreeFraction">fu: PD sees fu · C (crizotinib ≈ 0.09, BIOLOGY.md).</param>
/// <param name="BindsAlkKinaseDomain">Whether ALK kinase-domain mutations change this drug's ALK IC50
/// (true for ATP-competitive TKIs; false for HSP90 inhibitors, which degrade ALK whatever its mutations).</param>
public sealed record Drug(
    string Name, IReadOnlyList<DrugTarget> Targets, double FreeFraction, bool BindsAlkKinaseDomain,
    CytotoxicKill? Cytotoxic, PharmacokineticModel Pk);

/// <summary>Inhibition h = C^n / (C^n + IC50^n) of one pathway; IC50 in nM of free drug.</summary>
public sealed record DrugTarget(Pathway Pathway, double Ic50NanoMolar, double HillSlope);

/// <summary>Non-targeted kill added to the death rate: MaxPerDay · C^n / (C^n + EC50^n).</summary>
public sealed record CytotoxicKill(double MaxPerDay, double Ec50NanoMolar, double HillSlope);
