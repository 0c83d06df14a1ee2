using ResistanceSim.Scenarios.Diagnostics;

namespace ResistanceSim.Scenarios.Yaml;

/// <summary>
/// A mapping with keys in document order. Keys are unique strings compared ordinally (case-sensitive);
/// the parser reports duplicates as errors and keeps the first.
/// </summary>
public sealed class YamlMap : YamlNodeBase
{
    private readonly YamlMapEntry[] _entries;
    private readonly Dictionary<string, int> _indexByKey;

    /// <summary>Builds a map; later entries with an already present key are ignored (first wins).</summary>
    public YamlMap(IEnumerable<YamlMapEntry> entries, SourceLocation location)
        : base(location)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var kept = new List<YamlMapEntry>();
        _indexByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (_indexByKey.TryAdd(entry.Name, kept.Count)) kept.Add(entry);
        }
        _entries = kept.ToArray();
    }

    /// <summary>A map of <paramref name="entries"/> (distinct keys) whose index by key is already built.</summary>
    private YamlMap(YamlMapEntry[] entries, Dictionary<string, int> indexByKey, SourceLocation location)
        : base(location)
    {
        _entries = entries;
        _indexByKey = indexByKey;
    }

    /// <summary>An empty map at <paramref name="location"/>.</summary>
    public static YamlMap Empty(SourceLocation location) => new([], location);

    /// <summary>The entries in document order.</summary>
    public IReadOnlyList<YamlMapEntry> Entries => _entries;

    /// <summary>The keys in document order.</summary>
    public IEnumerable<string> Keys => _entries.Select(e => e.Name);

    public int Count => _entries.Length;

    public override string KindDescription => "a map";

    public bool ContainsKey(string key) => _indexByKey.ContainsKey(key);

    /// <summary>The value for <paramref name="key"/>, or null.</summary>
    public YamlNodeBase? this[string key] => TryGetEntry(key, out var entry) ? entry.Value : null;

    public bool TryGetValue(string key, out YamlNodeBase value)
    {
        bool found = TryGetEntry(key, out var entry);
        value = found ? entry!.Value : null!;
        return found;
    }

    /// <summary>The entry (key scalar with its location, and value) for <paramref name="key"/>.</summary>
    public bool TryGetEntry(string key, out YamlMapEntry entry)
    {
        ArgumentNullException.ThrowIfNull(key);
        bool found = _indexByKey.TryGetValue(key, out int index);
        entry = found ? _entries[index] : null!;
        return found;
    }

    /// <summary>A copy with <paramref name="key"/>'s value replaced, or the entry appended if absent.</summary>
    public YamlMap With(YamlScalar key, YamlNodeBase value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (_indexByKey.TryGetValue(key.Text, out int index))
        {
            // Same keys at the same places (a patched value, once per patient and parameter): the index is shared.
            var replaced = (YamlMapEntry[])_entries.Clone();
            replaced[index] = replaced[index] with { Value = value };
            return new YamlMap(replaced, _indexByKey, Location);
        }
        return new YamlMap([.. _entries, new YamlMapEntry(key, value)], Location);
    }

    /// <summary>A copy without <paramref name="key"/>.</summary>
    public YamlMap Without(string key) =>
        ContainsKey(key) ? new YamlMap(_entries.Where(e => e.Name != key), Location) : this;

    /// <summary>A copy of the tree with the scalar at <paramref name="path"/> replaced by <paramref name="scalarText"/>
    /// (located at <paramref name="origin"/>, e.g. the sweep entry); see <see cref="YamlPatcher"/>.</summary>
    public YamlMap WithValue(YamlPath path, string scalarText, SourceLocation origin, DiagnosticBag bag, bool createMissingKey = false) =>
        YamlPatcher.WithValue(this, path, scalarText, origin, bag, createMissingKey);
}
