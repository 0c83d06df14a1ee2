using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ResistanceSim.Parquet.Encodings;
using ResistanceSim.Parquet.Format;

namespace ResistanceSim.Parquet.Writing;

/// <summary>
/// Writes INT32, INT64, FLOAT or DOUBLE columns. Each chunk starts dictionary-encoded; it falls back
/// to PLAIN when the first page shows high cardinality (more than half its values distinct) or the
/// dictionary outgrows <see cref="ParquetWriterOptions.DictionaryPageSizeLimit"/>.
/// </summary>
internal sealed class FixedWidthColumnWriter<T, TTraits> : ColumnWriter
    where T : unmanaged
    where TTraits : IFixedWidthTraits<T>
{
    /// <summary>First size of the page buffers: most run tables are small, and a page-sized buffer per column
    /// (1 MiB by default, zeroed) cost a short run more than writing its rows.</summary>
    private const int InitialBufferLength = 1024;
    private T[] _values;
    private int[] _indices = [];
    private readonly int _pageCapacity;
    private readonly FixedWidthDictionary<T, TTraits> _dictionary = new();
    private int _valueCount;
    private bool _dictionaryMode;
    private bool _dictionaryPagesWritten;
    private bool _hasMinMax;
    private T _min;
    private T _max;

    public FixedWidthColumnWriter(ColumnLayout layout, ParquetWriterOptions options)
        : base(layout, options)
    {
        _pageCapacity = Math.Max(8, options.PageSizeBytes / Unsafe.SizeOf<T>());
        _values = new T[Math.Min(InitialBufferLength, _pageCapacity)];
        _dictionaryMode = options.EnableDictionary;
    }

    protected override long PendingPageBytes => (long)_valueCount * Unsafe.SizeOf<T>();

    protected override (ReadOnlyMemory<byte> PlainValues, int Count) DictionaryPage =>
        _dictionaryPagesWritten
            ? (MemoryMarshal.AsBytes(_dictionary.Entries).ToArray(), _dictionary.Count)
            : (ReadOnlyMemory<byte>.Empty, 0);

    public void Append(ReadOnlySpan<T> values, ReadOnlySpan<bool> validity)
    {
        if (validity.IsEmpty)
        {
            while (!values.IsEmpty)
            {
                int take = Math.Min(values.Length, _pageCapacity - LevelCount);
                ReadOnlySpan<T> part = values[..take];
                _values = Grown(_values, _valueCount + take);
                part.CopyTo(_values.AsSpan(_valueCount));
                _valueCount += take;
                AddPresentLevels(take);
                UpdateStatistics(part);
                values = values[take..];
                if (LevelCount == _pageCapacity)
                {
                    WritePendingPage();
                }
            }

            return;
        }

        for (int i = 0; i < values.Length; i++)
        {
            if (validity[i])
            {
                T value = values[i];
                _values = Grown(_values, _valueCount + 1);
                _values[_valueCount++] = value;
                AddLevels(Layout.MaxDefinitionLevel, 0);
                UpdateStatistics(new ReadOnlySpan<T>(in value));
            }
            else
            {
                AddLevels(0, 0);
            }

            if (LevelCount == _pageCapacity)
            {
                WritePendingPage();
            }
        }
    }

    protected override void WritePendingPage()
    {
        int count = _valueCount;
        T[] values = ArrayPool<T>.Shared.Rent(Math.Max(1, count));
        _values.AsSpan(0, count).CopyTo(values);
        _valueCount = 0;
        PageLevels levels = TakeLevels();
        Schedule(() => EncodePage(values, count, levels));
    }

    /// <summary>Runs on this column's encoding chain: the dictionary state is touched only here (and after the chain drains).</summary>
    private void EncodePage(T[] pooledValues, int count, PageLevels levels)
    {
        try
        {
            ReadOnlySpan<T> values = pooledValues.AsSpan(0, count);
            if (_dictionaryMode && values.Length > 0 && TryMapToDictionary(values))
            {
                var body = BeginPageBody(levels);
                int bitWidth = Math.Max(1, RleBitPackedEncoder.BitWidth(_dictionary.Count - 1));
                body.WriteByte((byte)bitWidth);
                RleBitPackedEncoder.Encode(_indices.AsSpan(0, count), bitWidth, body);
                FinishDataPage(levels, ParquetEncoding.RleDictionary);
                _dictionaryPagesWritten = true;
            }
            else
            {
                BeginPageBody(levels).WriteValues(values);
                FinishDataPage(levels, ParquetEncoding.Plain);
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(pooledValues);
        }
    }

    protected override Format.Statistics BuildStatistics(long nullCount)
    {
        var statistics = new Format.Statistics { NullCount = nullCount };
        if (_hasMinMax)
        {
            statistics.MinValue = TTraits.StatisticsBytes(_min, isMin: true);
            statistics.MaxValue = TTraits.StatisticsBytes(_max, isMin: false);
            statistics.Min = statistics.MinValue; // legacy fields: signed order equals the type order here
            statistics.Max = statistics.MaxValue;
            statistics.IsMinValueExact = true;
            statistics.IsMaxValueExact = true;
        }

        return statistics;
    }

    protected override void ResetForNextChunk()
    {
        _dictionary.Clear();
        _dictionaryMode = Options.EnableDictionary;
        _dictionaryPagesWritten = false;
        _hasMinMax = false;
    }

    /// <summary>The buffer, or a copy at least <paramref name="needed"/> long (doubling, at most a page) when it is shorter.</summary>
    private TItem[] Grown<TItem>(TItem[] buffer, int needed)
    {
        if (needed <= buffer.Length) return buffer;
        var grown = new TItem[Math.Min(_pageCapacity, Math.Max(needed, Math.Max(InitialBufferLength, buffer.Length * 2)))];
        buffer.CopyTo(grown, 0);
        return grown;
    }

    /// <summary>Maps the page to dictionary indices, or switches the chunk to PLAIN and returns false.</summary>
    private bool TryMapToDictionary(ReadOnlySpan<T> values)
    {
        int maxEntries = Options.DictionaryPageSizeLimit / Unsafe.SizeOf<T>();
        _indices = Grown(_indices, values.Length);
        ulong previousKey = 0;
        int previousIndex = -1;
        for (int i = 0; i < values.Length; i++)
        {
            // Simulation tables repeat values in long runs (arm, replicate, time): skip the hash lookup then.
            ulong key = TTraits.Key(values[i]);
            if (key == previousKey && previousIndex >= 0)
            {
                _indices[i] = previousIndex;
                continue;
            }

            previousKey = key;
            previousIndex = _indices[i] = _dictionary.GetOrAdd(values[i]);
            if (_dictionary.Count > maxEntries)
            {
                return FallBackToPlain();
            }
        }

        bool firstPage = !_dictionaryPagesWritten;
        if (firstPage && _dictionary.Count > values.Length / 2)
        {
            return FallBackToPlain();
        }

        return true;
    }

    private bool FallBackToPlain()
    {
        _dictionaryMode = false;
        if (!_dictionaryPagesWritten)
        {
            _dictionary.Clear();
        }

        return false;
    }

    private void UpdateStatistics(ReadOnlySpan<T> values)
    {
        int i = 0;
        if (!_hasMinMax)
        {
            while (i < values.Length && TTraits.IsExcludedFromStatistics(values[i]))
            {
                i++;
            }

            if (i == values.Length)
            {
                return;
            }

            _min = _max = values[i];
            _hasMinMax = true;
        }

        T min = _min, max = _max;
        if (!TTraits.HasUnorderedValues && Vector.IsHardwareAccelerated && values.Length - i >= Vector<T>.Count * 2)
        {
            // Integers have no NaN, so SIMD min/max is exact.
            var vectorMin = new Vector<T>(min);
            var vectorMax = new Vector<T>(max);
            for (; i <= values.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var block = new Vector<T>(values[i..]);
                vectorMin = Vector.Min(vectorMin, block);
                vectorMax = Vector.Max(vectorMax, block);
            }

            for (int lane = 0; lane < Vector<T>.Count; lane++)
            {
                min = TTraits.IsLess(vectorMin[lane], min) ? vectorMin[lane] : min;
                max = TTraits.IsLess(max, vectorMax[lane]) ? vectorMax[lane] : max;
            }
        }

        for (; i < values.Length; i++)
        {
            T value = values[i];
            if (TTraits.IsLess(value, min))
            {
                min = value;
            }
            else if (TTraits.IsLess(max, value))
            {
                max = value;
            }
        }

        _min = min;
        _max = max;
    }
}
