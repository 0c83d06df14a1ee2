namespace ResistanceSim.Verification.Support;

/// <summary>
/// The probability that simultaneous dual therapy eradicates a lesion of M cells, Bozic et al. 2013 (eLife 2:e00747),
/// equation (1): p_erad = p1↑ p1↓ p2↑ p2↓ — no cross-resistant lineage (one mutational step) arising and surviving
/// before (↑) or during (↓) treatment, and no doubly resistant lineage reached in two steps, before or during.
/// s = 1 − d/b is the survival probability of an untreated lineage, s′ = 1 − d′/b′ (&lt; 0) that of sensitive cells under
/// treatment; n1, n2 mutations resist each drug and n12 both; u is the point-mutation rate per division.
/// </summary>
public static class BozicCombination
{
    /// <summary>Bozic 2013, Figure 3 and Table 1: b = 0.14, d = 0.13, d′ = 0.17 per day (b′ = b), u = 1e-9, n1 = n2 = 50.</summary>
    public const double Birth = 0.14, Death = 0.13, TreatedDeath = 0.17, PointMutationRate = 1e-9;
    public const int MutationsPerDrug = 50;

    public static double EradicationProbability(double cells, int crossResistanceMutations)
    {
        double m = cells, u = PointMutationRate, n1 = MutationsPerDrug, n2 = MutationsPerDrug, n12 = crossResistanceMutations;
        double s = 1 - Death / Birth;
        double sTreated = 1 - TreatedDeath / Birth;
        double p1Before = Math.Exp(-m * u * n12);
        double p1During = Math.Exp(m * u * n12 * s / sTreated);
        double g = (sTreated - s) / (s * sTreated);
        double p2Before = Math.Exp(m * u * u * g * (
            n1 * (n2 + n12) * Math.Log(1 / (s * m) + u * (n2 + n12) * g)
            + n2 * (n1 + n12) * Math.Log(1 / (s * m) + u * (n1 + n12) * g)));
        double p2During = Math.Exp(-m * u * u * (2 * n1 * n2 + n12 * (n1 + n2)) * s / (sTreated * sTreated));
        return p1Before * p1During * p2Before * p2During;
    }
}
