namespace ResistanceSim.Analysis.GoodnessOfFit;

/// <summary>Kolmogorov–Smirnov statistic D = sup|F₁ − F₂|, the effective sample size nₑ (n for one
/// sample, nm/(n + m) for two) and the p-value by <see cref="Method"/>.</summary>
public readonly record struct KolmogorovSmirnovResult(
    double Statistic, double EffectiveSampleSize, double PValue, KolmogorovSmirnovPValue Method);
