using ResistanceSim.Model.Calibration;

namespace ResistanceSim.Tests.Runs;

/// <summary>
/// The ABC distance: the root mean square lets one far miss outweigh several near ones; the mean absolute miss counts
/// every tolerance alike, so the two rank such parameter sets in opposite order.
/// </summary>
public class CalibrationDistanceTests
{
    private static readonly CalibrationTarget[] Targets =
    [
        Target("a", 10, 10, 1), Target("b", 0.5, 0.5, 0.1), Target("c", 2, 4, 1), Target("d", 0, 0, 2),
    ];

    private static CalibrationTarget Target(string name, double low, double high, double scale) =>
        new(name, "s", TargetMetric.Log10Cells, "", 1, "", "", [], low, high, scale, "");

    // Misses: one of 3 scales and three on target, against three of 1.2 scales each.
    private static readonly double[] OneFarMiss = [13, 0.5, 3, 0];
    private static readonly double[] ThreeNearMisses = [11.2, 0.62, 5.2, 0];

    [Fact]
    public void RootMeanSquarePrefersManyNearMissesToOneFarOne()
    {
        Assert.Equal(Math.Sqrt(9.0 / 4), CalibrationDistance.Of(Targets, OneFarMiss, AbcDistance.RootMeanSquare), 12);
        Assert.Equal(Math.Sqrt(3 * 1.44 / 4), CalibrationDistance.Of(Targets, ThreeNearMisses, AbcDistance.RootMeanSquare), 12);
        Assert.True(CalibrationDistance.Of(Targets, ThreeNearMisses, AbcDistance.RootMeanSquare) < CalibrationDistance.Of(Targets, OneFarMiss, AbcDistance.RootMeanSquare));
    }

    [Fact]
    public void MeanAbsoluteMissPrefersOneFarMissToManyNearOnes()
    {
        Assert.Equal(3.0 / 4, CalibrationDistance.Of(Targets, OneFarMiss, AbcDistance.MeanAbsolute), 12);
        Assert.Equal(3 * 1.2 / 4, CalibrationDistance.Of(Targets, ThreeNearMisses, AbcDistance.MeanAbsolute), 12);
        Assert.True(CalibrationDistance.Of(Targets, OneFarMiss, AbcDistance.MeanAbsolute) < CalibrationDistance.Of(Targets, ThreeNearMisses, AbcDistance.MeanAbsolute));
    }

    [Theory]
    [InlineData(AbcDistance.RootMeanSquare)]
    [InlineData(AbcDistance.MeanAbsolute)]
    public void ATargetThatCouldNotBeMeasuredMakesTheDistanceInfinite(AbcDistance kind) =>
        Assert.Equal(double.PositiveInfinity, CalibrationDistance.Of(Targets, [10, double.NaN, 3, 0], kind));
}
