using System.Text.Json.Serialization;
using ResistanceSim.Output.Locking;
using ResistanceSim.Output.Shards;

namespace ResistanceSim.Output;

/// <summary>
/// The JSON of the run directory's bookkeeping files, generated at build time: reflection-based serialization builds
/// its converters on first use, a cost every short run paid (benchmarks/RESULTS.md, "A small run's process").
/// Same text as before: indented, the records' property names.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(LockHolder))]
[JsonSerializable(typeof(DoneList))]
[JsonSerializable(typeof(RunManifest))]
internal sealed partial class OutputJson : JsonSerializerContext;
