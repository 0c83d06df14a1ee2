using ResistanceSim.Runs.Calibration;
using ResistanceSim.Model.Calibration;
using Xunit;

namespace ResistanceSim.Tests.Runs;

/// <summary>How calibration tables write numbers and bands.</summary>
public class TargetTextTests
{
    [Theory]
    [InlineData(10700.4, "10700")]
    [InlineData(20250, "20300")]
    [InlineData(194.2, "194")]
    [InlineData(0.08764, "0.0876")]
    [InlineData(-1234.5, "-1230")]
    [InlineData(0, "0")]
    [InlineData(double.NaN, "-")]
    public void ValuesHaveThreeSignificantDigitsAndNoExponent(double value, string text) => Assert.Equal(text, TargetText.Value(value));

    private static CalibrationTarget Target(double low, double high, double scale, double allowance) =>
        new("t", "s", TargetMetric.ObjectiveResponseRate, "arm", double.NaN, "", "", [], low, high, scale, "") { Allowance = allowance };

    [Fact]
    public void TheToleranceColumnSaysWhatWithinAllows()
    {
        Assert.Equal("±0.08", TargetText.Tolerance(Target(0.74, 0.74, 0.08, 1)));
        Assert.Equal("the range", TargetText.Tolerance(Target(0.2, 0.37, 0.085, 0)));
        Assert.Equal("±0.196 (1.96 SE)", TargetText.Tolerance(Target(0.5, 0.5, 0.1, 1.96)));
        Assert.Equal("9000–20250", TargetText.Published(Target(9000, 20250, 5625, 0)));
    }

    [Fact]
    public void ABareRangeIsWithinOnlyInsideIt()
    {
        var range = Target(0.2, 0.37, 0.085, 0);
        Assert.True(range.Within(0.37));
        Assert.False(range.Within(0.38));
        Assert.True(Target(0.74, 0.74, 0.08, 1).Within(0.81));
    }
}
