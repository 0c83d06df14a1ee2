namespace ResistanceSim.Analysis.Recist;

/// <summary>One imaging visit: time (any unit, e.g. days) and the sum of the longest diameters of the
/// target lesions in millimetres (finite, ≥ 0).</summary>
public readonly record struct TumourScan(double Time, double SumOfDiametersMm);
