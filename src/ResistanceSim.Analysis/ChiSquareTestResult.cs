namespace ResistanceSim.Analysis;

/// <summary>A χ²-distributed test statistic with its degrees of freedom and upper-tail p-value.</summary>
public readonly record struct ChiSquareTestResult(double Statistic, int DegreesOfFreedom, double PValue)
{
    internal static ChiSquareTestResult From(double statistic, int degreesOfFreedom) =>
        new(statistic, degreesOfFreedom, TailProbability.ChiSquareUpper(degreesOfFreedom, statistic));
}
