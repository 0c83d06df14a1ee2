namespace ResistanceSim.Scenarios.Yaml;

/// <summary>
/// Merges an including document over what it includes: maps merge key by key, recursively; anything else
/// (scalars, lists, or a map meeting a non-map) is replaced by the higher-precedence side. Nodes are shared,
/// not copied, so each keeps the location of the file it was written in.
/// </summary>
public static class DocumentMerger
{
    /// <summary>
    /// <paramref name="higher"/> merged over <paramref name="lower"/>. In a merged map the higher side's keys come
    /// first, in its order, followed by keys only the lower side has; the map is located where the higher side wrote it.
    /// </summary>
    public static YamlNodeBase Merge(YamlNodeBase lower, YamlNodeBase higher)
    {
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(higher);
        if (lower is not YamlMap lowerMap || higher is not YamlMap higherMap) return higher;
        var entries = new List<YamlMapEntry>(lowerMap.Count + higherMap.Count);
        foreach (var entry in higherMap.Entries)
        {
            entries.Add(lowerMap.TryGetValue(entry.Name, out var lowerValue)
                ? entry with { Value = Merge(lowerValue, entry.Value) }
                : entry);
        }
        entries.AddRange(lowerMap.Entries.Where(e => !higherMap.ContainsKey(e.Name)));
        return new YamlMap(entries, higherMap.Location);
    }

    /// <summary><see cref="Merge(YamlNodeBase, YamlNodeBase)"/> for two maps.</summary>
    public static YamlMap Merge(YamlMap lower, YamlMap higher) => (YamlMap)Merge((YamlNodeBase)lower, higher);
}
