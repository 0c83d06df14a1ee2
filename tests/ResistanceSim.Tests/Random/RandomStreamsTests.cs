using ResistanceSim.Engine.Random;
using Xunit;

namespace ResistanceSim.Tests.Random;

public class RandomStreamsTests
{
    private const int SequenceLength = 100_000;

    [Fact]
    public void Same_work_unit_gives_the_identical_sequence()
    {
        var first = RandomStreams.ForWorkUnit(42, 1, 7, 3);
        var second = RandomStreams.ForWorkUnit(42, 1, 7, 3);
        for (int i = 0; i < SequenceLength; i++)
        {
            Assert.Equal(first.NextUInt64(), second.NextUInt64());
        }
    }

    [Fact]
    public void Default_purpose_is_the_dynamics_stream()
    {
        var implicitPurpose = RandomStreams.ForWorkUnit(42, 0, 0, 0);
        var explicitPurpose = RandomStreams.ForWorkUnit(42, 0, 0, 0, RandomStreams.DynamicsPurpose);
        Assert.Equal(implicitPurpose.State, explicitPurpose.State);
    }

    [Fact]
    public void Streams_do_not_depend_on_creation_order_or_thread()
    {
        var expected = new ulong[64];
        for (int unit = 0; unit < expected.Length; unit++)
        {
            expected[unit] = RandomStreams.ForWorkUnit(5, unit % 2, unit / 8, unit % 8).NextUInt64();
        }

        var parallel = new ulong[64];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, unit =>
        {
            int reversed = parallel.Length - 1 - unit;
            var rng = RandomStreams.ForWorkUnit(5, reversed % 2, reversed / 8, reversed % 8);
            parallel[reversed] = rng.NextUInt64();
        });
        Assert.Equal(expected, parallel);
    }

    public static TheoryData<string, ulong, int, long, long, int> NeighbouringUnits => new()
    {
        { "seed", 43, 0, 0, 0, 0 },
        { "arm", 42, 1, 0, 0, 0 },
        { "point", 42, 0, 1, 0, 0 },
        { "replicate", 42, 0, 0, 1, 0 },
        { "purpose", 42, 0, 0, 0, 1 },
        { "swapped point/replicate", 42, 0, 0, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(NeighbouringUnits))]
    public void Neighbouring_units_give_different_uncorrelated_streams(
        string changed, ulong seed, int arm, long point, long replicate, int purpose)
    {
        // Base unit (42, 0, 0, 0, 0) — or (42, 0, 1, 2, 0) vs (42, 0, 2, 1, 0) for the swap case.
        bool swap = changed.StartsWith("swapped", StringComparison.Ordinal);
        var reference = swap ? RandomStreams.ForWorkUnit(42, 0, 1, 2, 0) : RandomStreams.ForWorkUnit(42, 0, 0, 0, 0);
        var other = swap ? RandomStreams.ForWorkUnit(42, 0, 2, 1, 0) : RandomStreams.ForWorkUnit(seed, arm, point, replicate, purpose);

        // Pearson correlation of the first 1e5 uniforms: standard error 1/√n, so |r| ≤ 4.5/√n.
        double sumX = 0, sumY = 0, sumXx = 0, sumYy = 0, sumXy = 0;
        int equalOutputs = 0;
        for (int i = 0; i < SequenceLength; i++)
        {
            ulong a = reference.NextUInt64();
            ulong b = other.NextUInt64();
            equalOutputs += a == b ? 1 : 0;
            double x = (a >> 11) / 9007199254740992.0;
            double y = (b >> 11) / 9007199254740992.0;
            sumX += x;
            sumY += y;
            sumXx += x * x;
            sumYy += y * y;
            sumXy += x * y;
        }

        double n = SequenceLength;
        double covariance = sumXy / n - sumX / n * (sumY / n);
        double correlation = covariance / Math.Sqrt((sumXx / n - sumX / n * (sumX / n)) * (sumYy / n - sumY / n * (sumY / n)));
        Assert.True(equalOutputs == 0, $"{changed}: {equalOutputs} identical 64-bit outputs");
        Assert.True(Math.Abs(correlation) <= GoodnessOfFit.Sigmas / Math.Sqrt(n), $"{changed}: correlation {correlation}");
    }

    [Fact]
    public void Many_work_units_have_distinct_keys()
    {
        // 2 seeds × 3 arms × 50 points × 200 replicates × 3 purposes = 180 000 keys; a 64-bit hash
        // collides among them with probability ~1e-9, a structural flaw (e.g. arm and point
        // cancelling) would collide many times.
        var keys = new HashSet<ulong>();
        int units = 0;
        for (ulong seed = 0; seed < 2; seed++)
        {
            for (int arm = 0; arm < 3; arm++)
            {
                for (long point = 0; point < 50; point++)
                {
                    for (long replicate = 0; replicate < 200; replicate++)
                    {
                        for (int purpose = 0; purpose < 3; purpose++)
                        {
                            keys.Add(RandomStreams.StreamKey(seed, arm, point, replicate, purpose));
                            units++;
                        }
                    }
                }
            }
        }

        Assert.Equal(units, keys.Count);
    }

    [Fact]
    public void Negative_coordinates_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RandomStreams.ForWorkUnit(1, -1, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RandomStreams.ForWorkUnit(1, 0, -1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RandomStreams.ForWorkUnit(1, 0, 0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RandomStreams.ForWorkUnit(1, 0, 0, 0, -1));
    }
}
