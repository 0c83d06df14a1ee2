using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Keys;

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
/// <para>A reader given a <see cref="MapShape"/> (scenario maps: <see cref="ScenarioKeys"/>) takes its keys from it:
/// <see cref="Finish"/> reports exactly the keys the shape does not accept, nested readers get the declared shapes, and
/// asking for a key the shape does not declare, or declares with another type, rule, choice or presence, throws
/// <see cref="InvalidOperationException"/> (a binder bug: the declaration and the schema generated from it would be wrong).</para>
/// </summary>
public sealed class MapReader
{
    // Created on first use: a trial binds every patient's scenario, hundreds of maps each, and a reader with a declared
    // shape of fixed keys needs neither the keys asked for (its shape knows them) nor, usually, accepted extras.
    private List<string>? _knownKeys;
    private HashSet<string>? _knownKeySet;
    private HashSet<string>? _acceptedKeys;

    /// <param name="map">The map to read.</param>
    /// <param name="path">Its scenario path, prefixed to every message ("" for the document root).</param>
    /// <param name="bag">Where problems are recorded.</param>
    public MapReader(YamlMap map, string path, DiagnosticBag bag)
        : this(map, path, bag, isPlaceholder: false, shape: null)
    {
    }

    /// <param name="map">The map to read.</param>
    /// <param name="path">Its scenario path, prefixed to every message ("" for the document root).</param>
    /// <param name="bag">Where problems are recorded.</param>
    /// <param name="shape">The keys the map may contain.</param>
    public MapReader(YamlMap map, string path, DiagnosticBag bag, MapShape shape)
        : this(map, path, bag, isPlaceholder: false, shape ?? throw new ArgumentNullException(nameof(shape)))
    {
    }

    private MapReader(YamlMap map, string path, DiagnosticBag bag, bool isPlaceholder, MapShape? shape)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(bag);
        Source = map;
        Path = path;
        Bag = bag;
        IsPlaceholder = isPlaceholder;
        Shape = shape;
    }

    /// <summary>The declared keys of the map, or null when the keys the binder asks for are the known ones.</summary>
    public MapShape? Shape { get; }

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

    /// <summary>The keys the map may contain (the candidates for "did you mean"): the declared ones, or without a
    /// <see cref="Shape"/> those accessors have asked for so far.</summary>
    public IReadOnlyList<string> KnownKeys => Shape is { HasNamedEntries: false } shape ? shape.AcceptedKeys(Source) : _knownKeys ?? [];

    /// <summary>The scenario path of <paramref name="key"/> in this map.</summary>
    public string PathOf(string key) => ScenarioPathText.Key(Path, key);

    /// <summary>Where <paramref name="key"/>'s value is written, or the map's location if the key is absent.</summary>
    public SourceLocation LocationOf(string key) => Source.TryGetValue(key, out var value) ? value.Location : Location;

    /// <summary>True if the key is present with a non-null value. Marks the key as known.</summary>
    public bool Has(string key) => Node(key) is not null;

    /// <summary>Marks keys as known without reading them (e.g. keys handled elsewhere, or the keys of an entry already
    /// reported as a whole); with a <see cref="Shape"/>, they need not be declared.</summary>
    public void Accept(params string[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (string key in keys)
        {
            MarkKnown(key);
            (_acceptedKeys ??= new HashSet<string>(StringComparer.Ordinal)).Add(key);
        }
    }

    /// <summary>The raw value of an optional key, or null if absent or null. Marks the key as known.</summary>
    public YamlNodeBase? Node(string key)
    {
        Declared(key);
        return Value(key);
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
    public double Double(string key, Rule? rule = null, double? defaultValue = null)
    {
        Expect(key, new NumberShape(rule), required: defaultValue is null);
        return ReadDouble(key, rule) ?? defaultValue ?? MissingOr(key, defaultValue is not null, 0.0);
    }

    /// <summary>A number, or null when the key is absent.</summary>
    public double? OptionalDouble(string key, Rule? rule = null)
    {
        Expect(key, new NumberShape(rule), required: false);
        return ReadDouble(key, rule);
    }

    /// <summary>A whole number (<c>1.0e6</c> allowed); required unless <paramref name="defaultValue"/> is given.</summary>
    public long Long(string key, Rule? rule = null, long? defaultValue = null)
    {
        Expect(key, new WholeNumberShape(rule, fits32Bits: false), required: defaultValue is null);
        return ReadLong(key, rule) ?? defaultValue ?? MissingOr(key, defaultValue is not null, 0L);
    }

    public long? OptionalLong(string key, Rule? rule = null)
    {
        Expect(key, new WholeNumberShape(rule, fits32Bits: false), required: false);
        return ReadLong(key, rule);
    }

    /// <summary>A whole number that fits in an int; required unless <paramref name="defaultValue"/> is given.</summary>
    public int Int(string key, Rule? rule = null, int? defaultValue = null)
    {
        Expect(key, new WholeNumberShape(rule, fits32Bits: true), required: defaultValue is null);
        return ReadInt(key, rule) ?? defaultValue ?? MissingOr(key, defaultValue is not null, 0);
    }

    public int? OptionalInt(string key, Rule? rule = null)
    {
        Expect(key, new WholeNumberShape(rule, fits32Bits: true), required: false);
        return ReadInt(key, rule);
    }

    /// <summary><c>true</c>/<c>false</c>; required unless <paramref name="defaultValue"/> is given.</summary>
    public bool Bool(string key, bool? defaultValue = null)
    {
        Expect(key, BooleanShape.Instance, required: defaultValue is null);
        var node = Value(key);
        if (node is null) return defaultValue ?? MissingOr(key, defaultValue is not null, false);
        ValueReader.TryBool(node, PathOf(key), Bag, out bool value);
        return value;
    }

    /// <summary>Text; required unless <paramref name="defaultValue"/> is given.</summary>
    public string String(string key, string? defaultValue = null)
    {
        Expect(key, TextShape.Any, required: defaultValue is null);
        return ReadString(key) ?? defaultValue ?? MissingOr(key, defaultValue is not null, "");
    }

    public string? OptionalString(string key)
    {
        Expect(key, TextShape.Any, required: false);
        return ReadString(key);
    }

    private double? ReadDouble(string key, Rule? rule)
    {
        var node = Value(key);
        if (node is null) return null;
        ValueReader.TryDouble(node, PathOf(key), Bag, rule, out double value);
        return value;
    }

    private long? ReadLong(string key, Rule? rule)
    {
        var node = Value(key);
        if (node is null) return null;
        ValueReader.TryLong(node, PathOf(key), Bag, rule, out long value);
        return value;
    }

    private int? ReadInt(string key, Rule? rule)
    {
        var node = Value(key);
        if (node is null) return null;
        ValueReader.TryInt(node, PathOf(key), Bag, rule, out int value);
        return value;
    }

    private string? ReadString(string key)
    {
        var node = Value(key);
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
        Expect(key, new ChoiceShape(allowed), required: defaultValue is null);
        var node = Value(key);
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
        var names = members.Select(m => SnakeCase.Of(m.ToString())).ToArray();
        string chosen = Enum(key, names, defaultValue is { } d ? SnakeCase.Of(d.ToString()) : null);
        int index = Array.IndexOf(names, chosen);
        return index >= 0 ? members[index] : default;
    }

    /// <summary>A required nested map; after an error, an empty placeholder reader.</summary>
    public MapReader Map(string key)
    {
        var shape = ExpectMap(key, required: true);
        var node = Value(key);
        if (node is null)
        {
            ReportMissing(key);
            return Placeholder(key, shape);
        }
        return AsMapReader(node, PathOf(key), shape) ?? Placeholder(key, shape);
    }

    /// <summary>A nested map, or null when absent (or after reporting that the value is not a map).</summary>
    public MapReader? OptionalMap(string key)
    {
        var shape = ExpectMap(key, required: false);
        var node = Value(key);
        return node is null ? null : AsMapReader(node, PathOf(key), shape);
    }

    /// <summary>A reader for <paramref name="map"/>, the value of <paramref name="key"/> read some other way (e.g. with
    /// <see cref="Node"/>), with the shape declared for it.</summary>
    public MapReader Nested(string key, YamlMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var shape = Declared(key)?.Shape as MapShape;
        return new MapReader(map, PathOf(key), Bag, isPlaceholder: false, shape);
    }

    /// <summary>A list of maps (e.g. <c>initial</c>, <c>protocol</c>); items that are not maps are reported and skipped.
    /// Absent: an error if <paramref name="required"/>, otherwise an empty list.</summary>
    public IReadOnlyList<MapReader> SeqOfMaps(string key, bool required = true)
    {
        var itemShape = Expect(key, new ListShape(AnyMap), required) is { Shape: ListShape { Item: MapShape declared } } ? declared : null;
        var items = SeqItems(key, required);
        var readers = new List<MapReader>(items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            if (AsMapReader(items[i], ScenarioPathText.Index(PathOf(key), i), itemShape) is { } reader) readers.Add(reader);
        }
        return readers;
    }

    /// <summary>A map from names to settings maps (e.g. <c>drugs: { crizotinib: {…} }</c>). A name with a null
    /// value (<c>EMT:</c>) gets an empty settings map. Absent: an error if <paramref name="required"/>, otherwise empty.</summary>
    public IReadOnlyList<NamedMap> MapOfMaps(string key, bool required = false)
    {
        var outerShape = ExpectMap(key, required);
        if (outerShape is { HasNamedEntries: false })
            throw new InvalidOperationException($"{PathOf(key)} is read as a map of named entries, but ScenarioKeys declares fixed keys for it.");
        var entryShape = outerShape?.EntryShape as MapShape;
        var node = Value(key);
        if (node is null)
        {
            if (required) ReportMissing(key);
            return [];
        }
        if (AsMapReader(node, PathOf(key), outerShape) is not { } outer) return [];
        var named = new List<NamedMap>(outer.Source.Count);
        foreach (var entry in outer.Source.Entries)
        {
            string entryPath = outer.PathOf(entry.Name);
            var reader = entry.Value is YamlScalar { IsNull: true }
                ? new MapReader(YamlMap.Empty(entry.Key.Location), entryPath, Bag, isPlaceholder: false, entryShape)
                : AsMapReader(entry.Value, entryPath, entryShape);
            if (reader is not null) named.Add(new NamedMap(entry.Name, entry.Key.Location, reader));
        }
        return named;
    }

    /// <summary>A list of texts; a single text counts as a one-item list. Absent: an error if
    /// <paramref name="required"/>, otherwise empty.</summary>
    public IReadOnlyList<string> Strings(string key, bool required = false)
    {
        Expect(key, new ListShape(TextShape.Any, acceptsSingleValue: true), required);
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
        Expect(key, new ListShape(new NumberShape(rule), acceptsSingleValue: true), required);
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
        Declared(key);
        Bag.Error(LocationOf(key), PathOf(key), $"{PathOf(key)} {rule}");
    }

    /// <summary>Reports every key of the map that its <see cref="Shape"/> does not accept (without a shape: that no
    /// accessor asked for), suggesting the nearest known key: "unknown key 'populaton' in scenario; did you mean
    /// 'population'?". Call it after reading all keys.</summary>
    public void Finish()
    {
        foreach (var entry in Source.Entries)
        {
            bool known = Shape is null
                ? _knownKeySet?.Contains(entry.Name) == true
                : _acceptedKeys?.Contains(entry.Name) == true || Shape.Accepts(entry.Name, Source);
            if (known) continue;
            Bag.Error(entry.Key.Location, PathOf(entry.Name),
                $"unknown key '{entry.Name}' in {ScenarioPathText.Describe(Path)}{KeySuggester.DidYouMean(entry.Name, KnownKeys)}");
        }
    }

    private static readonly MapShape AnyMap = new("map", "");

    private YamlNodeBase? Value(string key)
    {
        MarkKnown(key);
        return Source.TryGetValue(key, out var value) && value is not YamlScalar { IsNull: true } ? value : null;
    }

    private void MarkKnown(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Shape is not { HasNamedEntries: false } && (_knownKeySet ??= new HashSet<string>(StringComparer.Ordinal)).Add(key))
            (_knownKeys ??= []).Add(key);
        KeyUsageRecorder.Current?.Record(Shape, key, Source);
    }

    /// <summary>The declaration of <paramref name="key"/> (null without a <see cref="Shape"/>); throws when the shape does not declare it.</summary>
    private KeySpec? Declared(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        MarkKnown(key);
        if (Shape is null) return null;
        return Shape.Find(key, Source)
            ?? throw new InvalidOperationException($"The binder reads {PathOf(key)}, which ScenarioKeys does not declare in {Shape.Name}.");
    }

    /// <summary>The declaration of <paramref name="key"/>, checked against how the binder reads it; throws when they differ.</summary>
    private KeySpec? Expect(string key, ValueShape read, bool required)
    {
        var declared = Declared(key);
        if (declared is null) return null;
        bool presenceAgrees = Shape!.HasNamedEntries || declared.Presence == Presence.Conditional || declared.IsRequired == required;
        if (!presenceAgrees || !ShapeAgreement.Agrees(declared.Shape, read))
            throw new InvalidOperationException(
                $"The binder reads {PathOf(key)} as {(required ? "required" : "optional")} {read.Describe()}, but ScenarioKeys declares it {declared.Presence.ToString().ToLowerInvariant()} {declared.Shape.Describe()}.");
        return declared;
    }

    private MapShape? ExpectMap(string key, bool required) => Expect(key, AnyMap, required)?.Shape as MapShape;

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

    private MapReader? AsMapReader(YamlNodeBase node, string path, MapShape? shape)
    {
        if (node is YamlMap map) return new MapReader(map, path, Bag, isPlaceholder: false, shape);
        string supplied = node is YamlScalar s ? $" ('{s.Text}' supplied)" : $", not {node.KindDescription}";
        Bag.Error(node.Location, path, $"{ScenarioPathText.Describe(path)} must be a map of key: value settings{supplied}");
        return null;
    }

    private MapReader Placeholder(string key, MapShape? shape) =>
        new(YamlMap.Empty(LocationOf(key)), PathOf(key), Bag, isPlaceholder: true, shape);

    private IReadOnlyList<YamlNodeBase> SeqItems(string key, bool required)
    {
        var node = Value(key);
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
        Value(key) is YamlScalar single ? ([single], true) : (SeqItems(key, required), false);

    private string ItemPath(string key, int index, bool single) => single ? PathOf(key) : ScenarioPathText.Index(PathOf(key), index);
}
