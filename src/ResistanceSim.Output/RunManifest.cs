using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResistanceSim.Output;

/// <summary>
/// manifest.json (a shard's: shards/part-K.manifest.json): what ran, from which scenario, and how far it got.
/// Written last, after every table it lists in <see cref="Files"/>; readers trust only the files a manifest lists
/// (see <see cref="Reading.RunFiles"/>), so the tables of a run appear all together or not at all.
/// </summary>
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
    [property: JsonPropertyName("tables")] IReadOnlyList<string> Tables,
    [property: JsonPropertyName("shard")] string Shard,
    [property: JsonPropertyName("files")] IReadOnlyList<string> Files)
{
    public void Write(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, OutputJson.Default.RunManifest) + "\n");

    public static RunManifest Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), OutputJson.Default.RunManifest) ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a run manifest: {e.Message}", e);
        }
    }

    public const string FileName = "manifest.json";

    /// <summary>Where a run (or shard <paramref name="shard"/>) writes its manifest.</summary>
    public static string PathFor(string runDirectory, Shards.ShardSpec shard) => shard.IsWhole
        ? System.IO.Path.Combine(runDirectory, FileName)
        : System.IO.Path.Combine(runDirectory, "shards", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"part-{shard.Index:D5}.manifest.json"));
}
