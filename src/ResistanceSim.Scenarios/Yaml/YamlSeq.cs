using ResistanceSim.Scenarios.Diagnostics;

namespace ResistanceSim.Scenarios.Yaml;

/// <summary>A sequence (YAML list) of located nodes.</summary>
public sealed class YamlSeq : YamlNodeBase
{
    private readonly YamlNodeBase[] _items;

    public YamlSeq(IEnumerable<YamlNodeBase> items, SourceLocation location)
        : base(location)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = items.ToArray();
    }

    /// <summary>The items in document order.</summary>
    public IReadOnlyList<YamlNodeBase> Items => _items;

    public int Count => _items.Length;

    public YamlNodeBase this[int index] => _items[index];

    public override string KindDescription => "a list";

    /// <summary>A copy with the item at <paramref name="index"/> replaced.</summary>
    public YamlSeq WithItem(int index, YamlNodeBase item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var copy = (YamlNodeBase[])_items.Clone();
        copy[index] = item;
        return new YamlSeq(copy, Location);
    }
}
