using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ResistanceSim.Integration;

/// <summary>
/// A minimal PNG decoder (PNG spec, ISO/IEC 15948): reads the IHDR size, inflates the IDAT stream
/// with <see cref="ZLibStream"/> and reverses the per-scanline filters, giving raw pixel bytes.
/// Supports non-interlaced images with 8 or 16 bits per channel (what rsvg-convert and Chromium write).
/// </summary>
public sealed class PngImage
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    private PngImage(int width, int height, int bytesPerPixel, byte[] pixels)
    {
        Width = width;
        Height = height;
        BytesPerPixel = bytesPerPixel;
        Pixels = pixels;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Bytes per pixel (e.g. 4 for 8-bit RGBA).</summary>
    public int BytesPerPixel { get; }

    /// <summary>Unfiltered pixel bytes, row by row, without filter-type bytes.</summary>
    public byte[] Pixels { get; }

    /// <summary>Decodes the PNG file at <paramref name="path"/>.</summary>
    public static PngImage Load(string path) => Decode(File.ReadAllBytes(path), path);

    /// <summary>Decodes PNG bytes; <paramref name="source"/> names them in error messages.</summary>
    public static PngImage Decode(byte[] data, string source)
    {
        if (data.Length < 8 || !data.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException($"{source} is not a PNG file (bad signature).");
        }

        int width = 0, height = 0, bitDepth = 0, colorType = 0;
        using var idat = new MemoryStream();
        int offset = 8;
        while (offset + 8 <= data.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(offset));
            string type = Encoding.ASCII.GetString(data, offset + 4, 4);
            var body = data.AsSpan(offset + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(body);
                    height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                    bitDepth = body[8];
                    colorType = body[9];
                    if (body[12] != 0)
                    {
                        throw new NotSupportedException($"{source}: interlaced PNGs are not supported.");
                    }

                    break;
                case "IDAT":
                    idat.Write(body);
                    break;
            }

            offset += 12 + length; // length, type, data, CRC
            if (type == "IEND")
            {
                break;
            }
        }

        if (bitDepth is not (8 or 16))
        {
            throw new NotSupportedException($"{source}: bit depth {bitDepth} is not supported.");
        }

        int channels = colorType switch
        {
            0 => 1, // grey
            2 => 3, // RGB
            3 => 1, // palette index
            4 => 2, // grey + alpha
            6 => 4, // RGBA
            _ => throw new InvalidDataException($"{source}: unknown PNG colour type {colorType}."),
        };
        int bytesPerPixel = channels * bitDepth / 8;
        var pixels = Unfilter(Inflate(idat.ToArray()), width, height, bytesPerPixel, source);
        return new PngImage(width, height, bytesPerPixel, pixels);
    }

    /// <summary>The raw bytes of pixel (x, y).</summary>
    public ReadOnlySpan<byte> Pixel(int x, int y) => Pixels.AsSpan(((y * Width) + x) * BytesPerPixel, BytesPerPixel);

    /// <summary>Number of distinct pixel values, counting at most <paramref name="stopAt"/>.</summary>
    public int CountDistinctColors(int stopAt = int.MaxValue)
    {
        var seen = new HashSet<string>();
        for (int i = 0; i < Pixels.Length && seen.Count < stopAt; i += BytesPerPixel)
        {
            seen.Add(Convert.ToHexString(Pixels, i, BytesPerPixel));
        }

        return seen.Count;
    }

    /// <summary>Fraction of pixels whose value differs from the top-left pixel (the background).</summary>
    public double FractionDifferentFromBackground()
    {
        var background = Pixel(0, 0).ToArray();
        long different = 0;
        for (int i = 0; i < Pixels.Length; i += BytesPerPixel)
        {
            if (!Pixels.AsSpan(i, BytesPerPixel).SequenceEqual(background))
            {
                different++;
            }
        }

        return different / (double)(Width * (long)Height);
    }

    private static byte[] Inflate(byte[] compressed)
    {
        using var input = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Reverses the five PNG scanline filters (None, Sub, Up, Average, Paeth).</summary>
    private static byte[] Unfilter(byte[] filtered, int width, int height, int bpp, string source)
    {
        int stride = width * bpp;
        if (filtered.Length < (long)height * (stride + 1))
        {
            throw new InvalidDataException($"{source}: image data is shorter than {width}x{height} pixels.");
        }

        var pixels = new byte[height * stride];
        for (int y = 0; y < height; y++)
        {
            int filter = filtered[y * (stride + 1)];
            var line = filtered.AsSpan((y * (stride + 1)) + 1, stride);
            var current = pixels.AsSpan(y * stride, stride);
            var previous = y > 0 ? pixels.AsSpan((y - 1) * stride, stride) : new byte[stride];
            for (int i = 0; i < stride; i++)
            {
                int left = i >= bpp ? current[i - bpp] : 0;
                int up = previous[i];
                int upLeft = i >= bpp ? previous[i - bpp] : 0;
                int predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"{source}: unknown filter type {filter} on row {y}."),
                };
                current[i] = (byte)(line[i] + predictor);
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
