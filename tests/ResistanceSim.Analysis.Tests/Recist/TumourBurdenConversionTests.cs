using ResistanceSim.Analysis.Recist;
using ResistanceSim.Model.Clinical;
using Xunit;

namespace ResistanceSim.Analysis.Tests.Recist;

public class TumourBurdenConversionTests
{
    [Fact]
    public void OneCubicCentimetreSphereHasTheTextbookDiameter()
    {
        // 1e9 cells = 1 cm³; a sphere of 1 cm³ has d = (6/π)^(1/3) cm = 1.2407 cm = 12.407 mm.
        Assert.Equal(12.4070098179, TumourBurdenConversion.LesionDiameterMm(1e9), 1e-9);
        Assert.Equal(0, TumourBurdenConversion.LesionDiameterMm(0));
    }

    [Fact]
    public void DiameterScalesWithTheCubeRootOfCells()
    {
        // Eight times the cells → twice the diameter.
        Assert.Equal(2 * TumourBurdenConversion.LesionDiameterMm(1e8), TumourBurdenConversion.LesionDiameterMm(8e8), 1e-9);
    }

    [Fact]
    public void SplittingOverLesionsAndDetectionLimit()
    {
        // 2e9 cells over 2 lesions = two 1 cm³ spheres → 2 × 12.407 mm.
        Assert.Equal(2 * 12.4070098179, TumourBurdenConversion.SumOfDiametersMm(2e9, lesionCount: 2), 1e-9);
        // 1e6 cells → 1.24 mm, below a 2 mm limit → counted as disappeared.
        Assert.Equal(0, TumourBurdenConversion.SumOfDiametersMm(1e6, detectionLimitMm: 2));
        // A denser tissue assumption gives smaller lesions.
        Assert.True(TumourBurdenConversion.LesionDiameterMm(1e9, cellsPerCubicCentimetre: 4e9) < 12.4);
    }

    [Fact]
    public void FeedsTheClassifier()
    {
        // Burden halves by volume 8× (diameter halves → −50%): PR.
        var baseline = TumourBurdenConversion.SumOfDiametersMm(8e9);
        var after = TumourBurdenConversion.SumOfDiametersMm(1e9);
        var a = RecistClassifier.Classify(new TumourScan(0, baseline), [new TumourScan(42, after)]);
        Assert.Equal(RecistResponse.PartialResponse, a.BestOverallResponse);
        Assert.Equal(-0.5, a.Scans[0].ChangeFromBaseline, 12);
    }

    [Fact]
    public void RejectsNegativeCells() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TumourBurdenConversion.LesionDiameterMm(-1));
}
