using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Yaml;
using Xunit;
using static ResistanceSim.Tests.Scenarios.Infrastructure.YamlTestSupport;

namespace ResistanceSim.Tests.Scenarios.Infrastructure;

public class YamlPathTests
{
    private const string Yaml = """
        population:
          b0_per_day: 0.6
          initial: [{ genotype: parental, cells: 1.0e6 }]
        mechanisms:
          EGFR_activation: { rate: 1e-7 }
        protocol:
          - { phase: continuous, days: 60 }
          - { phase: holiday, days: 14 }
        """;

    private static readonly SourceLocation SweepEntry = new("sweep.yaml", 12, 7);

    [Theory]
    [InlineData("population.b0_per_day", "population.b0_per_day")]
    [InlineData("mechanisms.EGFR_activation.rate", "mechanisms.EGFR_activation.rate")]
    [InlineData("protocol[0].days", "protocol[0].days")]
    [InlineData("a[1][2].b", "a[1][2].b")]
    [InlineData("drugs.crizotinib.ic50-nM", "drugs.crizotinib.ic50-nM")]
    [InlineData("cohort.variability.\"population.d0_per_day\".normal.mean", "cohort.variability.\"population.d0_per_day\".normal.mean")]
    [InlineData("a.\"b\".c", "a.b.c")]
    public void Parse_round_trips(string text, string expected) => Assert.Equal(expected, YamlPath.Parse(text).ToString());

    [Fact]
    public void Parse_splits_keys_and_indices()
    {
        var path = YamlPath.Parse("protocol[1].days");
        Assert.Equal(new[] { YamlPathSegment.ForKey("protocol"), YamlPathSegment.ForIndex(1), YamlPathSegment.ForKey("days") }, path.Segments);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData("a.")]
    [InlineData(".a")]
    [InlineData("a[x]")]
    [InlineData("a[1")]
    [InlineData("a[-1]")]
    [InlineData("a b")]
    [InlineData("a[0]b")]
    [InlineData("a.\"b")]
    [InlineData("a.\"\".c")]
    [InlineData("a.\"b\"c")]
    public void Parse_rejects_malformed_paths(string text)
    {
        Assert.False(YamlPath.TryParse(text, out _, out string? error));
        Assert.StartsWith($"invalid path '{text}'", error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => YamlPath.Parse(text));
    }

    [Fact]
    public void WithValue_replaces_one_scalar_located_at_the_sweep_entry()
    {
        var root = ParseMap(Yaml);
        var bag = new DiagnosticBag();
        var patched = root.WithValue(YamlPath.Parse("protocol[1].days"), "21", SweepEntry, bag);
        Assert.Equal(0, bag.Count);
        var days = Scalar(Map(Seq(patched["protocol"])[1])["days"]);
        Assert.Equal("21", days.Text);
        Assert.Equal(SweepEntry, days.Location);
        Assert.Equal("14", Scalar(Map(Seq(root["protocol"])[1])["days"]).Text);           // original untouched
        Assert.Same(Seq(root["protocol"])[0], Seq(patched["protocol"])[0]);               // siblings shared
        Assert.Same(root["population"], patched["population"]);
        Assert.Equal(root.Keys, patched.Keys);
    }

    [Fact]
    public void WithValue_result_is_checked_by_the_binder_at_the_sweep_entry()
    {
        var bag = new DiagnosticBag();
        var patched = ParseMap(Yaml).WithValue(YamlPath.Parse("population.b0_per_day"), "-0.1", SweepEntry, bag);
        new MapReader(patched, "", bag).Map("population").Double("b0_per_day", Rules.Positive);
        Assert.Equal(new[] { "sweep.yaml:12:7: population.b0_per_day must be > 0 (-0.1 supplied)" }, bag.Sorted().Select(d => d.ToString()));
    }

    private static string[] PatchErrors(string path, bool create = false)
    {
        var bag = new DiagnosticBag();
        var root = ParseMap(Yaml);
        var result = root.WithValue(YamlPath.Parse(path), "1", SweepEntry, bag, create);
        Assert.Same(root, result);
        return bag.Sorted().Select(d => d.ToString()).ToArray();
    }

    [Fact]
    public void Missing_key_is_reported_at_the_sweep_entry_with_a_suggestion() =>
        Assert.Equal(new[] { "sweep.yaml:12:7: cannot set 'population.b0_pre_day': population has no key 'b0_pre_day'; did you mean 'b0_per_day'?" },
            PatchErrors("population.b0_pre_day"));

    [Fact]
    public void Missing_top_level_key_suggests_at_the_top_level() =>
        Assert.Equal(new[] { "sweep.yaml:12:7: cannot set 'mechanism.EGFR_activation.rate': scenario has no key 'mechanism'; did you mean 'mechanisms'?" },
            PatchErrors("mechanism.EGFR_activation.rate"));

    [Fact]
    public void Unrelated_missing_key_has_no_suggestion() =>
        Assert.Equal(new[] { "sweep.yaml:12:7: cannot set 'population.temperature': population has no key 'temperature'" },
            PatchErrors("population.temperature"));

    [Fact]
    public void Index_out_of_range_is_reported() =>
        Assert.Equal(new[] { "sweep.yaml:12:7: cannot set 'protocol[2].days': protocol has 2 items, so index 2 is out of range" },
            PatchErrors("protocol[2].days"));

    [Fact]
    public void Path_through_a_value_is_reported() =>
        Assert.Equal(new[] { "sweep.yaml:12:7: cannot set 'population.b0_per_day.x': population.b0_per_day is a value, not a map, so it has no key 'x'" },
            PatchErrors("population.b0_per_day.x"));

    [Fact]
    public void Index_into_a_map_is_reported() =>
        Assert.Equal(new[] { "sweep.yaml:12:7: cannot set 'population[0]': population is a map, not a list, so it has no item [0]" },
            PatchErrors("population[0]"));

    [Fact]
    public void Path_ending_at_a_map_is_reported() =>
        Assert.Equal(new[] { "sweep.yaml:12:7: cannot set 'population': it is a map, not a single value" },
            PatchErrors("population"));

    [Fact]
    public void Missing_last_key_can_be_created_on_request()
    {
        var bag = new DiagnosticBag();
        var patched = ParseMap(Yaml).WithValue(YamlPath.Parse("population.d0_per_day"), "0.2", SweepEntry, bag, createMissingKey: true);
        Assert.Equal(0, bag.Count);
        var entry = Map(patched["population"]);
        Assert.Equal("0.2", Scalar(entry["d0_per_day"]).Text);
        Assert.True(entry.TryGetEntry("d0_per_day", out var created));
        Assert.Equal(SweepEntry, created.Key.Location);
        // Only the last key may be created: a missing intermediate map is still an error.
        Assert.Single(PatchErrors("growth.kind", create: true));
    }
}
