namespace ResistanceSim.Model;

/// <summary>
/// Cell-culture passaging: when a sample finds the culture at <see cref="AtConfluenceFraction"/> of the
/// growth limit's capacity (confluence), it is split 1:<see cref="SplitRatio"/> by drawing exactly
/// N / k cells without replacement (multivariate hypergeometric), so rare clones can be lost.
/// </summary>
public sealed record Passaging(double AtConfluenceFraction, int SplitRatio);
