using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Scenarios.Schema;

/// <summary>The schema files at the repository root are exactly what <c>resistancesim schema</c> writes now, so they cannot go stale.</summary>
public class SchemaFileTests
{
    [Theory]
    [InlineData(SchemaCheck.ScenarioSchemaFile)]
    [InlineData(SchemaCheck.IncludeSchemaFile, "--include-file")]
    public void TheCommittedSchemaIsTheGeneratedOne(string file, params string[] options)
    {
        var result = Support.Cli.Run(["schema", .. options]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        string committed = File.ReadAllText(Path.Combine(Repository.Root, file));
        string command = string.Join(' ', ["schema", .. options]);
        Assert.True(committed == result.Output,
            $"{file} differs from `resistancesim {command}`; regenerate it: dotnet run --project src/ResistanceSim.Cli -- {command} > {file}");
    }

    [Fact]
    public void TheSchemaIsDraft202012AndClosesEveryMapOfFixedKeys()
    {
        var schema = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, SchemaCheck.ScenarioSchemaFile)))!;

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
        var fixedKeyMaps = schema["$defs"]!.AsObject().Where(d => d.Value!["properties"] is not null).ToList();
        Assert.NotEmpty(fixedKeyMaps);
        Assert.All(fixedKeyMaps, d => Assert.False((bool)d.Value!["additionalProperties"]!));
    }
}
