using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using ResistanceSim.Parquet.Encodings;

namespace ResistanceSim.Parquet.Reading;

/// <summary>Decodes the non-null values of a data or dictionary page for one physical type.</summary>
internal abstract class LeafValueDecoder<T>
{
    public abstract void Decode(ParquetEncoding encoding, ReadOnlySpan<byte> data, int count, ValueBuffer<T> into);

    protected static ParquetFormatException Unsupported(ParquetEncoding encoding) =>
        new($"Encoding {encoding} is not supported for {typeof(T).Name} values.");

    public static LeafValueDecoder<T> For(ParquetColumn column)
    {
        object decoder = column.ValueKind switch
        {
            ParquetValueKind.Boolean => new BooleanValueDecoder(),
            ParquetValueKind.Int32 => new FixedWidthValueDecoder<int>(),
            ParquetValueKind.Int64 => new FixedWidthValueDecoder<long>(),
            ParquetValueKind.Float => new FixedWidthValueDecoder<float>(),
            ParquetValueKind.Double => new FixedWidthValueDecoder<double>(),
            ParquetValueKind.String => new ByteArrayValueDecoder<string>(bytes => Encoding.UTF8.GetString(bytes)),
            _ when column.TypeLength > 0 => new FixedLenByteArrayValueDecoder(column.TypeLength),
            _ => new ByteArrayValueDecoder<byte[]>(bytes => bytes.ToArray()),
        };
        return decoder as LeafValueDecoder<T>
            ?? throw new InvalidOperationException($"Column '{column.Name}' holds {column.ValueKind} values, not {typeof(T).Name}.");
    }
}

internal sealed class FixedWidthValueDecoder<T> : LeafValueDecoder<T>
    where T : unmanaged
{
    public override void Decode(ParquetEncoding encoding, ReadOnlySpan<byte> data, int count, ValueBuffer<T> into)
    {
        int size = Unsafe.SizeOf<T>();
        switch (encoding)
        {
            case ParquetEncoding.Plain:
                RequireBytes(data, (long)count * size);
                MemoryMarshal.Cast<byte, T>(data[..(count * size)]).CopyTo(into.Reserve(count));
                break;
            case ParquetEncoding.ByteStreamSplit:
                {
                    RequireBytes(data, (long)count * size);
                    Span<byte> output = MemoryMarshal.AsBytes(into.Reserve(count));
                    for (int i = 0; i < count; i++)
                    {
                        for (int b = 0; b < size; b++)
                        {
                            output[(i * size) + b] = data[(b * count) + i];
                        }
                    }

                    break;
                }

            case ParquetEncoding.DeltaBinaryPacked when typeof(T) == typeof(int) || typeof(T) == typeof(long):
                {
                    var deltas = new ValueBuffer<long>(count);
                    DeltaBinaryPackedDecoder.Decode(data, deltas, out int decoded);
                    if (decoded < count)
                    {
                        throw new ParquetFormatException("DELTA_BINARY_PACKED page has fewer values than expected.");
                    }

                    Span<T> output = into.Reserve(count);
                    ReadOnlySpan<long> values = deltas.Items;
                    for (int i = 0; i < count; i++)
                    {
                        if (typeof(T) == typeof(int))
                        {
                            int narrowed = unchecked((int)values[i]);
                            output[i] = Unsafe.As<int, T>(ref narrowed);
                        }
                        else
                        {
                            long wide = values[i];
                            output[i] = Unsafe.As<long, T>(ref wide);
                        }
                    }

                    break;
                }

            default:
                throw Unsupported(encoding);
        }
    }

    private static void RequireBytes(ReadOnlySpan<byte> data, long needed)
    {
        if (needed > data.Length)
        {
            throw new ParquetFormatException($"Page holds {data.Length} value bytes but {needed} are needed.");
        }
    }
}

internal sealed class BooleanValueDecoder : LeafValueDecoder<bool>
{
    public override void Decode(ParquetEncoding encoding, ReadOnlySpan<byte> data, int count, ValueBuffer<bool> into)
    {
        Span<bool> output = into.Reserve(count);
        switch (encoding)
        {
            case ParquetEncoding.Plain:
                if ((count + 7L) / 8 > data.Length)
                {
                    throw new ParquetFormatException("PLAIN BOOLEAN data is shorter than its value count.");
                }

                for (int i = 0; i < count; i++)
                {
                    output[i] = (data[i >> 3] & (1 << (i & 7))) != 0;
                }

                break;
            case ParquetEncoding.Rle:
                {
                    if (data.Length < 4)
                    {
                        throw new ParquetFormatException("RLE BOOLEAN data lacks its length prefix.");
                    }

                    int length = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(data);
                    if (length < 0 || length > data.Length - 4)
                    {
                        throw new ParquetFormatException("RLE BOOLEAN length exceeds the page.");
                    }

                    var bits = new int[count];
                    new RleBitPackedDecoder(data.Slice(4, length), 1).Decode(bits);
                    for (int i = 0; i < count; i++)
                    {
                        output[i] = bits[i] != 0;
                    }

                    break;
                }

            default:
                throw Unsupported(encoding);
        }
    }
}

/// <summary>Converts one BYTE_ARRAY value to its .NET form.</summary>
internal delegate T BytesConverter<out T>(ReadOnlySpan<byte> bytes);

internal sealed class ByteArrayValueDecoder<T> : LeafValueDecoder<T>
{
    private readonly BytesConverter<T> _convert;

    public ByteArrayValueDecoder(BytesConverter<T> convert) => _convert = convert;

    public override void Decode(ParquetEncoding encoding, ReadOnlySpan<byte> data, int count, ValueBuffer<T> into)
    {
        if (count > data.Length && encoding == ParquetEncoding.Plain)
        {
            throw new ParquetFormatException("PLAIN BYTE_ARRAY data is shorter than its value count.");
        }

        switch (encoding)
        {
            case ParquetEncoding.Plain:
            case ParquetEncoding.DeltaLengthByteArray:
                {
                    var ranges = new (int Offset, int Length)[count];
                    if (encoding == ParquetEncoding.Plain)
                    {
                        ByteArrayDecoding.DecodePlainRanges(data, count, ranges);
                    }
                    else
                    {
                        ByteArrayDecoding.DecodeDeltaLengthRanges(data, count, ranges);
                    }

                    Span<T> output = into.Reserve(count);
                    for (int i = 0; i < count; i++)
                    {
                        output[i] = _convert(data.Slice(ranges[i].Offset, ranges[i].Length));
                    }

                    break;
                }

            case ParquetEncoding.DeltaByteArray:
                {
                    byte[][] values = ByteArrayDecoding.DecodeDeltaByteArray(data, count);
                    Span<T> output = into.Reserve(count);
                    for (int i = 0; i < count; i++)
                    {
                        output[i] = _convert(values[i]);
                    }

                    break;
                }

            default:
                throw Unsupported(encoding);
        }
    }
}

internal sealed class FixedLenByteArrayValueDecoder : LeafValueDecoder<byte[]>
{
    private readonly int _length;

    public FixedLenByteArrayValueDecoder(int length) => _length = length;

    public override void Decode(ParquetEncoding encoding, ReadOnlySpan<byte> data, int count, ValueBuffer<byte[]> into)
    {
        if ((long)count * _length > data.Length)
        {
            throw new ParquetFormatException("FIXED_LEN_BYTE_ARRAY data is shorter than its value count.");
        }

        Span<byte[]> output = into.Reserve(count);
        switch (encoding)
        {
            case ParquetEncoding.Plain:
                for (int i = 0; i < count; i++)
                {
                    output[i] = data.Slice(i * _length, _length).ToArray();
                }

                break;
            case ParquetEncoding.ByteStreamSplit:
                for (int i = 0; i < count; i++)
                {
                    var value = new byte[_length];
                    for (int b = 0; b < _length; b++)
                    {
                        value[b] = data[(b * count) + i];
                    }

                    output[i] = value;
                }

                break;
            default:
                throw Unsupported(encoding);
        }
    }
}
