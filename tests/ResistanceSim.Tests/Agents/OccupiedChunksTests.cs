using ResistanceSim.Engine.Agents;
using ResistanceSim.Engine.Random;

namespace ResistanceSim.Tests.Agents;

/// <summary>The chunks of eight sites a lone clone's cells are drawn from by rejection: they must hold every cell and draw their sites uniformly.</summary>
public class OccupiedChunksTests
{
    [Fact]
    public void EachChunkIsListedOnceAndItsEightSitesAreDrawnUniformly()
    {
        var chunks = new OccupiedChunks();
        chunks.Reset(1000);
        foreach (int site in new[] { 3, 5, 7, 130, 135, 999 }) chunks.Include(site);
        Assert.Equal(3, chunks.Count);
        Assert.Equal(24, chunks.Volume);
        int[] expected = [.. Enumerable.Range(0, 8), .. Enumerable.Range(128, 8), .. Enumerable.Range(992, 8)];
        var counts = new Dictionary<int, int>();
        var rng = new Xoshiro256StarStar(11);
        for (int i = 0; i < 24_000; i++)
        {
            int site = chunks.RandomSite(ref rng);
            counts[site] = counts.GetValueOrDefault(site) + 1;
        }
        Assert.Equal(expected, counts.Keys.Order());
        // 1,000 expected per site: a binomial's standard deviation is about 31, so ±160 is five of them.
        Assert.All(counts.Values, c => Assert.InRange(c, 840, 1160));
    }

    [Fact]
    public void DroppingEmptyChunksKeepsTheOccupiedOnesAndAnEmptiedChunkCanBeListedAgain()
    {
        const int sites = 300;
        var occupied = new ulong[sites / 64 + 2];
        var chunks = new OccupiedChunks();
        chunks.Reset(sites);
        foreach (int site in new[] { 0, 63, 64, 200, 299 })
        {
            occupied[site >> 6] |= 1UL << site;
            chunks.Include(site);
        }
        occupied[64 >> 6] &= ~(1UL << 64);   // the chunk 64..71 empties; chunk 56..63 keeps site 63
        chunks.DropEmpty(occupied);
        Assert.Equal(4, chunks.Count);
        var rng = new Xoshiro256StarStar(2);
        for (int i = 0; i < 2000; i++) Assert.NotInRange(chunks.RandomSite(ref rng), 64, 71);

        chunks.Include(70);
        Assert.Equal(5, chunks.Count);
        chunks.Include(71);
        Assert.Equal(5, chunks.Count);
    }

    [Fact]
    public void AWidenedStoreKeepsItsChunksAndListsNewOnes()
    {
        var chunks = new OccupiedChunks();
        chunks.Reset(16);
        chunks.Include(9);
        chunks.Widen(5000);
        chunks.Include(4999);
        chunks.Include(9);
        Assert.Equal(2, chunks.Count);
        var rng = new Xoshiro256StarStar(3);
        for (int i = 0; i < 500; i++)
        {
            int site = chunks.RandomSite(ref rng);
            Assert.True(site is >= 8 and < 16 or >= 4992 and < 5000, $"site {site}");
        }
    }
}
