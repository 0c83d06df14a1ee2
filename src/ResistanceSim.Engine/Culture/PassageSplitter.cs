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
        long total = 0;
        foreach (long c in counts) total += c;
        long keep = total / splitRatio;
        Draw(ref rng, counts, keep, counts);
        return keep;
    }

    /// <summary>
    /// Draws <paramref name="draws"/> cells without replacement from clones of sizes <paramref name="counts"/>
    /// (multivariate hypergeometric) into <paramref name="drawn"/>, which may be the same span.
    /// Range: 0 ≤ draws ≤ Σ counts.
    /// </summary>
    public static void Draw(ref Xoshiro256StarStar rng, ReadOnlySpan<long> counts, long draws, Span<long> drawn)
    {
        long remainingCells = 0;
        foreach (long c in counts) remainingCells += c;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(draws, remainingCells);
        long remainingDraws = draws;
        for (int i = 0; i < counts.Length; i++)
        {
            long cells = counts[i];
            long taken = remainingDraws == 0 ? 0 : Samplers.Hypergeometric(ref rng, remainingCells, cells, remainingDraws);
            remainingCells -= cells;
            remainingDraws -= taken;
            drawn[i] = taken;
        }
    }
}
