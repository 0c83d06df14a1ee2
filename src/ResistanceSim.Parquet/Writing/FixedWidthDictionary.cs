namespace ResistanceSim.Parquet.Writing;

/// <summary>
/// Value → dictionary index map for fixed-width values: open addressing with linear probing over
/// 64-bit keys, several times faster than <see cref="Dictionary{TKey,TValue}"/> on this hot path.
/// </summary>
internal sealed class FixedWidthDictionary<T, TTraits>
    where T : unmanaged
    where TTraits : IFixedWidthTraits<T>
{
    private int[] _slots = new int[1024]; // entry index + 1; 0 = empty
    private ulong[] _keys = new ulong[512];
    private T[] _entries = new T[512];
    private int _shift = 64 - 10;

    public int Count { get; private set; }

    public ReadOnlySpan<T> Entries => _entries.AsSpan(0, Count);

    public int GetOrAdd(T value)
    {
        ulong key = TTraits.Key(value);
        int mask = _slots.Length - 1;
        int slot = (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);
        while (true)
        {
            int entry = _slots[slot];
            if (entry == 0)
            {
                return Add(slot, key, value);
            }

            if (_keys[entry - 1] == key)
            {
                return entry - 1;
            }

            slot = (slot + 1) & mask;
        }
    }

    public void Clear()
    {
        Array.Clear(_slots);
        Count = 0;
    }

    private int Add(int slot, ulong key, T value)
    {
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, Count * 2);
            Array.Resize(ref _keys, Count * 2);
        }

        _entries[Count] = value;
        _keys[Count] = key;
        _slots[slot] = ++Count;
        if (Count * 2 > _slots.Length)
        {
            Rehash();
        }

        return Count - 1;
    }

    private void Rehash()
    {
        _slots = new int[_slots.Length * 2];
        _shift--;
        int mask = _slots.Length - 1;
        for (int i = 0; i < Count; i++)
        {
            int slot = (int)((_keys[i] * 0x9E3779B97F4A7C15UL) >> _shift);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = i + 1;
        }
    }
}
