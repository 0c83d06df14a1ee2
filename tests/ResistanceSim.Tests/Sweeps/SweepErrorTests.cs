namespace ResistanceSim.Tests.Sweeps;

/// <summary>Sweep errors are located at the sweep entry that caused them (line numbers are of the YAML text).</summary>
public class SweepErrorTests
{
    [Fact]
    public void AMisspelledPathIsReportedAtItsValueWithTheNearestKey()
    {
        var errors = SweepScenarios.Errors(SweepScenarios.Base + """
            sweep:
              grid:
                population.b0_per_dya: [0.5, 0.7]

            """);
        var error = Assert.Single(errors);
        Assert.Contains("unknown key 'b0_per_dya' in population", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'b0_per_day'", error.Message, StringComparison.Ordinal);
        Assert.Equal(26, error.Location.Line);
    }

    [Fact]
    public void AnIndexOutOfRangeIsReported()
    {
        var error = Assert.Single(SweepScenarios.Errors(SweepScenarios.Base + """
            sweep:
              grid:
                protocol[2].days: [5]

            """));
        Assert.Contains("index 2 is out of range", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadSweptValueIsReportedAtTheValueWithThePointAndTheRule()
    {
        var errors = SweepScenarios.Errors(SweepScenarios.Base + """
            sweep:
              grid:
                population.b0_per_day: [0.5, -0.1]
                population.d0_per_day: [0.1, 0.2]

            """);
        var error = Assert.Single(errors);   // two points carry -0.1; the same problem is reported once
        Assert.Contains("population.b0_per_day must be > 0 (-0.1 supplied)", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("sweep point 2 (population.b0_per_day=-0.1, population.d0_per_day=0.1)", error.Message, StringComparison.Ordinal);
        Assert.Equal((26, 34), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void ThePointsProblemsComeInPointOrderUpToTheCapHoweverThePointsAreBound()
    {
        // 80 points, each with its own bad value: every problem is distinct, so only the cap stops the reporting.
        string points = string.Join(", ", Enumerable.Range(1, 80).Select(k => $"-{k}"));
        var errors = SweepScenarios.Errors(SweepScenarios.Base + $"sweep:\n  grid:\n    population.b0_per_day: [{points}]\n");
        Assert.Equal(51, errors.Count);
        Assert.All(errors.Select((e, k) => (e, k)), p => Assert.StartsWith($"sweep point {p.k} (population.b0_per_day=-{p.k + 1})", p.e.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("sweep:\n  grid: { seed: [1] }\n  list: [{ seed: 1 }]\n", "exactly one of grid, list or latin_hypercube (grid, list supplied)")]
    [InlineData("sweep:\n  gird: { seed: [1] }\n", "unknown key 'gird' in sweep; did you mean 'grid'?")]
    [InlineData("sweep:\n  grid: { seed: 3 }\n", "sweep.grid.seed must be a non-empty list of values")]
    [InlineData("sweep:\n  grid: { 'population..b0': [1] }\n", "expected a key at position")]
    [InlineData("sweep:\n  list:\n    - { seed: 1 }\n    - { replicates: 2 }\n", "missing 'seed'")]
    [InlineData("sweep:\n  latin_hypercube: { samples: 4, parameters: { seed: { min: 5, max: 1 } } }\n", "max must be > min (1 <= 5)")]
    [InlineData("sweep:\n  latin_hypercube: { samples: 4, parameters: { population.b0_per_day: { min: 0, max: 1, scale: log } } }\n", "must be > 0 on a log scale")]
    [InlineData("sweep:\n  grid:\n    population[b0_per_day]: [0.6]\n", "must be followed by a list index")]
    public void MalformedSweepsAreRejectedWithAReason(string sweep, string message)
    {
        var errors = SweepScenarios.Errors(SweepScenarios.Base + sweep);
        Assert.Contains(errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.True(e.Location.Line >= 24, e.ToString()));
    }

    [Fact]
    public void TwoPathsWithTheSameColumnAreRejected()
    {
        var errors = SweepScenarios.Errors(SweepScenarios.Base + "sweep:\n  grid:\n    protocol[0].days: [5]\n    protocol.0.days: [6]\n");
        Assert.Contains(errors, e => e.Message.Contains("would share the output column 'protocol_0_days'", StringComparison.Ordinal));
    }
}
