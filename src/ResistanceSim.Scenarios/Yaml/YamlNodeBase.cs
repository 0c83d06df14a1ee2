using ResistanceSim.Scenarios.Diagnostics;

namespace ResistanceSim.Scenarios.Yaml;

/// <summary>
/// A node of a located YAML document: a <see cref="YamlMap"/>, <see cref="YamlSeq"/> or <see cref="YamlScalar"/>.
/// Nodes are immutable; "changing" a tree (include merging, sweep patching) builds new nodes and shares the
/// untouched ones, so every node keeps the location of the file it was written in.
/// </summary>
public abstract class YamlNodeBase
{
    private protected YamlNodeBase(SourceLocation location) => Location = location;

    /// <summary>Where the node starts (for a map or sequence: its first key or item, or its opening bracket).</summary>
    public SourceLocation Location { get; }

    /// <summary>What kind of node this is, as words for messages: "a map", "a list", "a value".</summary>
    public abstract string KindDescription { get; }
}
