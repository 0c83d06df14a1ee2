using System.IO.Compression;
using ResistanceSim.Parquet.IO;

namespace ResistanceSim.Parquet.Compression;

/// <summary>
/// Page compression for the codecs this library supports (Compression.md): SNAPPY is the raw
/// block format (no framing), GZIP is RFC 1952 gzip.
/// </summary>
internal static class PageCompressor
{
    public static bool IsSupported(ParquetCompression codec) =>
        codec is ParquetCompression.Uncompressed or ParquetCompression.Snappy or ParquetCompression.Gzip;

    /// <summary>Appends the compressed form of <paramref name="input"/> to <paramref name="output"/>.</summary>
    public static void Compress(ParquetCompression codec, ReadOnlySpan<byte> input, ByteBuffer output)
    {
        switch (codec)
        {
            case ParquetCompression.Uncompressed:
                output.Write(input);
                break;
            case ParquetCompression.Snappy:
                output.Write(IronSnappy.Snappy.Encode(input));
                break;
            case ParquetCompression.Gzip:
                using (var gzip = new GZipStream(new ByteBufferStream(output), CompressionLevel.Optimal, leaveOpen: false))
                {
                    gzip.Write(input);
                }

                break;
            default:
                throw new NotSupportedException($"The writer does not support {codec} compression.");
        }
    }

    /// <summary>Compresses into a new array (no intermediate copies); the payload is <c>result[..length]</c>.</summary>
    public static byte[] CompressToArray(ParquetCompression codec, ReadOnlySpan<byte> input, out int length)
    {
        switch (codec)
        {
            case ParquetCompression.Snappy:
                byte[] snappy = IronSnappy.Snappy.Encode(input);
                length = snappy.Length;
                return snappy;
            case ParquetCompression.Gzip:
                var memory = new MemoryStream(Math.Max(64, input.Length / 4));
                using (var gzip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true))
                {
                    gzip.Write(input);
                }

                length = (int)memory.Length;
                return memory.GetBuffer();
            default:
                length = input.Length;
                return input.ToArray();
        }
    }

    /// <summary>Decompresses a page whose header promises <paramref name="uncompressedSize"/> bytes; any mismatch is corruption.</summary>
    public static byte[] Decompress(ParquetCompression codec, byte[] source, int offset, int length, int uncompressedSize)
    {
        // No codec expands beyond these ratios (snappy copies: 64 bytes from 3; deflate: ~1032:1), so a
        // larger claim is corruption and must not drive an allocation.
        long maxExpansion = codec == ParquetCompression.Gzip ? 1100L : 32L;
        if (uncompressedSize > (long)length * maxExpansion + 1024)
        {
            throw new ParquetFormatException($"Page claims {uncompressedSize} uncompressed bytes from {length} compressed bytes.");
        }

        switch (codec)
        {
            case ParquetCompression.Uncompressed:
                if (length != uncompressedSize)
                {
                    throw new ParquetFormatException("Uncompressed page sizes disagree in the page header.");
                }

                return source.AsSpan(offset, length).ToArray();
            case ParquetCompression.Snappy:
                return DecompressSnappy(source.AsSpan(offset, length), uncompressedSize);
            case ParquetCompression.Gzip:
                return DecompressGzip(source, offset, length, uncompressedSize);
            default:
                throw new ParquetFormatException($"Compression codec {codec} is not supported by this reader.");
        }
    }

    private static byte[] DecompressSnappy(ReadOnlySpan<byte> input, int uncompressedSize)
    {
        // The block starts with the decoded length as a varint; check it before the decoder allocates.
        ulong declared = 0;
        int shift = 0, position = 0;
        while (true)
        {
            if (position >= input.Length || shift > 35)
            {
                throw new ParquetFormatException("Snappy block has a corrupt length preamble.");
            }

            byte b = input[position++];
            declared |= (ulong)(b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0)
            {
                break;
            }
        }

        if (declared != (ulong)uncompressedSize)
        {
            throw new ParquetFormatException($"Snappy block decodes to {declared} bytes but the page header says {uncompressedSize}.");
        }

        byte[] result;
        try
        {
            result = IronSnappy.Snappy.Decode(input);
        }
        catch (Exception e) when (e is not ParquetFormatException and not OutOfMemoryException)
        {
            throw new ParquetFormatException("Snappy page data is corrupt.", e);
        }

        if (result.Length != uncompressedSize)
        {
            throw new ParquetFormatException("Snappy page decoded to the wrong size.");
        }

        return result;
    }

    private static byte[] DecompressGzip(byte[] source, int offset, int length, int uncompressedSize)
    {
        var result = new byte[uncompressedSize];
        try
        {
            using var gzip = new GZipStream(new MemoryStream(source, offset, length, writable: false), CompressionMode.Decompress);
            gzip.ReadExactly(result);
            Span<byte> probe = stackalloc byte[1];
            if (gzip.Read(probe) != 0)
            {
                throw new ParquetFormatException("GZIP page decodes to more bytes than the page header says.");
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new ParquetFormatException("GZIP page data is corrupt or shorter than the page header says.", e);
        }

        return result;
    }
}
