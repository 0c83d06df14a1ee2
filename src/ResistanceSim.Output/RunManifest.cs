using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResistanceSim.Output;

/// <summary>manifest.json: what ran, from which scenario, and how far it got.</summary>
public sealed record RunManifest(
    [property: JsonPropertyName("tool_version")] string ToolVersion,
    [property: JsonPropertyName("scenario")] string Scenario,
    [property: JsonPropertyName("scenario_sha256")] string ScenarioSha256,
    [property: JsonPropertyName("seed")] ulong Seed,
    [property: JsonPropertyName("engine")] string Engine,
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("work_units_total")] int WorkUnitsTotal,
    [property: JsonPropertyName("work_units_done")] int WorkUnitsDone,
    [property: JsonPropertyName("threads")] int Threads,
    [property: JsonPropertyName("wall_seconds")] double WallSeconds,
    [property: JsonPropertyName("tables")] IReadOnlyList<string> Tables)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public void Write(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Options) + "\n");

    public static RunManifest Read(string path) =>
        JsonSerializer.Deserialize<RunManifest>(File.ReadAllText(path), Options) ?? throw new InvalidDataException($"{path} is empty.");
}
