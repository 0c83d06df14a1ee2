using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Scenarios.Schema;

/// <summary>The committed schema files, compiled once by JsonSchema.Net (an independent implementation of draft 2020-12).</summary>
public static class SchemaCheck
{
    public const string ScenarioSchemaFile = "resistancesim.schema.json";
    public const string IncludeSchemaFile = "resistancesim.include.schema.json";

    private static readonly Lazy<JsonSchema> ScenarioSchema = new(() => Load(ScenarioSchemaFile));
    private static readonly Lazy<JsonSchema> IncludeSchema = new(() => Load(IncludeSchemaFile));

    /// <summary>The schema's complaints about <paramref name="document"/> (none when it is valid).</summary>
    public static IReadOnlyList<string> Problems(JsonNode? document, bool includedFile = false)
    {
        var schema = includedFile ? IncludeSchema.Value : ScenarioSchema.Value;
        var result = schema.Evaluate(JsonSerializer.SerializeToElement(document), new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return [];
        var problems = (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value} ({d.EvaluationPath})"))
            .ToList();
        return problems.Count > 0 ? problems : ["invalid (no detail)"];
    }

    private static JsonSchema Load(string file) =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(Repository.Root, file)), baseUri: new Uri("https://resistancesim.invalid/" + file));
}
