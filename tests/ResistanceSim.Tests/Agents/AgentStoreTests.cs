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
}
