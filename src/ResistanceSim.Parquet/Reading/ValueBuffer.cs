namespace ResistanceSim.Parquet.Reading;

/// <summary>A growable array. The initial capacity follows the metadata's count but is capped
/// (16 Mi entries), so a corrupt count cannot force a huge allocation before values are decoded.</summary>
internal sealed class ValueBuffer<T>
{
    private T[] _items;

    public ValueBuffer(long expected) => _items = new T[(int)Math.Clamp(expected, 16, 1 << 24)];

    public int Count { get; private set; }

    public Span<T> Items => _items.AsSpan(0, Count);

    public Span<T> Reserve(int count)
    {
        long needed = (long)Count + count;
        if (needed > Array.MaxLength)
        {
            throw new ParquetFormatException("Column chunk holds more values than one array can.");
        }

        if (needed > _items.Length)
        {
            Array.Resize(ref _items, (int)Math.Min(Array.MaxLength, Math.Max(needed, (long)_items.Length * 2)));
        }

        Span<T> span = _items.AsSpan(Count, count);
        Count += count;
        return span;
    }

    public void Add(T item) => Reserve(1)[0] = item;

    public T[] ToArray() => Count == _items.Length ? _items : _items.AsSpan(0, Count).ToArray();
}
