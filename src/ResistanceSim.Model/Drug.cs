namespace ResistanceSim.Model;

/// <summary>
/// A drug: which pathways it inhibits (Hill curves on the free concentration), an optional
/// non-targeted kill (chemotherapy), and its pharmacokinetics.
/// </summary>
/// <param name="FreeFraction">fu: PD sees fu · C (crizotinib ≈ 0.09: 91% bound, Xalkori label §12.3).</param>
/// <param name="BindsAlkKinaseDomain">Whether ALK kinase-domain mutations change this drug's ALK IC50
/// (true for ATP-competitive TKIs; false for HSP90 inhibitors, which degrade ALK whatever its mutations).</param>
public sealed record Drug(
    string Name, IReadOnlyList<DrugTarget> Targets, double FreeFraction, bool BindsAlkKinaseDomain,
    CytotoxicKill? Cytotoxic, PharmacokineticModel Pk)
{
    /// <summary>How this drug's pathway inhibition acts on cells: on birth, on death, or both.</summary>
    public DrugAction Action { get; init; } = DrugAction.BirthAndDeath;
}

/// <summary>
/// How much of a drug's on-target inhibition lowers birth and how much raises death. The signal model
/// evaluates the residual signal twice: S^birth with every drug's inhibition scaled by its
/// <see cref="OnBirth"/> weight (Bliss across drugs as usual), and S^death with its <see cref="OnDeath"/>
/// weight; birth follows φ(S^birth) and drug-induced death δ · (1 − φ(S^death)). Weight 1 is the full effect,
/// 0 none: a purely cytostatic drug is (1, 0), a drug that raises death and leaves birth alone (Bozic et al.
/// 2013, eLife 2:e00747: death 0.13 → 0.17 per day, birth 0.14 unchanged) is (0, 1), and (1, 1), the default,
/// lowers birth and raises death together.
/// </summary>
public sealed record DrugAction(double OnBirth, double OnDeath)
{
    public static DrugAction BirthAndDeath { get; } = new(1, 1);
}

/// <summary>Inhibition h = C^n / (C^n + IC50^n) of one pathway; IC50 in nM of free drug.</summary>
public sealed record DrugTarget(Pathway Pathway, double Ic50NanoMolar, double HillSlope);

/// <summary>Non-targeted kill added to the death rate: MaxPerDay · C^n / (C^n + EC50^n).</summary>
public sealed record CytotoxicKill(double MaxPerDay, double Ec50NanoMolar, double HillSlope);
