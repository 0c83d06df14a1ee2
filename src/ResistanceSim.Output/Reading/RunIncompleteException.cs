namespace ResistanceSim.Output.Reading;

/// <summary>A run directory whose tables are not (all) published: no manifest, or missing shards or files (exit 2).</summary>
public sealed class RunIncompleteException(string message) : Exception(message);
