using ResistanceSim.Engine.Random;

namespace ResistanceSim.Engine.Culture;

/// <summary>
/// Splits a culture 1:k the way a pipette does: exactly ⌊N/k⌋ cells are drawn without replacement
/// from all N cells, as a multivariate hypergeometric sample taken one clone at a time (clone i keeps
/// Hypergeometric(remaining cells, its cells, remaining draws)). Each clone keeps on average a 1/k share,
/// and a clone of c cells is lost with probability ≈ (1 − 1/k)^c — the bottleneck that loses rare clones.
/// </summary>
public static class PassageSplitter
{
    /// <summary>Replaces each count with the number of its cells kept; returns the total kept.</summary>
    public static long Split(ref Xoshiro256StarStar rng, Span<long> counts, int splitRatio)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(splitRatio, 1);
        long remainingCells = 0;
        foreach (long c in counts) remainingCells += c;
        long keep = remainingCells / splitRatio;
        long remainingDraws = keep;
        for (int i = 0; i < counts.Length; i++)
        {
            long cells = counts[i];
            long kept = remainingDraws == 0 ? 0 : Samplers.Hypergeometric(ref rng, remainingCells, cells, remainingDraws);
            remainingCells -= cells;
            remainingDraws -= kept;
            counts[i] = kept;
        }
        return keep;
    }
}
