using System.Text.Json.Nodes;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Tests.Scenarios.Schema;

/// <summary>
/// A YAML file as the JSON an editor's schema check sees, read with the scenario parser and resolved by the YAML 1.2
/// core schema: plain numbers, booleans and nulls become JSON ones, everything quoted stays text. YAML's
/// <c>.inf</c> has no JSON form and stays the text ".inf" (the schema accepts it where the validator does).
/// </summary>
public static class YamlAsJson
{
    public static JsonNode? Read(string path) => Parse(File.ReadAllText(path), path);

    public static JsonNode? Parse(string text, string name)
    {
        var bag = new DiagnosticBag();
        var root = YamlDocumentParser.Parse(text, name, bag);
        Assert.False(bag.HasErrors, string.Join("\n", bag.InRecordedOrder));
        return root is null ? null : Convert(root);
    }

    private static JsonNode? Convert(YamlNodeBase node) => node switch
    {
        YamlMap map => new JsonObject(map.Entries.Select(e => KeyValuePair.Create(e.Name, Convert(e.Value)))),
        YamlSeq seq => new JsonArray([.. seq.Items.Select(Convert)]),
        YamlScalar scalar => Scalar(scalar),
        _ => throw new ArgumentException($"Unexpected YAML node {node.GetType().Name}."),
    };

    private static JsonNode? Scalar(YamlScalar scalar)
    {
        if (scalar.IsNull) return null;
        if (scalar.TryGetBool(out bool flag)) return JsonValue.Create(flag);
        if (!scalar.IsQuoted && CoreSchema.TryParseLong(scalar.Text, out long whole) && !scalar.Text.Contains('.') && !scalar.Text.Contains('e', StringComparison.OrdinalIgnoreCase))
            return JsonValue.Create(whole);
        if (scalar.TryGetDouble(out double number) && double.IsFinite(number)) return JsonValue.Create(number);
        return JsonValue.Create(scalar.Text);
    }
}
