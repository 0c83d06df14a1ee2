using FsCheck;
using FsCheck.Fluent;
using ResistanceSim.Output.Shards;
using ResistanceSim.Testing;

namespace ResistanceSim.Tests.Sweeps;

public class ShardSpecTests
{
    [Theory]
    [InlineData("0/4", 0, 4)]
    [InlineData("3/4", 3, 4)]
    [InlineData("0/1", 0, 1)]
    public void ParsesKOfN(string text, int index, int count)
    {
        Assert.True(ShardSpec.TryParse(text, out var shard, out _));
        Assert.Equal(new ShardSpec(index, count), shard);
    }

    [Theory]
    [InlineData("4/4", "0 <= K < N")]
    [InlineData("1/0", "N >= 1")]
    [InlineData("-1/4", "whole numbers")]
    [InlineData("2", "K/N")]
    [InlineData("a/b", "K/N")]
    public void RejectsMalformedShards(string text, string message)
    {
        Assert.False(ShardSpec.TryParse(text, out _, out string? error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ShardsTileTheUnitsInOrderWithSizesDifferingByAtMostOne()
    {
        PropertyCheck.Verify(Prop.ForAll(Gen.Choose(0, 5000).ToArbitrary(), Gen.Choose(1, 64).ToArbitrary(), (total, count) =>
        {
            long next = 0;
            var sizes = new List<long>();
            for (int k = 0; k < count; k++)
            {
                var (first, size) = new ShardSpec(k, count).Range(total);
                if (first != next) return false;
                next += size;
                sizes.Add(size);
            }
            return next == total && sizes.Max() - sizes.Min() <= 1;
        }));
    }

    [Fact]
    public void WorkUnitsArePointMajorAndSlicesAgreeWithTheWhole()
    {
        var all = new WorkUnitRange(points: 5, replicates: 3);
        Assert.Equal(15, all.Count);
        Assert.Equal(new ResistanceSim.Engine.Running.WorkUnit(0, 2, 1), all[7]);
        var slice = new WorkUnitRange(5, 3, first: 4, count: 6);
        Assert.Equal(all.Skip(4).Take(6), slice);
        Assert.Equal(all.Skip(6).Take(4), slice.Skip(2));
    }
}
