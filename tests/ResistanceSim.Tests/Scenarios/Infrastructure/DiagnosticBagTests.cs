using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Yaml;
using Xunit;
using static ResistanceSim.Tests.Scenarios.Infrastructure.YamlTestSupport;

namespace ResistanceSim.Tests.Scenarios.Infrastructure;

public class DiagnosticBagTests
{
    [Fact]
    public void Diagnostic_prints_file_line_col_and_message()
    {
        var error = new Diagnostic(new SourceLocation("scenarios/x.yaml", 14, 9), "population.b0_per_day",
            "population.b0_per_day must be > 0 (-0.1 supplied)", DiagnosticSeverity.Error);
        Assert.Equal("scenarios/x.yaml:14:9: population.b0_per_day must be > 0 (-0.1 supplied)", error.ToString());
        var warning = error with { Severity = DiagnosticSeverity.Warning };
        Assert.Equal("scenarios/x.yaml:14:9: warning: population.b0_per_day must be > 0 (-0.1 supplied)", warning.ToString());
    }

    [Fact]
    public void All_errors_of_a_scenario_are_collected_and_sorted_by_file_line_column()
    {
        var bag = new DiagnosticBag();
        var root = new MapReader(ParseMap("""
            seed: -1
            population:
              d0_per_day: x
              b0_per_day: -0.1
            stop: { days: 0 }
            """), "", bag);
        // Read out of document order: the report must still come out sorted.
        var stop = root.Map("stop");
        stop.Double("days", Rules.Positive);
        var population = root.Map("population");
        population.Double("b0_per_day", Rules.Positive);
        population.Double("d0_per_day", Rules.NonNegative);
        root.Long("seed", Rules.NonNegative);
        root.Finish();

        Assert.Equal(4, bag.ErrorCount);
        Assert.Equal(new[]
        {
            "x.yaml:1:7: seed must be >= 0 (-1 supplied)",
            "x.yaml:3:15: population.d0_per_day must be a number ('x' supplied)",
            "x.yaml:4:15: population.b0_per_day must be > 0 (-0.1 supplied)",
            "x.yaml:5:15: stop.days must be > 0 (0 supplied)",
        }, bag.Sorted().Select(d => d.ToString()));
    }

    [Fact]
    public void Sorting_orders_files_then_lines_then_columns_and_keeps_ties_in_recorded_order()
    {
        var bag = new DiagnosticBag();
        bag.Error(new SourceLocation("b.yaml", 1, 1), "", "third");
        bag.Error(new SourceLocation("a.yaml", 2, 5), "", "second");
        bag.Error(new SourceLocation("a.yaml", 2, 1), "", "first");
        bag.Warning(new SourceLocation("b.yaml", 1, 1), "", "fourth");
        Assert.Equal(new[] { "first", "second", "third", "fourth" }, bag.Sorted().Select(d => d.Message));
        Assert.Equal(3, bag.ErrorCount);
    }

    [Fact]
    public void Warnings_alone_do_not_throw()
    {
        var bag = new DiagnosticBag();
        bag.Warning(SourceLocation.StartOf("x.yaml"), "", "unused");
        Assert.False(bag.HasErrors);
        bag.ThrowIfErrors();
    }

    [Fact]
    public void ThrowIfErrors_throws_once_with_every_diagnostic()
    {
        var bag = new DiagnosticBag();
        bag.Error(new SourceLocation("x.yaml", 9, 1), "b", "b is wrong");
        bag.Error(new SourceLocation("x.yaml", 3, 1), "a", "a is wrong");
        var exception = Assert.Throws<ScenarioValidationException>(bag.ThrowIfErrors);
        Assert.Equal(new[] { "a", "b" }, exception.Diagnostics.Select(d => d.Path));
        Assert.Equal(string.Join(Environment.NewLine, "The scenario has 2 errors:", "x.yaml:3:1: a is wrong", "x.yaml:9:1: b is wrong"), exception.Message);
    }
}
