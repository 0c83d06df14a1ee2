using System.Text;
using ResistanceSim.Scenarios.Diagnostics;

namespace ResistanceSim.Scenarios.Yaml;

/// <summary>
/// Reads the keys of one map for a binder, recording every problem in a <see cref="DiagnosticBag"/> and never
/// throwing, so that all errors of a scenario are reported together:
/// <code>
/// var r = new MapReader(map, "population", bag);
/// double b0 = r.Double("b0_per_day", Rules.Positive);              // required
/// double d0 = r.Double("d0_per_day", Rules.NonNegative, defaultValue: 0.1);
/// r.Finish();                                                       // unknown keys, with suggestions
/// </code>
/// A required key that is absent is reported at the map ("population: missing required key 'b0_per_day'").
/// Every accessor returns something even after an error — the default, or 0 / "" / an empty reader — so the
/// binder keeps going; those placeholders mean nothing, so never freeze a model while <see cref="DiagnosticBag.HasErrors"/>.
/// A key whose value is null (<c>key:</c> or <c>key: ~</c>) counts as absent.
/// </summary>
public sealed class MapReader
{
    private readonly List<string> _knownKeys = [];
    private readonly HashSet<string> _knownKeySet = new(StringComparer.Ordinal);

    /// <param name="map">The map to read.</param>
    /// <param name="path">Its scenario path, prefixed to every message ("" for the document root).</param>
    /// <param name="bag">Where problems are recorded.</param>
    public MapReader(YamlMap map, string path, DiagnosticBag bag)
        : this(map, path, bag, isPlaceholder: false)
    {
    }

    private MapReader(YamlMap map, string path, DiagnosticBag bag, bool isPlaceholder)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(bag);
        Source = map;
        Path = path;
        Bag = bag;
        IsPlaceholder = isPlaceholder;
    }

    /// <summary>The map being read.</summary>
    public YamlMap Source { get; }

    /// <summary>The map's scenario path ("" for the root).</summary>
    public string Path { get; }

    public DiagnosticBag Bag { get; }

    /// <summary>Where the map starts.</summary>
    public SourceLocation Location => Source.Location;

    /// <summary>True for the empty stand-in returned when a required map is missing or is not a map; it reports
    /// no missing keys of its own, since the one error about the map itself says it all.</summary>
    public bool IsPlaceholder { get; }

    /// <summary>The keys accessors have asked for so far (the candidates for "did you mean").</summary>
    public IReadOnlyList<string> KnownKeys => _knownKeys;

    /// <summary>The scenario path of <paramref name="key"/> in this map.</summary>
    public string PathOf(string key) => ScenarioPathText.Key(Path, key);

    /// <summary>Where <paramref name="key"/>'s value is written, or the map's location if the key is absent.</summary>
    public SourceLocation LocationOf(string key) => Source.TryGetValue(key, out var value) ? value.Location : Location;

    /// <summary>True if the key is present with a non-null value. Marks the key as known.</summary>
    public bool Has(string key) => Node(key) is not null;

    /// <summary>Marks keys as known without reading them (e.g. keys handled elsewhere).</summary>
    public void Accept(params string[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (string key in keys) MarkKnown(key);
    }

    /// <summary>The raw value of an optional key, or null if absent or null. Marks the key as known.</summary>
    public YamlNodeBase? Node(string key)
    {
        MarkKnown(key);
        return Source.TryGetValue(key, out var value) && value is not YamlScalar { IsNull: true } ? value : null;
    }

    /// <summary>The raw value of a required key, or null after reporting it missing (a null value is reported at
    /// the value as "nothing supplied").</summary>
    public YamlNodeBase? RequiredNode(string key)
    {
        var node = Node(key);
        if (node is null) ReportMissing(key);
        return node;
    }

    /// <summary>A number; required unless <paramref name="defaultValue"/> is given (defaults are not checked against the rule).</summary>
    public double Double(string key, Rule? rule = null, double? defaultValue = null) =>
        OptionalDouble(key, rule) ?? defaultValue ?? MissingOr(key, defaultValue is not null, 0.0);

    /// <summary>A number, or null when the key is absent.</summary>
    public double? OptionalDouble(string key, Rule? rule = null)
    {
        var node = Node(key);
        if (node is null) return null;
        ValueReader.TryDouble(node, PathOf(key), Bag, rule, out double value);
        return value;
    }

    /// <summary>A whole number (<c>1.0e6</c> allowed); required unless <paramref name="defaultValue"/> is given.</summary>
    public long Long(string key, Rule? rule = null, long? defaultValue = null) =>
        OptionalLong(key, rule) ?? defaultValue ?? MissingOr(key, defaultValue is not null, 0L);

    public long? OptionalLong(string key, Rule? rule = null)
    {
        var node = Node(key);
        if (node is null) return null;
        ValueReader.TryLong(node, PathOf(key), Bag, rule, out long value);
        return value;
    }

    /// <summary>A whole number that fits in an int; required unless <paramref name="defaultValue"/> is given.</summary>
    public int Int(string key, Rule? rule = null, int? defaultValue = null) =>
        OptionalInt(key, rule) ?? defaultValue ?? MissingOr(key, defaultValue is not null, 0);

    public int? OptionalInt(string key, Rule? rule = null)
    {
        var node = Node(key);
        if (node is null) return null;
        ValueReader.TryInt(node, PathOf(key), Bag, rule, out int value);
        return value;
    }

    /// <summary><c>true</c>/<c>false</c>; required unless <paramref name="defaultValue"/> is given.</summary>
    public bool Bool(string key, bool? defaultValue = null)
    {
        var node = Node(key);
        if (node is null) return defaultValue ?? MissingOr(key, defaultValue is not null, false);
        ValueReader.TryBool(node, PathOf(key), Bag, out bool value);
        return value;
    }

    /// <summary>Text; required unless <paramref name="defaultValue"/> is given.</summary>
    public string String(string key, string? defaultValue = null) =>
        OptionalString(key) ?? defaultValue ?? MissingOr(key, defaultValue is not null, "");

    public string? OptionalString(string key)
    {
        var node = Node(key);
        if (node is null) return null;
        ValueReader.TryString(node, PathOf(key), Bag, out string value);
        return value;
    }

    /// <summary>One of <paramref name="allowed"/>; required unless <paramref name="defaultValue"/> is given.
    /// A wrong value is reported with the choices and the nearest one.</summary>
    public string Enum(string key, IReadOnlyList<string> allowed, string? defaultValue = null)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (defaultValue is not null && !allowed.Contains(defaultValue, StringComparer.Ordinal))
            throw new ArgumentException($"The default '{defaultValue}' is not one of the allowed values.", nameof(defaultValue));
        var node = Node(key);
        if (node is null) return defaultValue ?? MissingOr(key, false, allowed.Count > 0 ? allowed[0] : "");
        ValueReader.TryEnum(node, PathOf(key), Bag, allowed, out string value);
        return value;
    }

    /// <summary>A required C# enum member, written in snake_case in YAML (<c>PerEvent</c> ↔ <c>per_event</c>).</summary>
    public TEnum Enum<TEnum>(string key)
        where TEnum : struct, Enum => EnumMember<TEnum>(key, null);

    /// <summary>An optional C# enum member, written in snake_case in YAML (<c>PerEvent</c> ↔ <c>per_event</c>).</summary>
    public TEnum Enum<TEnum>(string key, TEnum defaultValue)
        where TEnum : struct, Enum => EnumMember(key, (TEnum?)defaultValue);

    private TEnum EnumMember<TEnum>(string key, TEnum? defaultValue)
        where TEnum : struct, Enum
    {
        var members = System.Enum.GetValues<TEnum>();
        var names = members.Select(m => SnakeCase(m.ToString())).ToArray();
        string chosen = Enum(key, names, defaultValue is { } d ? SnakeCase(d.ToString()) : null);
        int index = Array.IndexOf(names, chosen);
        return index >= 0 ? members[index] : default;
    }

    /// <summary>A required nested map; after an error, an empty placeholder reader.</summary>
    public MapReader Map(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            ReportMissing(key);
            return Placeholder(key);
        }
        return AsMapReader(node, PathOf(key)) ?? Placeholder(key);
    }

    /// <summary>A nested map, or null when absent (or after reporting that the value is not a map).</summary>
    public MapReader? OptionalMap(string key)
    {
        var node = Node(key);
        return node is null ? null : AsMapReader(node, PathOf(key));
    }

    /// <summary>A list of maps (e.g. <c>initial</c>, <c>protocol</c>); items that are not maps are reported and skipped.
    /// Absent: an error if <paramref name="required"/>, otherwise an empty list.</summary>
    public IReadOnlyList<MapReader> SeqOfMaps(string key, bool required = true)
    {
        var items = SeqItems(key, required);
        var readers = new List<MapReader>(items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            if (AsMapReader(items[i], ScenarioPathText.Index(PathOf(key), i)) is { } reader) readers.Add(reader);
        }
        return readers;
    }

    /// <summary>A map from names to settings maps (e.g. <c>drugs: { crizotinib: {…} }</c>). A name with a null
    /// value (<c>EMT:</c>) gets an empty settings map. Absent: an error if <paramref name="required"/>, otherwise empty.</summary>
    public IReadOnlyList<NamedMap> MapOfMaps(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) ReportMissing(key);
            return [];
        }
        if (AsMapReader(node, PathOf(key)) is not { } outer) return [];
        var named = new List<NamedMap>(outer.Source.Count);
        foreach (var entry in outer.Source.Entries)
        {
            string entryPath = outer.PathOf(entry.Name);
            var reader = entry.Value is YamlScalar { IsNull: true }
                ? new MapReader(YamlMap.Empty(entry.Key.Location), entryPath, Bag)
                : AsMapReader(entry.Value, entryPath);
            if (reader is not null) named.Add(new NamedMap(entry.Name, entry.Key.Location, reader));
        }
        return named;
    }

    /// <summary>A list of texts; a single text counts as a one-item list. Absent: an error if
    /// <paramref name="required"/>, otherwise empty.</summary>
    public IReadOnlyList<string> Strings(string key, bool required = false)
    {
        var values = new List<string>();
        var (items, single) = SeqItemsOrSingle(key, required);
        for (int i = 0; i < items.Count; i++)
        {
            if (ValueReader.TryString(items[i], ItemPath(key, i, single), Bag, out string value)) values.Add(value);
        }
        return values;
    }

    /// <summary>A list of numbers, each checked against <paramref name="rule"/>; a single number counts as a one-item list.</summary>
    public IReadOnlyList<double> Doubles(string key, Rule? rule = null, bool required = false)
    {
        var values = new List<double>();
        var (items, single) = SeqItemsOrSingle(key, required);
        for (int i = 0; i < items.Count; i++)
        {
            ValueReader.TryDouble(items[i], ItemPath(key, i, single), Bag, rule, out double value);
            values.Add(value);
        }
        return values;
    }

    /// <summary>Records a rule the binder checks itself (e.g. across keys), located at the key's value:
    /// <c>r.Report("d0_per_day", "must be < b0_per_day (0.7 >= 0.6)")</c> → "population.d0_per_day must be …".</summary>
    public void Report(string key, string rule)
    {
        MarkKnown(key);
        Bag.Error(LocationOf(key), PathOf(key), $"{PathOf(key)} {rule}");
    }

    /// <summary>Reports every key of the map that no accessor asked for, suggesting the nearest known key:
    /// "unknown key 'populaton' in scenario; did you mean 'population'?". Call it after reading all keys.</summary>
    public void Finish()
    {
        foreach (var entry in Source.Entries)
        {
            if (_knownKeySet.Contains(entry.Name)) continue;
            Bag.Error(entry.Key.Location, PathOf(entry.Name),
                $"unknown key '{entry.Name}' in {ScenarioPathText.Describe(Path)}{KeySuggester.DidYouMean(entry.Name, _knownKeys)}");
        }
    }

    private void MarkKnown(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_knownKeySet.Add(key)) _knownKeys.Add(key);
    }

    private T MissingOr<T>(string key, bool hasDefault, T placeholder)
    {
        if (!hasDefault) ReportMissing(key);
        return placeholder;
    }

    private void ReportMissing(string key)
    {
        if (IsPlaceholder) return;
        if (Source.TryGetValue(key, out var nullValue))
        {
            Bag.Error(nullValue.Location, PathOf(key), $"{PathOf(key)} needs a value (nothing supplied)");
            return;
        }
        Bag.Error(Location, PathOf(key), $"{ScenarioPathText.Describe(Path)}: missing required key '{key}'");
    }

    private MapReader? AsMapReader(YamlNodeBase node, string path)
    {
        if (node is YamlMap map) return new MapReader(map, path, Bag);
        string supplied = node is YamlScalar s ? $" ('{s.Text}' supplied)" : $", not {node.KindDescription}";
        Bag.Error(node.Location, path, $"{ScenarioPathText.Describe(path)} must be a map of key: value settings{supplied}");
        return null;
    }

    private MapReader Placeholder(string key) =>
        new(YamlMap.Empty(LocationOf(key)), PathOf(key), Bag, isPlaceholder: true);

    private IReadOnlyList<YamlNodeBase> SeqItems(string key, bool required)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) ReportMissing(key);
            return [];
        }
        if (node is YamlSeq seq) return seq.Items;
        string supplied = node is YamlScalar s ? $" ('{s.Text}' supplied)" : $", not {node.KindDescription}";
        Bag.Error(node.Location, PathOf(key), $"{PathOf(key)} must be a list{supplied}");
        return [];
    }

    /// <summary>The items of a list, or a lone scalar as the only item (<paramref name="key"/>'s own path names it then).</summary>
    private (IReadOnlyList<YamlNodeBase> Items, bool Single) SeqItemsOrSingle(string key, bool required) =>
        Node(key) is YamlScalar single ? ([single], true) : (SeqItems(key, required), false);

    private string ItemPath(string key, int index, bool single) => single ? PathOf(key) : ScenarioPathText.Index(PathOf(key), index);

    /// <summary><c>PerEvent</c> → <c>per_event</c>.</summary>
    private static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && !char.IsUpper(name[i - 1])) text.Append('_');
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}
