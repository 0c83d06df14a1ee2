using ResistanceSim.Engine.Agents;
using ResistanceSim.Engine.Random;

namespace ResistanceSim.Tests.Agents;

/// <summary>The agent store's bookkeeping where it keeps less than every record: a lone clone drawn by rejection.</summary>
public class AgentStoreTests
{
    [Fact]
    public void ALoneUnlistedCloneKeepsItsCellsStagesAndGetsItsRecordsBackWhenAnotherCloneArrives()
    {
        // 64 sites, all held by clone 0: the first draw drops its list (and with it the site records but stages).
        var store = new AgentStore();
        store.Reset(64);
        store.TrackNewClone(0);
        store.TrackNewClone(1);
        for (int site = 0; site < 64; site++) store.Place(site, 0, 0);
        var rng = new Xoshiro256StarStar(1);
        store.RandomCell(0, ref rng);
        Assert.False(store.IsListed(0));

        // A cell at stage 2 dies and a newborn takes its site: the newborn starts the cycle, not at its predecessor's stage.
        store.SetStage(5, 2);
        store.Vacate(5);
        store.Place(5, 0, 0);
        Assert.Equal(0, store.StageAt(5));
        store.SetStage(9, 3);

        // Another clone's cell: the list and records are rebuilt from the sites, stages kept.
        store.Vacate(40);
        store.Place(40, 1, 0);
        Assert.True(store.IsListed(0));
        Assert.Equal(63, store.CellsOf(0));
        Assert.Equal(1, store.CellsOf(1));
        Assert.Equal(1, store.CloneAt(40));
        Assert.All(Enumerable.Range(0, 64).Where(s => s != 40), s => Assert.Equal(0, store.CloneAt(s)));
        Assert.Equal(3, store.StageAt(9));
        Assert.Equal(0, store.StageAt(5));
        var members = Enumerable.Range(0, store.CellsOf(0)).Select(k => store.MemberSite(0, k)).Order();
        Assert.Equal(Enumerable.Range(0, 64).Where(s => s != 40), members);
    }

    [Fact]
    public void ThreeSitesReadAtOnceAreTheirOccupancyBitsAcrossWordBoundaries()
    {
        const int sites = 200;
        var store = new AgentStore();
        store.Reset(sites);
        store.TrackNewClone(0);
        var rng = new Xoshiro256StarStar(2);
        for (int site = 0; site < sites; site++)
            if (rng.NextDouble() < 0.5) store.Place(site, 0, 0);
        for (int first = 0; first + 2 < sites; first++)
        {
            uint expected = 0;
            for (int j = 0; j < 3; j++)
                if (!store.IsEmpty(first + j)) expected |= 1u << j;
            Assert.Equal(expected, store.OccupiedTriple(first));
        }
    }

    [Fact]
    public void ALoneCloneFillingItsBoxInACornerOfALargeLatticeIsDrawnFromTheBoxAndListedAgainWhenSparse()
    {
        // A 4 × 4 × 4 block of cells on a 20³ lattice: far below an eighth of the lattice, but the whole of its box.
        var store = new AgentStore();
        store.Reset(20, 20, 20);
        store.TrackNewClone(0);
        var block = new List<int>();
        for (int z = 3; z < 7; z++)
            for (int y = 10; y < 14; y++)
                for (int x = 0; x < 4; x++)
                    block.Add(x + 20 * (y + 20 * z));
        foreach (int site in block) store.Place(site, 0, 0);
        var rng = new Xoshiro256StarStar(4);
        var counts = CountDraws(store, ref rng, 32_000);
        Assert.False(store.IsListed(0));
        Assert.Equal(block.Order(), counts.Keys.Order());
        Assert.All(counts.Values, c => Assert.InRange(c, 300, 700));   // 500 expected, standard deviation 22

        // Down to 3 cells, under a sixteenth of the box: listed again, with exactly the cells left.
        foreach (int site in block.Skip(3)) store.Vacate(site);
        Assert.True(store.IsListed(0));
        Assert.Equal(block.Take(3).Order(), Enumerable.Range(0, store.CellsOf(0)).Select(k => store.MemberSite(0, k)).Order());
    }

    [Fact]
    public void ALoneBallHalfFillingItsBoxIsDrawnUniformlyFromItsChunks()
    {
        // A ball of radius 6 on a 20³ lattice fills about half its 13³ box and nine tenths of its chunks of eight sites,
        // so it is drawn from the chunks; a cell that dies leaves its chunk listed, and is never drawn.
        var store = new AgentStore();
        store.Reset(20, 20, 20);
        store.TrackNewClone(0);
        var ball = new List<int>();
        for (int z = 0; z < 20; z++)
            for (int y = 0; y < 20; y++)
                for (int x = 0; x < 20; x++)
                    if ((x - 10) * (x - 10) + (y - 10) * (y - 10) + (z - 10) * (z - 10) <= 36) ball.Add(x + 20 * (y + 20 * z));
        foreach (int site in ball) store.Place(site, 0, 0);
        var rng = new Xoshiro256StarStar(6);
        store.RandomCell(0, ref rng);
        Assert.False(store.IsListed(0));
        int dead = ball[ball.Count / 2];
        store.Vacate(dead);
        ball.Remove(dead);

        var counts = CountDraws(store, ref rng, 200 * ball.Count);
        Assert.Equal(ball.Order(), counts.Keys.Order());
        Assert.All(counts.Values, c => Assert.InRange(c, 130, 270));   // 200 expected, standard deviation 14
    }

    [Fact]
    public void CellsPlacedWhileTheBoxIsTheWholeGridAreDrawnOnceItGrowsBeyondIt()
    {
        // 64 ids: the first and the last make the box the whole grid, so no chunk is listed for the 62 placed after
        // them. The store then grows (well mixed) and a 65th cell's chunk is listed: the chunks (3 of them, 24 sites)
        // are fewer sites than the box (0..90), and a draw from them would miss most cells.
        var store = new AgentStore();
        store.Reset(64);
        store.TrackNewClone(0);
        store.Place(0, 0, 0);
        store.Place(63, 0, 0);
        for (int site = 1; site < 63; site++) store.Place(site, 0, 0);
        var rng = new Xoshiro256StarStar(8);
        store.RandomCell(0, ref rng);
        Assert.False(store.IsListed(0));
        store.EnsureSites(100);
        store.Place(90, 0, 0);

        var drawn = new HashSet<int>();
        for (int i = 0; i < 5000; i++) drawn.Add(store.RandomCell(0, ref rng));
        Assert.Equal([.. Enumerable.Range(0, 64), 90], drawn.Order());
    }

    /// <summary>How often each site of clone 0 is drawn in <paramref name="draws"/> draws.</summary>
    private static Dictionary<int, int> CountDraws(AgentStore store, ref Xoshiro256StarStar rng, int draws)
    {
        var counts = new Dictionary<int, int>();
        for (int i = 0; i < draws; i++)
        {
            int site = store.RandomCell(0, ref rng);
            counts[site] = counts.GetValueOrDefault(site) + 1;
        }
        return counts;
    }
}
