using ResistanceSim.Engine.Agents;
using ResistanceSim.Engine.Random;

namespace ResistanceSim.Tests.Agents;

/// <summary>The box a lone clone's cells are drawn from by rejection: it must hold every cell and draw its sites uniformly.</summary>
public class OccupiedBoxTests
{
    private const int X = 7, Y = 5, Z = 4;

    private static int Site(int x, int y, int z) => x + X * (y + Y * z);

    [Fact]
    public void ABoxGrownByTwoSitesDrawsEverySiteBetweenThemAndNoOther()
    {
        var box = new OccupiedBox();
        box.Reset(X, Y, Z);
        box.Include(Site(1, 3, 2));
        box.Include(Site(4, 1, 3));
        Assert.Equal(4 * 3 * 2, box.Volume);
        var expected = new HashSet<int>();
        for (int z = 2; z <= 3; z++)
            for (int y = 1; y <= 3; y++)
                for (int x = 1; x <= 4; x++)
                    expected.Add(Site(x, y, z));
        var counts = new Dictionary<int, int>();
        var rng = new Xoshiro256StarStar(3);
        const int draws = 24_000;
        for (int i = 0; i < draws; i++)
        {
            int site = box.RandomSite(ref rng);
            counts[site] = counts.GetValueOrDefault(site) + 1;
        }
        Assert.Equal(expected.Order(), counts.Keys.Order());
        // 1,000 expected per site: a binomial's standard deviation is about 31, so ±160 is five of them.
        Assert.All(counts.Values, c => Assert.InRange(c, 840, 1160));
    }

    [Fact]
    public void FullRowsAreOneRunOfSitesAndTheWholeGridDrawsTheIndexItself()
    {
        var box = new OccupiedBox();
        box.Reset(X, Y, Z);
        box.Include(Site(0, 2, 1));
        box.Include(Site(X - 1, 3, 1));
        var rng = new Xoshiro256StarStar(5);
        for (int i = 0; i < 1000; i++) Assert.InRange(box.RandomSite(ref rng), Site(0, 2, 1), Site(X - 1, 3, 1));

        box.Include(0);
        box.Include(X * Y * Z - 1);
        Assert.True(box.IsWholeGrid);
        var a = new Xoshiro256StarStar(9);
        var b = new Xoshiro256StarStar(9);
        for (int i = 0; i < 1000; i++) Assert.Equal((int)b.NextUInt64(X * Y * Z), box.RandomSite(ref a));
    }

    [Fact]
    public void ClearingForgetsTheOldExtentAndAWidenedRowKeepsItsBox()
    {
        var box = new OccupiedBox();
        box.Reset(X, Y, Z);
        box.Include(0);
        box.Include(X * Y * Z - 1);
        box.Clear();
        box.Include(Site(3, 3, 3));
        Assert.Equal(1, box.Volume);
        Assert.False(box.IsWholeGrid);

        box.Reset(10, 1, 1);
        box.Include(2);
        box.Include(9);
        Assert.True(box.Volume == 8 && !box.IsWholeGrid);
        box.Widen(40);
        box.Include(30);
        Assert.Equal(29, box.Volume);
        var rng = new Xoshiro256StarStar(1);
        for (int i = 0; i < 500; i++) Assert.InRange(box.RandomSite(ref rng), 2, 30);
    }
}
