using ResistanceSim.Runs.Calibration;
using Xunit;

namespace ResistanceSim.Tests.Runs;

public class GenerationProgressTests
{
    [Fact]
    public void TheLineShowsTheBarToleranceAndAcceptanceRate()
    {
        string line = GenerationProgress.Line(2, 3.14159, 10, 40, 50, TimeSpan.FromSeconds(61));
        Assert.Contains("generation 2 [#######.......................] 10/40 accepted", line, StringComparison.Ordinal);
        Assert.Contains("tolerance 3.142, 50 proposals (20% accepted), 61 s", line, StringComparison.Ordinal);
        Assert.Contains("tolerance ∞", GenerationProgress.Line(0, double.PositiveInfinity, 0, 40, 0, TimeSpan.Zero), StringComparison.Ordinal);
    }
}
