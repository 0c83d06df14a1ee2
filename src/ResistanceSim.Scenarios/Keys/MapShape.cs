using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Keys;

/// <summary>
/// A map of settings: its fixed keys (<see cref="Keys"/>, plus those of the <see cref="Variants"/> case the map selects),
/// or, for maps keyed by names the scenario chooses (<c>drugs: { crizotinib: … }</c>), the shape of every entry
/// (<see cref="EntryShape"/>). <see cref="MapReader.Finish"/> reports a key as unknown exactly when this declaration
/// does not accept it, and the JSON Schema lists exactly these keys.
/// </summary>
public sealed class MapShape(string name, string description) : ValueShape
{
    /// <summary>The name of the map's definition in the JSON Schema (<c>$defs</c>).</summary>
    public string Name { get; } = name ?? throw new ArgumentNullException(nameof(name));

    public string Description { get; } = description ?? throw new ArgumentNullException(nameof(description));

    /// <summary>Keys every map of this shape accepts.</summary>
    public IReadOnlyList<KeySpec> Keys { get; init; } = [];

    /// <summary>Keys that depend on a discriminating key (<c>kind</c>, <c>phase</c>) or on whether a key is present.</summary>
    public MapVariants? Variants { get; init; }

    /// <summary>For maps keyed by chosen names: the shape of each entry's value; null for maps of fixed keys.</summary>
    public ValueShape? EntryShape { get; init; }

    /// <summary>The names an entry may have (pathway names), or null for any name.</summary>
    public IReadOnlyList<string>? EntryNames { get; init; }

    /// <summary>Keys of which exactly one must be present (<c>grid</c>, <c>list</c>, <c>latin_hypercube</c>).</summary>
    public IReadOnlyList<string> ExactlyOneOf { get; init; } = [];

    /// <summary>Keys of which at least one must be present (a drug's <c>targets</c> or <c>cytotoxic</c>).</summary>
    public IReadOnlyList<string> AtLeastOneOf { get; init; } = [];

    public bool HasNamedEntries => EntryShape is not null;

    /// <summary>Every fixed key, each once: the common ones, then those of each variant case in order.</summary>
    public IReadOnlyList<KeySpec> AllKeys => Index.All;

    /// <summary>The declaration of <paramref name="key"/> in <paramref name="map"/>: among the keys of the case the map
    /// selects first, then among every case; null when no case declares it.</summary>
    public KeySpec? Find(string key, YamlMap map)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(map);
        if (EntryShape is not null) return new KeySpec(key, EntryShape, Presence.Optional, "");
        var index = Index;
        if (index.Common.TryGetValue(key, out var common)) return common;
        if (Variants?.Select(map) is { } selected && index.ByCase[selected].TryGetValue(key, out var ofCase)) return ofCase;
        return index.AllByName.GetValueOrDefault(key);
    }

    /// <summary>True if <paramref name="map"/> may contain <paramref name="key"/>: a common key or one of the selected
    /// case (of any case while the map selects none, so a wrong <c>kind</c> is reported once, not with every key after it).</summary>
    public bool Accepts(string key, YamlMap map)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(map);
        if (EntryShape is not null) return true;
        var index = Index;
        return Variants?.Select(map) is { } selected
            ? index.Common.ContainsKey(key) || index.ByCase[selected].ContainsKey(key)
            : index.AllByName.ContainsKey(key);
    }

    /// <summary>The fixed keys <paramref name="map"/> may contain (the candidates for "did you mean").</summary>
    public IReadOnlyList<string> AcceptedKeys(YamlMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var selected = Variants?.Select(map);
        var keys = selected is null ? AllKeys : [.. Keys, .. selected.Keys];
        return [.. keys.Select(k => k.Name)];
    }

    // Every key lookup of a binding goes through Find and Accepts (a trial binds each patient's scenario), so the
    // declarations are indexed by name once; shapes are shared between threads, and a race only builds an equal index twice.
    private KeyIndex? _index;

    private KeyIndex Index => _index ??= new KeyIndex(Keys, Variants);

    /// <summary>The declarations by name, each name's first declaration kept, as the lists are searched in order.</summary>
    private sealed class KeyIndex
    {
        public KeyIndex(IReadOnlyList<KeySpec> common, MapVariants? variants)
        {
            var cases = variants?.Cases ?? [];
            All = [.. common.Concat(cases.SelectMany(c => c.Keys)).DistinctBy(k => k.Name)];
            Common = ByName(common);
            AllByName = ByName(All);
            ByCase = cases.ToDictionary(c => c, c => ByName(c.Keys), (IEqualityComparer<MapVariant>)ReferenceEqualityComparer.Instance);
        }

        public IReadOnlyList<KeySpec> All { get; }

        public Dictionary<string, KeySpec> Common { get; }

        public Dictionary<string, KeySpec> AllByName { get; }

        public Dictionary<MapVariant, Dictionary<string, KeySpec>> ByCase { get; }

        private static Dictionary<string, KeySpec> ByName(IEnumerable<KeySpec> keys)
        {
            var byName = new Dictionary<string, KeySpec>(StringComparer.Ordinal);
            foreach (var key in keys) byName.TryAdd(key.Name, key);
            return byName;
        }
    }

    public override string Describe() => HasNamedEntries ? "a map of named entries" : "a map of key: value settings";
}

/// <summary>
/// Keys that depend on one key of the map: on its value (<c>kind: bypass</c> adds <c>pathway</c> and <c>activity</c>;
/// <see cref="Default"/> when it is absent) or, with <see cref="ByPresence"/>, on whether it is written at all (a dose
/// with <c>dose_mg</c> is oral, one without is a fixed concentration: cases <see cref="Present"/> and <see cref="Absent"/>).
/// </summary>
public sealed record MapVariants(string Key, IReadOnlyList<MapVariant> Cases, string? Default = null, bool ByPresence = false)
{
    public const string Present = "present";
    public const string Absent = "absent";

    /// <summary>The case <paramref name="map"/> selects, or null when its key holds a value no case names (or is absent with no default).</summary>
    public MapVariant? Select(YamlMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        bool written = map.TryGetValue(Key, out var value) && value is not YamlScalar { IsNull: true };
        string? when = ByPresence ? (written ? Present : Absent) : written ? (value as YamlScalar)?.Text : Default;
        if (when is null) return null;
        for (int i = 0; i < Cases.Count; i++)
            if (Cases[i].When == when) return Cases[i];
        return null;
    }
}

/// <summary>One case of <see cref="MapVariants"/>: the value (or presence) that selects it and the keys it adds.</summary>
public sealed record MapVariant(string When, IReadOnlyList<KeySpec> Keys)
{
    /// <summary>Keys of which at least one must be present in this case.</summary>
    public IReadOnlyList<string> AtLeastOneOf { get; init; } = [];
}
