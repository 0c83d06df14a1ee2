namespace ResistanceSim.Analysis.GoodnessOfFit;

/// <summary>How a Kolmogorov–Smirnov statistic is turned into a p-value.</summary>
public enum KolmogorovSmirnovPValue
{
    /// <summary>Default. Q((√nₑ + 0.12 + 0.11/√nₑ)·D): Stephens' (1970, JRSS-B 32:115) finite-sample
    /// correction of the limiting distribution, as in Press et al., Numerical Recipes, §14.3. Close to
    /// the exact one-sample p-value already for n ≈ 20 (the uncorrected form is anti-conservative).</summary>
    StephensCorrected,

    /// <summary>Q(√nₑ·D), the plain limit; equals R <c>ks.test(exact = FALSE)</c>.</summary>
    Asymptotic,
}
