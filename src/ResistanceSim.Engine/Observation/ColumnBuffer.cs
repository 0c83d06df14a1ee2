namespace ResistanceSim.Engine.Observation;

/// <summary>A growable column of values, cleared and reused between work units so recording does not allocate in steady state.</summary>
public sealed class ColumnBuffer<T>
{
    private T[] _items;

    public ColumnBuffer(int capacity = 64) => _items = new T[capacity];

    public int Count { get; private set; }

    public ReadOnlySpan<T> Span => _items.AsSpan(0, Count);

    public T this[int index]
    {
        get => _items[index];
        set => _items[index] = value;
    }

    public void Add(T value)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = value;
    }

    public void Clear() => Count = 0;
}
