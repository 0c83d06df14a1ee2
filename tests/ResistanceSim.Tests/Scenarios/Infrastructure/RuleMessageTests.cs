using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Yaml;
using Xunit;
using static ResistanceSim.Tests.Scenarios.Infrastructure.YamlTestSupport;

namespace ResistanceSim.Tests.Scenarios.Infrastructure;

/// <summary>Each rule's message names the path, the rule and the value exactly as written.</summary>
public class RuleMessageTests
{
    /// <summary>Reads population.v = <paramref name="text"/> (line 2, column 6) under <paramref name="rule"/>.</summary>
    private static (double Value, IReadOnlyList<string> Errors) Read(string text, Rule rule)
    {
        var bag = new DiagnosticBag();
        var reader = new MapReader(Map(ParseMap($"population:\n  v: {text}\n")["population"]), "population", bag);
        double value = reader.Double("v", rule);
        return (value, bag.Sorted().Select(d => d.ToString()).ToArray());
    }

    private static string Only(string text, Rule rule) => Assert.Single(Read(text, rule).Errors);

    [Fact]
    public void Positive() =>
        Assert.Equal("x.yaml:2:6: population.v must be > 0 (-0.1 supplied)", Only("-0.1", Rules.Positive));

    [Fact]
    public void Positive_rejects_zero() =>
        Assert.Equal("x.yaml:2:6: population.v must be > 0 (0.0 supplied)", Only("0.0", Rules.Positive));

    [Fact]
    public void NonNegative() =>
        Assert.Equal("x.yaml:2:6: population.v must be >= 0 (-1e-3 supplied)", Only("-1e-3", Rules.NonNegative));

    [Fact]
    public void Probability() =>
        Assert.Equal("x.yaml:2:6: population.v must be in [0, 1] (1.5 supplied)", Only("1.5", Rules.Probability));

    [Fact]
    public void InRange_with_exclusive_upper_bound() =>
        Assert.Equal("x.yaml:2:6: population.v must be in [1, 4) (4 supplied)", Only("4", Rules.InRange(1, 4, highInclusive: false)));

    [Fact]
    public void InRange_with_exclusive_lower_bound() =>
        Assert.Equal("x.yaml:2:6: population.v must be in (0, 0.5] (0 supplied)", Only("0", Rules.InRange(0, 0.5, lowInclusive: false)));

    [Fact]
    public void AtLeast() =>
        Assert.Equal("x.yaml:2:6: population.v must be >= 1 (0 supplied)", Only("0", Rules.AtLeast(1)));

    [Fact]
    public void AtMost() =>
        Assert.Equal("x.yaml:2:6: population.v must be <= 2.5 (3 supplied)", Only("3", Rules.AtMost(2.5)));

    [Fact]
    public void GreaterThan() =>
        Assert.Equal("x.yaml:2:6: population.v must be > 1 (1 supplied)", Only("1", Rules.GreaterThan(1)));

    [Fact]
    public void LessThan() =>
        Assert.Equal("x.yaml:2:6: population.v must be < 100 (1_000 supplied)", Only("1_000", Rules.LessThan(100)));

    [Fact]
    public void Finite() =>
        Assert.Equal("x.yaml:2:6: population.v must be finite (.inf supplied)", Only(".inf", Rules.Finite));

    [Fact]
    public void Nan_fails_a_comparison_rule() =>
        Assert.Equal("x.yaml:2:6: population.v must be >= 0 (.nan supplied)", Only(".nan", Rules.NonNegative));

    [Fact]
    public void Combined_rules_name_both_requirements() =>
        Assert.Equal("x.yaml:2:6: population.v must be > 0 and finite (.inf supplied)", Only(".inf", Rules.PositiveFinite));

    [Fact]
    public void Custom_rule_uses_its_own_words() =>
        Assert.Equal("x.yaml:2:6: population.v must be a whole number of weeks (10 supplied)",
            Only("10", Rules.Must("a whole number of weeks", v => v % 7 == 0)));

    [Fact]
    public void Satisfied_rule_records_nothing_and_returns_the_value()
    {
        var (value, errors) = Read("0.25", Rules.Probability);
        Assert.Empty(errors);
        Assert.Equal(0.25, value);
    }

    [Fact]
    public void Violating_value_is_still_returned_so_binding_continues() =>
        Assert.Equal(-0.1, Read("-0.1", Rules.Positive).Value);
}
