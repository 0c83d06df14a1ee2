using ResistanceSim.Engine.Culture;
using ResistanceSim.Engine.Random;

namespace ResistanceSim.Tests.Biology;

/// <summary>Splitting a culture 1:k: exact size, unbiased clone fractions, and the bottleneck's loss of rare clones.</summary>
public class PassagingTests
{
    [Fact]
    public void SplitKeepsExactlyNOverKAndEachCloneItsShareOnAverage()
    {
        // n = 4000 splits; per-clone mean within 4.5 σ/√n, σ² the hypergeometric variance.
        long[] clones = [9000, 900, 90, 10];
        long total = clones.Sum();
        const int k = 10, n = 4000;
        long draws = total / k;
        var rng = RandomStreams.ForWorkUnit(7, 0, 0, 0);
        var sums = new double[clones.Length];
        var counts = new long[clones.Length];
        for (int rep = 0; rep < n; rep++)
        {
            clones.CopyTo(counts, 0);
            Assert.Equal(draws, PassageSplitter.Split(ref rng, counts, k));
            Assert.Equal(draws, counts.Sum());
            for (int i = 0; i < clones.Length; i++) sums[i] += counts[i];
        }
        for (int i = 0; i < clones.Length; i++)
        {
            double p = (double)clones[i] / total;
            double mean = draws * p;
            double variance = draws * p * (1 - p) * (total - draws) / (total - 1.0);
            Assert.InRange(sums[i] / n, mean - 4.5 * Math.Sqrt(variance / n), mean + 4.5 * Math.Sqrt(variance / n));
        }
    }

    [Fact]
    public void RareClonesAreLostAtTheHypergeometricRate()
    {
        // A 5-cell clone among 10,000 cells split 1:4 is lost with probability C(N−c, n)/C(N, n).
        const long total = 10_000, rare = 5;
        const int k = 4, n = 20_000;
        long draws = total / k;
        double pLost = 1;
        for (int i = 0; i < rare; i++) pLost *= (double)(total - draws - i) / (total - i);   // ≈ (3/4)^5 = 0.237
        var rng = RandomStreams.ForWorkUnit(11, 0, 0, 0);
        int lost = 0;
        var counts = new long[2];
        for (int rep = 0; rep < n; rep++)
        {
            counts[0] = total - rare;
            counts[1] = rare;
            PassageSplitter.Split(ref rng, counts, k);
            if (counts[1] == 0) lost++;
        }
        double tolerance = 4.5 * Math.Sqrt(pLost * (1 - pLost) / n);
        Assert.InRange((double)lost / n, pLost - tolerance, pLost + tolerance);
    }
}
