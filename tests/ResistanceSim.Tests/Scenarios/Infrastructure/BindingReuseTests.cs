using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Keys;
using ResistanceSim.Scenarios.Yaml;
using Xunit;
using static ResistanceSim.Tests.Scenarios.Infrastructure.YamlTestSupport;

namespace ResistanceSim.Tests.Scenarios.Infrastructure;

/// <summary>
/// What binding a trial's hundreds of patients reuses instead of rebuilding (rules, parsed numbers, key indexes): reuse
/// must never let one rule, number or map stand in for another.
/// </summary>
public class BindingReuseTests
{
    [Fact]
    public void ARuleAskedForTwiceIsTheSameRule()
    {
        Assert.Same(Rules.AtLeast(1), Rules.AtLeast(1));
        Assert.Same(Rules.InRange(0, 1, lowInclusive: false), Rules.InRange(0, 1, lowInclusive: false));
        Assert.Same(Rules.LessThan(1), Rules.LessThan(1));
    }

    [Fact]
    public void RulesWithTheSameNumbersButAnotherKindOrEndAreDifferentRules()
    {
        var rules = new[]
        {
            Rules.AtLeast(0), Rules.AtMost(0), Rules.GreaterThan(0), Rules.LessThan(0),
            Rules.InRange(0, 0), Rules.InRange(0, 0, lowInclusive: false), Rules.InRange(0, 0, highInclusive: false),
            Rules.InRange(0, 0, lowInclusive: false, highInclusive: false),
        };
        Assert.Equal(rules.Length, rules.Select(r => r.Requirement).Distinct().Count());
        Assert.Equal(["in [0, 0]", "in (0, 0]", "in [0, 0)", "in (0, 0)"], rules[4..].Select(r => r.Requirement));
        Assert.True(Rules.InRange(0, 0).IsSatisfiedBy(0));
        Assert.False(Rules.InRange(0, 0, lowInclusive: false).IsSatisfiedBy(0));
        Assert.False(Rules.GreaterThan(0).IsSatisfiedBy(0));
    }

    [Fact]
    public void ANumberReadTwiceFromOneScalarReadsTheSame()
    {
        var plain = new YamlScalar("1_000.5", YamlScalarStyle.Plain, default);
        var quoted = new YamlScalar("2", YamlScalarStyle.DoubleQuoted, default);
        var word = new YamlScalar("ten", YamlScalarStyle.Plain, default);
        for (int read = 0; read < 2; read++)
        {
            Assert.True(plain.TryGetDouble(out double value));
            Assert.Equal(1000.5, value);
            Assert.False(quoted.TryGetDouble(out value));
            Assert.Equal(0, value);
            Assert.False(word.TryGetDouble(out value));
        }
    }

    [Fact]
    public void AMapWithAValueReplacedFindsEveryKeyAndLeavesTheOriginalAsItWas()
    {
        var map = Map(ParseMap("a: 1\nb: 2\nc: 3\n"));
        var replaced = map.With(new YamlScalar("b", YamlScalarStyle.Plain, default), new YamlScalar("20", YamlScalarStyle.Plain, default));
        var added = replaced.With(new YamlScalar("d", YamlScalarStyle.Plain, default), new YamlScalar("4", YamlScalarStyle.Plain, default));

        Assert.Equal(["1", "20", "3"], new[] { "a", "b", "c" }.Select(k => ((YamlScalar)replaced[k]!).Text));
        Assert.Equal("2", ((YamlScalar)map["b"]!).Text);
        Assert.Null(map["d"]);
        Assert.Null(replaced["d"]);
        Assert.Equal(["a", "b", "c", "d"], added.Keys);
        Assert.Equal(["1", "20", "3", "4"], added.Keys.Select(k => ((YamlScalar)added[k]!).Text));
    }

    [Fact]
    public void AKeyOfAnotherVariantIsReportedUnknownAndOneOfTheSelectedVariantIsNot()
    {
        var shape = new MapShape("thing", "")
        {
            Keys = [new KeySpec("kind", TextShape.Any, Presence.Required, "")],
            Variants = new MapVariants("kind",
            [
                new MapVariant("a", [new KeySpec("only_a", new NumberShape(Rules.Positive), Presence.Optional, "")]),
                new MapVariant("b", [new KeySpec("only_b", new NumberShape(Rules.Positive), Presence.Optional, "")]),
            ]),
        };
        var bag = new DiagnosticBag();
        var reader = new MapReader(Map(ParseMap("kind: a\nonly_a: 1\nonly_b: 2\n")), "thing", bag, shape);
        reader.String("kind");
        Assert.Equal(1, reader.Double("only_a", Rules.Positive, defaultValue: 5));
        reader.Finish();

        var error = Assert.Single(bag.Sorted());
        Assert.Contains("unknown key 'only_b'", error.Message, StringComparison.Ordinal);
        Assert.True(shape.Accepts("only_b", Map(ParseMap("kind: b\n"))));
        Assert.True(shape.Accepts("only_a", Map(ParseMap("kind: nonsense\n"))));   // no case selected: any case's key
        Assert.Same(shape.Find("only_b", Map(ParseMap("kind: a\n"))), shape.Find("only_b", Map(ParseMap("kind: b\n"))));
    }
}
