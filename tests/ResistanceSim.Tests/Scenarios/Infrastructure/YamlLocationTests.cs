using Xunit;
using static ResistanceSim.Tests.Scenarios.Infrastructure.YamlTestSupport;

namespace ResistanceSim.Tests.Scenarios.Infrastructure;

public class YamlLocationTests
{
    private const string Yaml = """
        name: quickstart
        population:
          b0_per_day: 0.6
          initial:
            - genotype: parental
              cells: 1.0e6
        stop: { days: 60 }
        """;

    [Fact]
    public void Scalar_value_is_located_at_its_first_character()
    {
        var root = ParseMap(Yaml);
        var b0 = Scalar(Map(root["population"])["b0_per_day"]);
        Assert.Equal((3, 15), LineCol(b0));
        Assert.Equal(FileName, b0.Location.File);
    }

    [Fact]
    public void Map_key_is_located_at_the_key()
    {
        var root = ParseMap(Yaml);
        Assert.True(Map(root["population"]).TryGetEntry("b0_per_day", out var entry));
        Assert.Equal((3, 3), LineCol(entry.Key));
    }

    [Fact]
    public void Block_map_is_located_at_its_first_key_and_flow_map_at_its_brace()
    {
        var root = ParseMap(Yaml);
        Assert.Equal((1, 1), LineCol(root));
        Assert.Equal((3, 3), LineCol(Map(root["population"])));
        Assert.Equal((7, 7), LineCol(Map(root["stop"])));
    }

    [Fact]
    public void Sequence_and_its_items_are_located()
    {
        var root = ParseMap(Yaml);
        var initial = Seq(Map(root["population"])["initial"]);
        Assert.Equal((5, 5), LineCol(initial));
        var first = Map(initial[0]);
        Assert.Equal((5, 7), LineCol(first));
        Assert.Equal((6, 14), LineCol(Scalar(first["cells"])));
    }

    [Fact]
    public void Keys_keep_document_order()
    {
        var root = ParseMap(Yaml);
        Assert.Equal(new[] { "name", "population", "stop" }, root.Keys);
    }
}
