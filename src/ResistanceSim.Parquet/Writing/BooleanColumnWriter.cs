using System.Buffers;
using ResistanceSim.Parquet.Format;

namespace ResistanceSim.Parquet.Writing;

/// <summary>Writes BOOLEAN columns: PLAIN, one bit per value, least significant bit first.</summary>
internal sealed class BooleanColumnWriter : ColumnWriter
{
    private readonly bool[] _values;
    private readonly int _pageCapacity;
    private int _valueCount;
    private bool _sawFalse;
    private bool _sawTrue;

    public BooleanColumnWriter(ColumnLayout layout, ParquetWriterOptions options)
        : base(layout, options)
    {
        _pageCapacity = Math.Max(64, options.PageSizeBytes * 8);
        _values = new bool[Math.Min(_pageCapacity, 1 << 20)];
        _pageCapacity = _values.Length;
    }

    protected override long PendingPageBytes => _valueCount / 8;

    protected override (ReadOnlyMemory<byte> PlainValues, int Count) DictionaryPage => (ReadOnlyMemory<byte>.Empty, 0);

    public void Append(ReadOnlySpan<bool> values, ReadOnlySpan<bool> validity)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (validity.IsEmpty || validity[i])
            {
                bool value = values[i];
                _values[_valueCount++] = value;
                _sawTrue |= value;
                _sawFalse |= !value;
                AddLevels(Layout.MaxDefinitionLevel, 0);
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
        bool[] values = ArrayPool<bool>.Shared.Rent(Math.Max(1, count));
        _values.AsSpan(0, count).CopyTo(values);
        _valueCount = 0;
        PageLevels levels = TakeLevels();
        Schedule(() => EncodePage(values, count, levels));
    }

    private void EncodePage(bool[] pooledValues, int count, PageLevels levels)
    {
        var body = BeginPageBody(levels);
        int byteCount = (count + 7) / 8;
        Span<byte> bits = body.GetSpan(byteCount)[..byteCount];
        bits.Clear();
        for (int i = 0; i < count; i++)
        {
            if (pooledValues[i])
            {
                bits[i >> 3] |= (byte)(1 << (i & 7));
            }
        }

        body.Advance(byteCount);
        ArrayPool<bool>.Shared.Return(pooledValues);
        FinishDataPage(levels, ParquetEncoding.Plain);
    }

    protected override Format.Statistics BuildStatistics(long nullCount)
    {
        var statistics = new Format.Statistics { NullCount = nullCount };
        if (_sawFalse || _sawTrue)
        {
            statistics.MinValue = [(byte)(_sawFalse ? 0 : 1)];
            statistics.MaxValue = [(byte)(_sawTrue ? 1 : 0)];
            statistics.Min = statistics.MinValue;
            statistics.Max = statistics.MaxValue;
            statistics.IsMinValueExact = true;
            statistics.IsMaxValueExact = true;
        }

        return statistics;
    }

    protected override void ResetForNextChunk()
    {
        _sawFalse = false;
        _sawTrue = false;
    }
}
