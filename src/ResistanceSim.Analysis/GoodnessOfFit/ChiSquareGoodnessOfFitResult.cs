namespace ResistanceSim.Analysis.GoodnessOfFit;

/// <summary>Result of <see cref="ChiSquareGoodnessOfFit"/>: the test on the merged bins, and the
/// merged observed and expected counts it was computed from.</summary>
public sealed record ChiSquareGoodnessOfFitResult(
    ChiSquareTestResult Test,
    IReadOnlyList<double> MergedObserved,
    IReadOnlyList<double> MergedExpected);
