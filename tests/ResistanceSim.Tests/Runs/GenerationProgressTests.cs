using ResistanceSim.Runs.Calibration;
using Xunit;

namespace ResistanceSim.Tests.Runs;

public class GenerationProgressTests
{
    [Fact]
    public void TheLineShowsTheBarToleranceAndAcceptanceRate()
    {
        string line = GenerationProgress.Line(2, 3.14159, 10, 10, 40, 50, TimeSpan.FromSeconds(61));
        Assert.Contains("generation 2 [#######.......................] 10/40 particles", line, StringComparison.Ordinal);
        Assert.Contains("tolerance 3.142, 50 proposals (20% accepted), 61 s", line, StringComparison.Ordinal);
        Assert.Contains("tolerance ∞", GenerationProgress.Line(0, double.PositiveInfinity, 0, 0, 40, 0, TimeSpan.Zero), StringComparison.Ordinal);
    }

    [Fact]
    public void AMoveGenerationFillsTheBarWithMovesTriedAndRatesTheMovesAccepted()
    {
        string line = GenerationProgress.Line(3, 1.5, 20, 5, 40, 20, TimeSpan.FromSeconds(9));
        Assert.Contains("[###############...............] 20/40 particles", line, StringComparison.Ordinal);
        Assert.Contains("20 proposals (25% accepted)", line, StringComparison.Ordinal);
    }
}
