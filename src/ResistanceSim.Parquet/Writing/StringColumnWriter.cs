using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using ResistanceSim.Parquet.Encodings;
using ResistanceSim.Parquet.Format;
using ResistanceSim.Parquet.IO;

namespace ResistanceSim.Parquet.Writing;

/// <summary>
/// Writes UTF-8 string columns and lists of strings. Strings are looked up in the chunk's
/// dictionary as they arrive (each distinct value is encoded and compared for statistics once);
/// the chunk falls back to PLAIN on high cardinality or when the dictionary outgrows its limit.
/// </summary>
internal sealed class StringColumnWriter : ColumnWriter
{
    private readonly Dictionary<string, int> _lookup = new(StringComparer.Ordinal);
    private readonly ByteBuffer _dictionaryBytes = new(4096);   // PLAIN: 4-byte length + bytes per entry
    private readonly List<int> _entryOffsets = [];
    private readonly ByteBuffer _plainValues = new(4096);
    private readonly StringStatistics _statistics = new();
    private readonly int _maxPageLevels;
    private int[] _indices = new int[1024];
    private int _valueCount;
    private bool _dictionaryMode;
    private bool _dictionaryFrozen;
    private bool _dictionaryPagesWritten;

    public StringColumnWriter(ColumnLayout layout, ParquetWriterOptions options)
        : base(layout, options)
    {
        _dictionaryMode = options.EnableDictionary;
        _maxPageLevels = Math.Max(64, options.PageSizeBytes / 8);
    }

    protected override long PendingPageBytes => _dictionaryMode ? (long)_valueCount * 4 : _plainValues.Length;

    protected override (ReadOnlyMemory<byte> PlainValues, int Count) DictionaryPage =>
        _dictionaryPagesWritten ? (_dictionaryBytes.WrittenMemory, _entryOffsets.Count) : (ReadOnlyMemory<byte>.Empty, 0);

    public void Append(ReadOnlySpan<string?> values)
    {
        foreach (string? value in values)
        {
            if (value is null)
            {
                RequireNullable();
                AddLevels(0, 0);
            }
            else
            {
                AddLevels(Layout.MaxDefinitionLevel, 0);
                AddValue(value);
            }

            EndRow();
        }
    }

    public void AppendLists(ReadOnlySpan<IReadOnlyList<string>?> lists)
    {
        foreach (IReadOnlyList<string>? list in lists)
        {
            if (list is null)
            {
                RequireNullable();
                AddLevels(0, 0);
            }
            else if (list.Count == 0)
            {
                AddLevels(Layout.EmptyListDefinitionLevel, 0);
            }
            else
            {
                for (int i = 0; i < list.Count; i++)
                {
                    string element = list[i] ?? throw new ArgumentException($"Column '{Layout.Column.Name}': list elements must not be null.");
                    AddLevels(Layout.MaxDefinitionLevel, i == 0 ? 0 : 1);
                    AddValue(element);
                }
            }

            EndRow();
        }
    }

    protected override void WritePendingPage()
    {
        if (_dictionaryMode && !_dictionaryPagesWritten && _entryOffsets.Count > _valueCount / 2)
        {
            // High cardinality on the first page: a dictionary would not pay for itself in this chunk.
            ConvertPendingIndicesToPlain();
        }

        PageLevels levels = TakeLevels();
        if (_dictionaryMode && _valueCount > 0)
        {
            int count = _valueCount;
            int[] indices = ArrayPool<int>.Shared.Rent(count);
            _indices.AsSpan(0, count).CopyTo(indices);
            int bitWidth = Math.Max(1, RleBitPackedEncoder.BitWidth(_entryOffsets.Count - 1));
            Schedule(() =>
            {
                var body = BeginPageBody(levels);
                body.WriteByte((byte)bitWidth);
                RleBitPackedEncoder.Encode(indices.AsSpan(0, count), bitWidth, body);
                ArrayPool<int>.Shared.Return(indices);
                FinishDataPage(levels, ParquetEncoding.RleDictionary);
            });
            _dictionaryPagesWritten = true;
            if (_dictionaryFrozen)
            {
                _dictionaryMode = false;
            }
        }
        else
        {
            // Also the path for pages of only nulls or empty lists: nothing to look up in a dictionary.
            int length = _plainValues.Length;
            byte[] values = ArrayPool<byte>.Shared.Rent(Math.Max(1, length));
            _plainValues.WrittenSpan.CopyTo(values);
            _plainValues.Clear();
            Schedule(() =>
            {
                BeginPageBody(levels).Write(values.AsSpan(0, length));
                ArrayPool<byte>.Shared.Return(values);
                FinishDataPage(levels, ParquetEncoding.Plain);
            });
        }

        _valueCount = 0;
    }

    protected override Format.Statistics BuildStatistics(long nullCount)
    {
        var statistics = new Format.Statistics { NullCount = nullCount };
        _statistics.WriteTo(statistics, Options.StatisticsTruncateLength);
        return statistics;
    }

    protected override void ResetForNextChunk()
    {
        _lookup.Clear();
        _dictionaryBytes.ClearAndShrink(Options.DictionaryPageSizeLimit);
        _entryOffsets.Clear();
        _statistics.Reset();
        _dictionaryMode = Options.EnableDictionary;
        _dictionaryFrozen = false;
        _dictionaryPagesWritten = false;
    }

    private void AddValue(string value)
    {
        if (_dictionaryMode)
        {
            if (!_lookup.TryGetValue(value, out int index))
            {
                index = _entryOffsets.Count;
                _lookup.Add(value, index);
                _entryOffsets.Add(_dictionaryBytes.Length);
                _statistics.Update(AppendPlain(_dictionaryBytes, value));
                if (_dictionaryBytes.Length > Options.DictionaryPageSizeLimit)
                {
                    // Keep this page dictionary-encoded (its entries exist), then continue in PLAIN.
                    _dictionaryFrozen = true;
                }
            }

            if (_valueCount == _indices.Length)
            {
                Array.Resize(ref _indices, _indices.Length * 2);
            }

            _indices[_valueCount++] = index;
        }
        else
        {
            _statistics.Update(AppendPlain(_plainValues, value));
            _valueCount++;
        }
    }

    private void EndRow()
    {
        if (LevelCount >= _maxPageLevels || PendingPageBytes >= Options.PageSizeBytes || _dictionaryFrozen)
        {
            WritePendingPage();
        }
    }

    private void ConvertPendingIndicesToPlain()
    {
        _plainValues.Clear();
        ReadOnlySpan<byte> dictionary = _dictionaryBytes.WrittenSpan;
        for (int i = 0; i < _valueCount; i++)
        {
            int offset = _entryOffsets[_indices[i]];
            int length = BinaryPrimitives.ReadInt32LittleEndian(dictionary[offset..]);
            _plainValues.Write(dictionary.Slice(offset, 4 + length));
        }

        _dictionaryMode = false;
        _dictionaryFrozen = false;
        _lookup.Clear();
        _entryOffsets.Clear();
        _dictionaryBytes.Clear();
    }

    /// <summary>Appends one PLAIN BYTE_ARRAY value and returns its UTF-8 bytes.</summary>
    private static ReadOnlySpan<byte> AppendPlain(ByteBuffer buffer, string value)
    {
        int byteCount = Encoding.UTF8.GetByteCount(value);
        buffer.WriteInt32LittleEndian(byteCount);
        int start = buffer.Length;
        Encoding.UTF8.GetBytes(value, buffer.GetSpan(byteCount));
        buffer.Advance(byteCount);
        return buffer.WrittenSpan.Slice(start, byteCount);
    }

    private void RequireNullable()
    {
        if (!Layout.Column.IsNullable)
        {
            throw new ArgumentException($"Column '{Layout.Column.Name}' is not nullable but a null was appended.");
        }
    }
}
