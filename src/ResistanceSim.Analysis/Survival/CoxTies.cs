namespace ResistanceSim.Analysis.Survival;

/// <summary>How the Cox partial likelihood treats several events at the same time.</summary>
public enum CoxTies
{
    /// <summary>Efron (1977) approximation: the tied subjects leave the risk set gradually. Closer to
    /// the exact partial likelihood; the default of R <c>coxph</c> and of this library.</summary>
    Efron,

    /// <summary>Breslow (1974) approximation: every tied event sees the full risk set. Matches many
    /// older textbooks and SAS PHREG's default.</summary>
    Breslow,
}
