using System.Globalization;

namespace ResistanceSim.Integration;

/// <summary>
/// Reusable assertions on rendered PNG files: exact pixel size, and "not blank" measured two ways
/// (distinct colours, share of pixels that differ from the background).
/// </summary>
public static class PngChecks
{
    /// <summary>
    /// Asserts that <paramref name="path"/> is a PNG of exactly <paramref name="width"/> ×
    /// <paramref name="height"/> pixels with at least <paramref name="minDistinctColors"/> colours and
    /// at least <paramref name="minInkFraction"/> of its pixels different from the background.
    /// </summary>
    public static PngImage AssertRendered(string path, int width, int height, int minDistinctColors = 16, double minInkFraction = 0.01)
    {
        Assert.True(File.Exists(path), $"expected a PNG at {path}, but there is no file");
        var image = PngImage.Load(path);
        Assert.True(image.Width == width && image.Height == height,
            $"{path}: expected {width}x{height} px, got {image.Width}x{image.Height}");
        AssertNotBlank(image, path, minDistinctColors, minInkFraction);
        return image;
    }

    /// <summary>Asserts that the image has content, not just a background colour.</summary>
    public static void AssertNotBlank(PngImage image, string name, int minDistinctColors = 16, double minInkFraction = 0.01)
    {
        int colors = image.CountDistinctColors(stopAt: minDistinctColors);
        Assert.True(colors >= minDistinctColors, $"{name}: only {colors} distinct colours; the image looks blank");
        double ink = image.FractionDifferentFromBackground();
        Assert.True(ink >= minInkFraction,
            string.Create(CultureInfo.InvariantCulture, $"{name}: only {ink:P2} of pixels differ from the background"));
    }
}
