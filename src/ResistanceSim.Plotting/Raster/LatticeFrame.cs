using SkiaSharp;

namespace ResistanceSim.Plotting.Raster;

/// <summary>One occupied site of a lattice frame: its column and row and whether its cell is resistant.</summary>
public readonly record struct FrameCell(int X, int Y, bool Resistant);

/// <summary>
/// Draws a 2D lattice (or one layer of a 3D one) as a PNG with SkiaSharp: one square of
/// <see cref="PixelsPerSite(int, int)"/> pixels per site, white where empty, blue for sensitive cells, red for
/// resistant ones, row 0 at the top. The colours are the report's palette for those two states.
/// </summary>
public static class LatticeFrame
{
    /// <summary>Frames are drawn about this many pixels across, at whole pixels per site.</summary>
    public const int TargetPixels = 600;

    private static readonly SKColor Empty = new(0xFF, 0xFF, 0xFF);
    private static readonly SKColor Sensitive = new(0x4C, 0x72, 0xB0);
    private static readonly SKColor Resistant = new(0xDD, 0x51, 0x44);

    public static int PixelsPerSite(int width, int height) => Math.Max(1, TargetPixels / Math.Max(width, height));

    /// <summary>The PNG bytes of a <paramref name="width"/> × <paramref name="height"/> lattice holding <paramref name="cells"/>.</summary>
    public static byte[] Png(int width, int height, IEnumerable<FrameCell> cells)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentNullException.ThrowIfNull(cells);
        int scale = PixelsPerSite(width, height);
        using var bitmap = new SKBitmap(width * scale, height * scale, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(Empty);
            using var sensitive = new SKPaint { Color = Sensitive, IsAntialias = false };
            using var resistant = new SKPaint { Color = Resistant, IsAntialias = false };
            foreach (var cell in cells)
            {
                if ((uint)cell.X >= (uint)width || (uint)cell.Y >= (uint)height)
                    throw new ArgumentException($"Cell ({cell.X}, {cell.Y}) lies outside the {width} × {height} lattice.", nameof(cells));
                canvas.DrawRect(cell.X * scale, cell.Y * scale, scale, scale, cell.Resistant ? resistant : sensitive);
            }
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
