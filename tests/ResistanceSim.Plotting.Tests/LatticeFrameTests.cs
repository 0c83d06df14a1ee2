using System.Xml;
using System.Xml.Linq;
using ResistanceSim.Plotting.Raster;
using ResistanceSim.Plotting.Report;
using SkiaSharp;

namespace ResistanceSim.Plotting.Tests;

/// <summary>Lattice frames (PNG through SkiaSharp) and the report's script-free frame slider.</summary>
public class LatticeFrameTests
{
    [Fact]
    public void AFrameIsAPngWithOneSquarePerSiteInTheStateColours()
    {
        byte[] png = LatticeFrame.Png(10, 5, [new FrameCell(0, 0, false), new FrameCell(9, 4, true)]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        using var bitmap = SKBitmap.Decode(png);
        int scale = LatticeFrame.PixelsPerSite(10, 5);
        Assert.Equal(60, scale);
        Assert.Equal((600, 300), (bitmap.Width, bitmap.Height));
        Assert.Equal(new SKColor(0x4C, 0x72, 0xB0), bitmap.GetPixel(scale / 2, scale / 2));            // sensitive at (0, 0)
        Assert.Equal(new SKColor(0xDD, 0x51, 0x44), bitmap.GetPixel(9 * scale + 1, 4 * scale + 1));    // resistant at (9, 4)
        Assert.Equal(new SKColor(0xFF, 0xFF, 0xFF), bitmap.GetPixel(5 * scale, 2 * scale));            // empty
        Assert.Throws<ArgumentException>(() => LatticeFrame.Png(10, 5, [new FrameCell(10, 0, true)]));
    }

    [Fact]
    public void FramesGetAScriptFreeSliderWithEveryFrameInline()
    {
        var frames = Enumerable.Range(0, 3).Select(d => ($"day {d * 5}", LatticeFrame.Png(4, 4, [new FrameCell(d, d, d == 2)]))).ToArray();
        string html = new HtmlReport("frames").AddFrames("lattice", frames).Build();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        var all = XDocument.Load(reader).Descendants().ToArray();

        var radios = all.Where(e => e.Name.LocalName == "input").ToArray();
        Assert.Equal(3, radios.Length);
        Assert.Equal(["checked", null, null], radios.Select(r => r.Attribute("checked")?.Value));
        Assert.Equal(["day 0", "day 5", "day 10"], all.Where(e => e.Name.LocalName == "label").Select(l => l.Value));
        var images = all.Where(e => e.Name.LocalName == "img").ToArray();
        Assert.Equal(3, images.Length);
        for (int f = 0; f < 3; f++)
            Assert.Equal("data:image/png;base64," + Convert.ToBase64String(frames[f].Item2), images[f].Attribute("src")!.Value);
        // Each step shows its own frame.
        Assert.All(Enumerable.Range(0, 3), f => Assert.Contains($"#frames-1-{f}:checked ~ .frame-{f} {{ display: block; }}", html, StringComparison.Ordinal));
    }
}
