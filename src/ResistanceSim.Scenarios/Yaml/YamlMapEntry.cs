namespace ResistanceSim.Scenarios.Yaml;

/// <summary>One key/value pair of a <see cref="YamlMap"/>; the key scalar carries the key's location.</summary>
public sealed record YamlMapEntry(YamlScalar Key, YamlNodeBase Value)
{
    /// <summary>The key's text.</summary>
    public string Name => Key.Text;
}
