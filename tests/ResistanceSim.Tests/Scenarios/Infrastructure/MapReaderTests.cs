using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Yaml;
using Xunit;
using static ResistanceSim.Tests.Scenarios.Infrastructure.YamlTestSupport;

namespace ResistanceSim.Tests.Scenarios.Infrastructure;

public class MapReaderTests
{
    private enum Lineage { PerEvent, PerGenotype }

    private static (MapReader Reader, DiagnosticBag Bag) Reader(string yaml, string path = "")
    {
        var bag = new DiagnosticBag();
        return (new MapReader(ParseMap(yaml), path, bag), bag);
    }

    private static string[] Messages(DiagnosticBag bag) => bag.Sorted().Select(d => d.ToString()).ToArray();

    [Fact]
    public void Missing_required_key_is_located_at_the_map()
    {
        var (r, bag) = Reader("\n  d0_per_day: 0.1\n", "population");
        double b0 = r.Double("b0_per_day", Rules.Positive);
        Assert.Equal(0, b0);
        Assert.Equal(new[] { "x.yaml:2:3: population: missing required key 'b0_per_day'" }, Messages(bag));
        Assert.Equal("population.b0_per_day", bag.Sorted()[0].Path);
    }

    [Fact]
    public void Missing_optional_key_returns_the_default_without_checking_it()
    {
        var (r, bag) = Reader("a: 1\n");
        Assert.Equal(0.1, r.Double("d0_per_day", Rules.Positive, defaultValue: 0.1));
        Assert.Equal(-5, r.Long("cells", Rules.AtLeast(1), defaultValue: -5));
        Assert.Null(r.OptionalDouble("nothing"));
        Assert.Equal(0, bag.Count);
    }

    [Fact]
    public void Null_value_counts_as_absent()
    {
        var (r, bag) = Reader("growth_limit: ~\nd0: \nname: ~\n");
        Assert.Null(r.OptionalMap("growth_limit"));
        Assert.Equal(0.2, r.Double("d0", defaultValue: 0.2));
        r.String("name");
        Assert.Equal(new[] { "x.yaml:3:7: name needs a value (nothing supplied)" }, Messages(bag));
    }

    [Fact]
    public void Type_mismatch_is_located_at_the_value_and_quotes_what_was_supplied()
    {
        var (r, bag) = Reader("population:\n  b0_per_day: abc\n  cells: 1.5\n  on: yes\n", "");
        var p = r.Map("population");
        p.Double("b0_per_day");
        p.Long("cells");
        p.Bool("on");
        Assert.Equal(new[]
        {
            "x.yaml:2:15: population.b0_per_day must be a number ('abc' supplied)",
            "x.yaml:3:10: population.cells must be a whole number ('1.5' supplied)",
            "x.yaml:4:7: population.on must be true or false ('yes' supplied)",
        }, Messages(bag));
    }

    [Fact]
    public void Quoted_number_is_a_string_and_the_message_says_so()
    {
        var (r, bag) = Reader("seed: \"42\"\n");
        r.Long("seed");
        Assert.Equal(new[] { "x.yaml:1:7: seed must be a whole number ('42' supplied as quoted text; remove the quotes)" }, Messages(bag));
    }

    [Fact]
    public void Map_where_a_number_is_expected_is_reported()
    {
        var (r, bag) = Reader("seed: { a: 1 }\n");
        r.Long("seed");
        Assert.Equal(new[] { "x.yaml:1:7: seed must be a whole number, not a map" }, Messages(bag));
    }

    [Fact]
    public void Long_accepts_float_notation_for_cell_counts()
    {
        var (r, bag) = Reader("cells: 1.0e6\n");
        Assert.Equal(1_000_000L, r.Long("cells", Rules.AtLeast(1)));
        Assert.Equal(0, bag.Count);
    }

    [Fact]
    public void Int_out_of_range_is_reported()
    {
        var (r, bag) = Reader("replicates: 1e12\n");
        r.Int("replicates");
        Assert.Equal(new[] { "x.yaml:1:13: replicates must be a whole number between -2147483648 and 2147483647 (1e12 supplied)" }, Messages(bag));
    }

    [Fact]
    public void Unknown_enum_value_lists_choices_and_suggests()
    {
        var (r, bag) = Reader("growth_limit:\n  kind: logistc\n");
        var gl = r.OptionalMap("growth_limit")!;
        string kind = gl.Enum("kind", ["none", "logistic", "gompertz"], defaultValue: "none");
        Assert.Equal(new[] { "x.yaml:2:9: growth_limit.kind must be one of none, logistic, gompertz ('logistc' supplied); did you mean 'logistic'?" }, Messages(bag));
        Assert.Equal("none", kind);
    }

    [Fact]
    public void Enum_value_read_when_allowed()
    {
        var (r, bag) = Reader("kind: gompertz\n");
        Assert.Equal("gompertz", r.Enum("kind", ["none", "logistic", "gompertz"], defaultValue: "none"));
        Assert.Equal(0, bag.Count);
    }

    [Fact]
    public void Required_enum_from_an_array_or_collection_expression_picks_the_string_overload()
    {
        var (r, bag) = Reader("engine: tau\nmode: fast\n");
        Assert.Equal("tau", r.Enum("engine", new[] { "exact", "tau", "ode", "hybrid" }));
        Assert.Equal("fast", r.Enum("mode", ["fast", "slow"]));
        r.Enum("missing", ["a", "b"]);
        Assert.Equal(new[] { "x.yaml:1:1: scenario: missing required key 'missing'" }, Messages(bag));
    }

    [Fact]
    public void Csharp_enum_is_read_from_snake_case()
    {
        var (r, bag) = Reader("lineage: per_genotype\nother: per_evnt\n");
        Assert.Equal(Lineage.PerGenotype, r.Enum<Lineage>("lineage"));
        Assert.Equal(Lineage.PerEvent, r.Enum("absent", Lineage.PerEvent));
        r.Enum<Lineage>("other");
        Assert.Equal(new[] { "x.yaml:2:8: other must be one of per_event, per_genotype ('per_evnt' supplied); did you mean 'per_event'?" }, Messages(bag));
    }

    [Fact]
    public void Finish_reports_unknown_keys_with_suggestions()
    {
        var (r, bag) = Reader("name: q\npopulaton: {}\ntemperature: 37\n");
        r.String("name");
        r.OptionalMap("population");
        r.Finish();
        Assert.Equal(new[]
        {
            "x.yaml:2:1: unknown key 'populaton' in scenario; did you mean 'population'?",
            "x.yaml:3:1: unknown key 'temperature' in scenario",
        }, Messages(bag));
        Assert.Equal("populaton", bag.Sorted()[0].Path);
    }

    [Fact]
    public void Finish_in_a_nested_map_names_the_map()
    {
        var (r, bag) = Reader("population:\n  b0_pre_day: 0.6\n");
        var p = r.Map("population");
        p.Double("b0_per_day");
        p.Finish();
        Assert.Equal(new[]
        {
            "x.yaml:2:3: population: missing required key 'b0_per_day'",
            "x.yaml:2:3: unknown key 'b0_pre_day' in population; did you mean 'b0_per_day'?",
        }, Messages(bag));
    }

    [Fact]
    public void Accepted_keys_are_not_unknown()
    {
        var (r, bag) = Reader("sweep: {}\n");
        r.Accept("sweep");
        r.Finish();
        Assert.Equal(0, bag.Count);
    }

    [Fact]
    public void Missing_required_map_is_reported_once_without_cascading()
    {
        var (r, bag) = Reader("name: q\n");
        var p = r.Map("population");
        Assert.True(p.IsPlaceholder);
        p.Double("b0_per_day");
        p.Long("cells");
        p.Finish();
        Assert.Equal(new[] { "x.yaml:1:1: scenario: missing required key 'population'" }, Messages(bag));
    }

    [Fact]
    public void Scalar_where_a_map_is_expected_is_reported()
    {
        var (r, bag) = Reader("stop: 60\n");
        var stop = r.Map("stop");
        Assert.True(stop.IsPlaceholder);
        Assert.Equal(new[] { "x.yaml:1:7: stop must be a map of key: value settings ('60' supplied)" }, Messages(bag));
    }

    [Fact]
    public void Seq_of_maps_gives_indexed_paths()
    {
        var (r, bag) = Reader("initial:\n  - { genotype: parental, cells: 1e6 }\n  - { genotype: L1196M, cells: -3 }\n  - oops\n");
        var items = r.SeqOfMaps("initial");
        Assert.Equal(2, items.Count);
        Assert.Equal("initial[1]", items[1].Path);
        items[1].Long("cells", Rules.AtLeast(0));
        Assert.Equal(new[]
        {
            "x.yaml:3:32: initial[1].cells must be >= 0 (-3 supplied)",
            "x.yaml:4:5: initial[2] must be a map of key: value settings ('oops' supplied)",
        }, Messages(bag));
    }

    [Fact]
    public void Missing_required_seq_is_reported_and_optional_is_empty()
    {
        var (r, bag) = Reader("a: 1\n");
        Assert.Empty(r.SeqOfMaps("protocol", required: false));
        Assert.Empty(r.SeqOfMaps("initial"));
        Assert.Equal(new[] { "x.yaml:1:1: scenario: missing required key 'initial'" }, Messages(bag));
    }

    [Fact]
    public void Map_of_maps_gives_names_their_locations_and_readers()
    {
        var (r, bag) = Reader("drugs:\n  crizotinib: { ic50_nM: 30 }\n  alectinib:\n");
        var drugs = r.MapOfMaps("drugs");
        Assert.Equal(new[] { "crizotinib", "alectinib" }, drugs.Select(d => d.Name));
        Assert.Equal(3, drugs[1].NameLocation.Line);
        Assert.Equal(30, drugs[0].Reader.Double("ic50_nM"));
        Assert.Equal("drugs.crizotinib", drugs[0].Reader.Path);
        Assert.Equal(0, drugs[1].Reader.Source.Count);
        Assert.Equal(0, bag.Count);
    }

    [Fact]
    public void Strings_accepts_a_list_or_a_single_value()
    {
        var (r, bag) = Reader("mechanisms: [ALK_L1196M, EGFR_activation]\nonly: EMT\nbad: [a, {b: 1}]\n");
        Assert.Equal(new[] { "ALK_L1196M", "EGFR_activation" }, r.Strings("mechanisms"));
        Assert.Equal(new[] { "EMT" }, r.Strings("only"));
        Assert.Equal(new[] { "a" }, r.Strings("bad"));
        Assert.Equal(new[] { "x.yaml:3:10: bad[1] must be text, not a map" }, Messages(bag));
    }

    [Fact]
    public void Doubles_checks_every_item()
    {
        var (r, bag) = Reader("concentrations_nM: [0, 10, -1, 1e3]\n");
        Assert.Equal(new[] { 0.0, 10, -1, 1000 }, r.Doubles("concentrations_nM", Rules.NonNegative));
        Assert.Equal(new[] { "x.yaml:1:28: concentrations_nM[2] must be >= 0 (-1 supplied)" }, Messages(bag));
    }

    [Fact]
    public void Report_prefixes_the_path_and_locates_at_the_value()
    {
        var (r, bag) = Reader("population:\n  b0_per_day: 0.6\n  d0_per_day: 0.7\n");
        var p = r.Map("population");
        p.Report("d0_per_day", "must be < b0_per_day (0.7 >= 0.6)");
        Assert.Equal(new[] { "x.yaml:3:15: population.d0_per_day must be < b0_per_day (0.7 >= 0.6)" }, Messages(bag));
    }
}
