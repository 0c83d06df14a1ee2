using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResistanceSim.Output.Shards;

/// <summary>
/// <c>shards/part-K.done.json</c>: how far a shard got — the number of its work units whose rows are safely
/// spooled (always a prefix of the shard: results are consumed in unit order) and in how many chunk files —
/// plus what identifies the work, so <c>--resume</c> refuses to mix results of a different scenario, seed,
/// engine, replicate count or shard layout. Rewritten atomically after every chunk.
/// </summary>
public sealed record DoneList(
    [property: JsonPropertyName("scenario_sha256")] string ScenarioSha256,
    [property: JsonPropertyName("seed")] ulong Seed,
    [property: JsonPropertyName("engine")] string Engine,
    [property: JsonPropertyName("replicates")] int Replicates,
    [property: JsonPropertyName("points")] int Points,
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("shard")] string Shard,
    [property: JsonPropertyName("shard_units")] int ShardUnits,
    [property: JsonPropertyName("units_done")] int UnitsDone,
    [property: JsonPropertyName("chunks")] int Chunks,
    [property: JsonPropertyName("complete")] bool Complete)
{
    /// <summary>The same work (everything but the progress fields)?</summary>
    public bool SameWorkAs(DoneList other) =>
        this with { UnitsDone = 0, Chunks = 0, Complete = false } == other with { UnitsDone = 0, Chunks = 0, Complete = false };

    /// <summary>
    /// Names the first identifying field that differs from <paramref name="other"/>, for messages. The seed comes first:
    /// a seed given on the command line is patched into the scenario, so it changes the scenario's hash too.
    /// </summary>
    public string DescribeDifference(DoneList other) =>
        Seed != other.Seed ? "the seed differs"
        : ScenarioSha256 != other.ScenarioSha256 ? "the scenario file changed"
        : Engine != other.Engine ? "the engine differs"
        : Replicates != other.Replicates || Points != other.Points ? "the number of work units differs"
        : Format != other.Format ? "the output format differs"
        : "the shard layout differs";

    public void Write(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, OutputJson.Default.DoneList) + "\n");

    public static DoneList? TryRead(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), OutputJson.Default.DoneList) : null;
}
