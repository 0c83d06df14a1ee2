using System.Buffers.Binary;
using ResistanceSim.Parquet.Compression;
using ResistanceSim.Parquet.Encodings;
using ResistanceSim.Parquet.Format;
using ResistanceSim.Parquet.Thrift;

namespace ResistanceSim.Parquet.Reading;

/// <summary>The decoded contents of one column chunk: its levels (null when the level is always 0) and non-null values.</summary>
internal sealed record DecodedChunk<T>(int LevelCount, int[]? DefinitionLevels, int[]? RepetitionLevels, T[] Values);

/// <summary>
/// Walks the pages of one column chunk (dictionary page, data pages v1 and v2), decompresses them and
/// decodes levels and values. Every size is checked against the chunk's bytes; a failure is reported
/// at the file offset of the page header it occurred in (or of the Thrift byte, for a corrupt header).
/// </summary>
internal sealed class ColumnChunkReader<T>
{
    /// <summary>Upper bound on the values of one page: RLE can describe huge pages in a few bytes, so this caps what corrupt metadata can make us allocate.</summary>
    private const int MaxValuesPerPage = 1 << 27;

    private readonly ColumnLayout _layout;
    private readonly ParquetCompression _codec;
    private readonly long _chunkFileOffset;
    private readonly LeafValueDecoder<T> _decoder;
    private T[]? _dictionary;

    /// <param name="chunkFileOffset">The file position of the chunk's first byte.</param>
    public ColumnChunkReader(ColumnLayout layout, ParquetCompression codec, long chunkFileOffset)
    {
        _layout = layout;
        _codec = codec;
        _chunkFileOffset = chunkFileOffset;
        _decoder = LeafValueDecoder<T>.For(layout.Column);
    }

    public DecodedChunk<T> Read(byte[] chunk, long expectedLevels)
    {
        if (expectedLevels < 0)
        {
            throw new ParquetFormatException("Column chunk has a negative value count.");
        }

        bool hasDefinition = _layout.MaxDefinitionLevel > 0;
        bool hasRepetition = _layout.MaxRepetitionLevel > 0;
        var definitions = hasDefinition ? new ValueBuffer<int>(expectedLevels) : null;
        var repetitions = hasRepetition ? new ValueBuffer<int>(expectedLevels) : null;
        var values = new ValueBuffer<T>(expectedLevels);
        long levels = 0;
        int position = 0;
        while (levels < expectedLevels)
        {
            if (position >= chunk.Length)
            {
                throw new ParquetFormatException($"Column chunk ends after {levels} of {expectedLevels} values.", _chunkFileOffset + position);
            }

            int pageStart = position;
            try
            {
                var thrift = new ThriftCompactReader(chunk, position, chunk.Length - position, _chunkFileOffset);
                PageHeader header = MetadataReader.ReadPageHeader(thrift);
                position = thrift.Position;
                if (header.CompressedPageSize > chunk.Length - position)
                {
                    throw new ParquetFormatException("Page runs past its column chunk.");
                }

                switch (header.Type)
                {
                    case PageType.DictionaryPage:
                        ReadDictionaryPage(header, chunk, position);
                        break;
                    case PageType.DataPage:
                        levels += ReadDataPageV1(header, chunk, position, expectedLevels - levels, definitions, repetitions, values);
                        break;
                    case PageType.DataPageV2:
                        levels += ReadDataPageV2(header, chunk, position, expectedLevels - levels, definitions, repetitions, values);
                        break;
                    default:
                        break; // index pages carry nothing we need
                }

                position += header.CompressedPageSize;
            }
            catch (Exception e) when (e is ParquetFormatException { Offset: null } || DecodingFailure.Is(e))
            {
                throw DecodingFailure.At(e, _chunkFileOffset + pageStart);
            }
        }

        return new DecodedChunk<T>((int)levels, definitions?.ToArray(), repetitions?.ToArray(), values.ToArray());
    }

    private void ReadDictionaryPage(PageHeader header, byte[] chunk, int position)
    {
        DictionaryPageHeader dictionaryHeader = header.DictionaryPageHeader
            ?? throw new ParquetFormatException("Dictionary page lacks its header.");
        if (_dictionary is not null)
        {
            throw new ParquetFormatException("Column chunk has more than one dictionary page.");
        }

        if (dictionaryHeader.Encoding is not (ParquetEncoding.Plain or ParquetEncoding.PlainDictionary))
        {
            throw new ParquetFormatException($"Dictionary page encoding {dictionaryHeader.Encoding} is not supported.");
        }

        byte[] data = PageCompressor.Decompress(_codec, chunk, position, header.CompressedPageSize, header.UncompressedPageSize);
        if (dictionaryHeader.NumValues < 0 || dictionaryHeader.NumValues > data.Length * 8L + 1)
        {
            throw new ParquetFormatException("Dictionary page has an implausible entry count.");
        }

        var entries = new ValueBuffer<T>(dictionaryHeader.NumValues);
        _decoder.Decode(ParquetEncoding.Plain, data, dictionaryHeader.NumValues, entries);
        _dictionary = entries.ToArray();
    }

    private int ReadDataPageV1(PageHeader header, byte[] chunk, int position, long remaining, ValueBuffer<int>? definitions, ValueBuffer<int>? repetitions, ValueBuffer<T> values)
    {
        DataPageHeader dataHeader = header.DataPageHeader ?? throw new ParquetFormatException("Data page lacks its header.");
        int count = CheckPageValueCount(dataHeader.NumValues, remaining);
        byte[] page = PageCompressor.Decompress(_codec, chunk, position, header.CompressedPageSize, header.UncompressedPageSize);
        ReadOnlySpan<byte> body = page;
        if (repetitions is not null)
        {
            RequireRle(dataHeader.RepetitionLevelEncoding);
            body = DecodeLengthPrefixedLevels(body, count, _layout.MaxRepetitionLevel, repetitions);
        }

        int nonNull = count;
        if (definitions is not null)
        {
            RequireRle(dataHeader.DefinitionLevelEncoding);
            body = DecodeLengthPrefixedLevels(body, count, _layout.MaxDefinitionLevel, definitions);
            nonNull = CountPresent(definitions.Items[^count..]);
        }

        DecodeValues(dataHeader.Encoding, body, nonNull, values);
        return count;
    }

    private int ReadDataPageV2(PageHeader header, byte[] chunk, int position, long remaining, ValueBuffer<int>? definitions, ValueBuffer<int>? repetitions, ValueBuffer<T> values)
    {
        DataPageHeaderV2 dataHeader = header.DataPageHeaderV2 ?? throw new ParquetFormatException("Data page v2 lacks its header.");
        int count = CheckPageValueCount(dataHeader.NumValues, remaining);
        int repetitionLength = dataHeader.RepetitionLevelsByteLength;
        int definitionLength = dataHeader.DefinitionLevelsByteLength;
        if (repetitionLength < 0 || definitionLength < 0 || (long)repetitionLength + definitionLength > header.CompressedPageSize
            || (long)repetitionLength + definitionLength > header.UncompressedPageSize)
        {
            throw new ParquetFormatException("Data page v2 level lengths exceed the page.");
        }

        // v2 levels are never compressed and carry no length prefix; only the values section is.
        ReadOnlySpan<byte> levelBytes = chunk.AsSpan(position, repetitionLength + definitionLength);
        if (repetitions is not null)
        {
            DecodeLevels(levelBytes[..repetitionLength], count, _layout.MaxRepetitionLevel, repetitions);
        }

        int nonNull = count;
        if (definitions is not null)
        {
            DecodeLevels(levelBytes.Slice(repetitionLength, definitionLength), count, _layout.MaxDefinitionLevel, definitions);
            nonNull = CountPresent(definitions.Items[^count..]);
        }

        int valuesOffset = position + repetitionLength + definitionLength;
        int compressedValues = header.CompressedPageSize - repetitionLength - definitionLength;
        int uncompressedValues = header.UncompressedPageSize - repetitionLength - definitionLength;
        byte[] data = dataHeader.IsCompressed
            ? PageCompressor.Decompress(_codec, chunk, valuesOffset, compressedValues, uncompressedValues)
            : PageCompressor.Decompress(ParquetCompression.Uncompressed, chunk, valuesOffset, compressedValues, uncompressedValues);
        DecodeValues(dataHeader.Encoding, data, nonNull, values);
        return count;
    }

    private void DecodeValues(ParquetEncoding encoding, ReadOnlySpan<byte> data, int count, ValueBuffer<T> values)
    {
        if (encoding is ParquetEncoding.RleDictionary or ParquetEncoding.PlainDictionary)
        {
            if (count == 0)
            {
                return;
            }

            T[] dictionary = _dictionary ?? throw new ParquetFormatException("Dictionary-encoded page without a dictionary page.");

            if (data.IsEmpty)
            {
                throw new ParquetFormatException("Dictionary-encoded page lacks its bit width.");
            }

            var indices = new int[count];
            new RleBitPackedDecoder(data[1..], data[0]).Decode(indices);
            Span<T> output = values.Reserve(count);
            for (int i = 0; i < count; i++)
            {
                int index = indices[i];
                if ((uint)index >= (uint)dictionary.Length)
                {
                    throw new ParquetFormatException($"Dictionary index {index} is outside the {dictionary.Length}-entry dictionary.");
                }

                output[i] = dictionary[index];
            }

            return;
        }

        _decoder.Decode(encoding, data, count, values);
    }

    private int CountPresent(ReadOnlySpan<int> definitionLevels)
    {
        int max = _layout.MaxDefinitionLevel;
        int present = 0;
        foreach (int level in definitionLevels)
        {
            if (level == max)
            {
                present++;
            }
        }

        return present;
    }

    private static int CheckPageValueCount(int count, long remaining)
    {
        if (count < 0 || count > remaining || count > MaxValuesPerPage)
        {
            throw new ParquetFormatException($"Data page claims {count} values where at most {Math.Min(remaining, MaxValuesPerPage)} remain.");
        }

        return count;
    }

    private static void RequireRle(ParquetEncoding encoding)
    {
        if (encoding != ParquetEncoding.Rle)
        {
            throw new ParquetFormatException($"Level encoding {encoding} is not supported (only RLE).");
        }
    }

    private static ReadOnlySpan<byte> DecodeLengthPrefixedLevels(ReadOnlySpan<byte> body, int count, int maxLevel, ValueBuffer<int> into)
    {
        if (body.Length < 4)
        {
            throw new ParquetFormatException("Level section lacks its length prefix.");
        }

        int length = BinaryPrimitives.ReadInt32LittleEndian(body);
        if (length < 0 || length > body.Length - 4)
        {
            throw new ParquetFormatException("Level section length exceeds the page.");
        }

        DecodeLevels(body.Slice(4, length), count, maxLevel, into);
        return body[(4 + length)..];
    }

    private static void DecodeLevels(ReadOnlySpan<byte> data, int count, int maxLevel, ValueBuffer<int> into)
    {
        Span<int> levels = into.Reserve(count);
        new RleBitPackedDecoder(data, RleBitPackedEncoder.BitWidth(maxLevel)).Decode(levels);
        foreach (int level in levels)
        {
            if ((uint)level > (uint)maxLevel)
            {
                throw new ParquetFormatException($"Level {level} exceeds the maximum {maxLevel}.");
            }
        }
    }
}
