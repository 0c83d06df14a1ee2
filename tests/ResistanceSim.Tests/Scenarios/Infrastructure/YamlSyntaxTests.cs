using Xunit;
using static ResistanceSim.Tests.Scenarios.Infrastructure.YamlTestSupport;

namespace ResistanceSim.Tests.Scenarios.Infrastructure;

/// <summary>Malformed or unusual YAML becomes located diagnostics, never exceptions.</summary>
public class YamlSyntaxTests
{
    [Fact]
    public void Syntax_error_is_a_located_diagnostic()
    {
        var errors = ParseErrors("name: x\nseed: 1\nstop: days: 3\n");
        string error = Assert.Single(errors);
        Assert.StartsWith("x.yaml:3:", error, StringComparison.Ordinal);
        Assert.Contains("YAML syntax error", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Idx:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_flow_list_is_located_on_its_line_not_thrown()
    {
        var errors = ParseErrors("name: x\nseed: 1\nmechanisms: [a, b\nstop: 3\n");
        string error = Assert.Single(errors);
        Assert.StartsWith("x.yaml:3:", error, StringComparison.Ordinal);
        Assert.Contains("unclosed bracket", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unterminated_quote_is_a_located_diagnostic()
    {
        var errors = ParseErrors("name: \"quick\nseed: 1\n");
        string error = Assert.Single(errors);
        Assert.StartsWith("x.yaml:", error, StringComparison.Ordinal);
        Assert.Contains("YAML syntax error", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_indentation_is_located_on_its_line()
    {
        var errors = ParseErrors("population:\n  b0_per_day: 0.6\n d0_per_day: 0.1\n");
        string error = Assert.Single(errors);
        Assert.StartsWith("x.yaml:3:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_key_is_located_at_the_second_occurrence()
    {
        var errors = ParseErrors("population:\n  b0_per_day: 0.6\n  d0_per_day: 0.1\n  b0_per_day: 0.7\n");
        Assert.Equal(new[] { "x.yaml:4:3: duplicate key 'b0_per_day' in population (first defined at line 2)" }, errors);
    }

    [Fact]
    public void Duplicate_key_keeps_the_first_value()
    {
        var bag = new ResistanceSim.Scenarios.Diagnostics.DiagnosticBag();
        var root = Map(ResistanceSim.Scenarios.Yaml.YamlDocumentParser.Parse("seed: 1\nseed: 2\n", FileName, bag));
        Assert.Equal("1", Scalar(root["seed"]).Text);
        Assert.Equal(1, bag.ErrorCount);
    }

    [Fact]
    public void A_second_document_is_an_error_at_its_start()
    {
        var errors = ParseErrors("seed: 1\n---\nseed: 2\n");
        Assert.Equal(new[] { "x.yaml:2:1: a scenario file holds exactly one YAML document, but a second one starts here" }, errors);
    }

    [Fact]
    public void Empty_file_is_an_empty_map()
    {
        var root = ParseMap("");
        Assert.Equal(0, root.Count);
    }

    [Fact]
    public void Alias_resolves_to_the_anchored_node()
    {
        var root = ParseMap("base: &b { rate: 0.5 }\ncopy: *b\n");
        Assert.Same(root["base"], root["copy"]);
        Assert.Equal((1, 7), LineCol(root["copy"]!));
    }

    [Fact]
    public void Unknown_alias_is_located()
    {
        var errors = ParseErrors("a: 1\nb: *missing\n");
        Assert.Equal(new[] { "x.yaml:2:4: unknown alias '*missing' (no anchor '&missing' before it)" }, errors);
    }

    [Fact]
    public void Merge_key_copies_entries_and_explicit_keys_win()
    {
        var root = ParseMap("""
            base: &b { rate: 0.5, cost: 0.1 }
            other: &o { cost: 0.3, fold: 2 }
            arm:
              <<: [*b, *o]
              rate: 0.9
            """);
        var arm = Map(root["arm"]);
        Assert.Equal("0.9", Scalar(arm["rate"]).Text);   // explicit beats merged
        Assert.Equal("0.1", Scalar(arm["cost"]).Text);   // earlier merge source beats later
        Assert.Equal("2", Scalar(arm["fold"]).Text);
        Assert.False(arm.ContainsKey("<<"));
        Assert.Equal(1, arm["cost"]!.Location.Line);     // merged values point to their definition
    }

    [Fact]
    public void Merge_key_with_a_scalar_is_an_error()
    {
        var errors = ParseErrors("arm:\n  <<: 5\n");
        Assert.Equal(new[] { "x.yaml:2:7: the merge key '<<' in arm needs a map or a list of maps (usually aliases like *base), not a value" }, errors);
    }

    [Fact]
    public void Unsupported_tag_is_located()
    {
        var errors = ParseErrors("seed: !custom 5\n");
        Assert.Equal(new[] { "x.yaml:1:7: unsupported tag '!custom' on seed (scenarios use plain YAML; only !!str is allowed)" }, errors);
    }

    [Fact]
    public void Map_as_a_key_is_an_error()
    {
        var errors = ParseErrors("? { a: 1 }\n: 2\nok: 3\n");
        string error = Assert.Single(errors);
        Assert.Equal("x.yaml:1:3: keys in scenario must be plain names, not a map", error);
    }

    [Fact]
    public void Excessive_nesting_is_reported_not_a_stack_overflow()
    {
        int depth = ResistanceSim.Scenarios.Yaml.YamlDocumentParser.MaxDepth + 10;
        string yaml = "v: " + new string('[', depth) + new string(']', depth) + "\n";
        var errors = ParseErrors(yaml);
        string error = Assert.Single(errors);
        Assert.Contains("nested more than", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Alias_bomb_is_rejected()
    {
        // Each level doubles: 2^25 leaves, far above the limit, from a few hundred bytes.
        var yaml = new System.Text.StringBuilder("l0: &l0 [x, x]\n");
        for (int i = 1; i <= 25; i++) yaml.Append($"l{i}: &l{i} [*l{i - 1}, *l{i - 1}]\n");
        var errors = ParseErrors(yaml.ToString());
        Assert.Equal(new[] { $"x.yaml:1:1: the document expands to more than {ResistanceSim.Scenarios.Yaml.YamlDocumentParser.MaxExpandedNodes} values through aliases" }, errors);
    }
}
