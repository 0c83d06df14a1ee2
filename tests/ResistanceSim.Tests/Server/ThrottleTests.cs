using ResistanceSim.Server.Jobs;

namespace ResistanceSim.Tests.Server;

/// <summary>The live chart's throttle passes nothing in its first interval, then at most one call per interval, on a clock the test moves.</summary>
public class ThrottleTests
{
    /// <summary>A clock that moves only when told (one tick per millisecond).</summary>
    private sealed class ManualClock : TimeProvider
    {
        public long Milliseconds { get; set; }
        public override long TimestampFrequency => 1000;
        public override long GetTimestamp() => Milliseconds;
    }

    [Fact]
    public void PassesNothingInItsFirstIntervalThenOncePerInterval()
    {
        var clock = new ManualClock { Milliseconds = 10_000 };
        var throttle = new Throttle(TimeSpan.FromMilliseconds(500), clock);
        Assert.False(throttle.TryPass());   // a run shorter than the interval draws no chart so far
        clock.Milliseconds += 499;
        Assert.False(throttle.TryPass());
        clock.Milliseconds += 1;
        Assert.True(throttle.TryPass());
        clock.Milliseconds += 499;
        Assert.False(throttle.TryPass());
        clock.Milliseconds += 1;
        Assert.True(throttle.TryPass());   // 500 ms after the last pass
        clock.Milliseconds += 300;
        Assert.False(throttle.TryPass());
        clock.Milliseconds += 300;
        Assert.True(throttle.TryPass());   // refused calls do not restart the interval
        Assert.False(throttle.TryPass());
    }

    [Fact]
    public void OverOneSecondOfCallsEveryMillisecondAtMostThreePass()
    {
        var clock = new ManualClock();
        var throttle = new Throttle(TimeSpan.FromMilliseconds(500), clock);
        int passed = 0;
        for (; clock.Milliseconds <= 1000; clock.Milliseconds++)
            if (throttle.TryPass()) passed++;
        Assert.Equal(2, passed);   // at 500 and 1000 ms
    }
}
