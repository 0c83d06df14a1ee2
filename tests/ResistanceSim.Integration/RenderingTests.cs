using System.Globalization;
using ResistanceSim.Plotting.Tests;

namespace ResistanceSim.Integration;

[Trait("Category", "Integration")]
public sealed class RenderingTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("rs-render-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public void Rsvg_renders_every_chart_at_its_declared_size_with_visible_content()
    {
        foreach (var (name, render) in SvgInspection.AllSampleCharts())
        {
            string svg = render();
            var root = SvgInspection.Parse(svg);
            int width = int.Parse((string)root.Attribute("width")!, CultureInfo.InvariantCulture);
            int height = int.Parse((string)root.Attribute("height")!, CultureInfo.InvariantCulture);
            string svgPath = Path.Combine(_work.FullName, name + ".svg");
            string pngPath = Path.Combine(_work.FullName, name + ".png");
            File.WriteAllText(svgPath, svg);
            Renderers.SvgToPng(svgPath, pngPath);
            // Charts are mostly white: 2% ink and 24 colours (anti-aliased lines, several series) is a clear floor.
            PngChecks.AssertRendered(pngPath, width, height, minDistinctColors: 24, minInkFraction: 0.02);
        }
    }

    [Fact]
    public void Chromium_screenshots_the_sample_report_with_visible_content()
    {
        string htmlPath = Path.Combine(_work.FullName, "report.html");
        string pngPath = Path.Combine(_work.FullName, "report.png");
        File.WriteAllText(htmlPath, SampleReport.Build());
        Renderers.ScreenshotHtml(htmlPath, pngPath, 1280, 2000);
        PngChecks.AssertRendered(pngPath, 1280, 2000, minDistinctColors: 64, minInkFraction: 0.03);
    }

    [Fact]
    public void Png_checks_reject_a_blank_image()
    {
        // A blank SVG through the same pipeline must fail the non-blank check: the check can fail.
        string svgPath = Path.Combine(_work.FullName, "blank.svg");
        string pngPath = Path.Combine(_work.FullName, "blank.png");
        File.WriteAllText(svgPath, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\"><rect width=\"200\" height=\"100\" fill=\"#ffffff\"/></svg>");
        Renderers.SvgToPng(svgPath, pngPath);
        var image = PngImage.Load(pngPath);
        Assert.Equal((200, 100), (image.Width, image.Height));
        Assert.ThrowsAny<Exception>(() => PngChecks.AssertNotBlank(image, "blank"));
    }

    [Fact]
    public void Png_decoder_reads_back_the_colours_rsvg_drew()
    {
        // Two solid halves and a diagonal line exercise the scanline filters the encoder chooses.
        string svgPath = Path.Combine(_work.FullName, "halves.svg");
        string pngPath = Path.Combine(_work.FullName, "halves.png");
        File.WriteAllText(svgPath, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\">"
            + "<rect width=\"100\" height=\"100\" fill=\"#ff0000\"/><rect x=\"100\" width=\"100\" height=\"100\" fill=\"#0000ff\"/>"
            + "<line x1=\"0\" y1=\"0\" x2=\"200\" y2=\"100\" stroke=\"#00ff00\" stroke-width=\"3\"/></svg>");
        Renderers.SvgToPng(svgPath, pngPath);
        var image = PngImage.Load(pngPath);
        Assert.InRange(image.BytesPerPixel, 3, 4); // 8-bit RGB or RGBA
        string Rgb(int x, int y) => Convert.ToHexString(image.Pixel(x, y)[..3]);
        Assert.Equal("FF0000", Rgb(10, 90));
        Assert.Equal("0000FF", Rgb(190, 10));
        Assert.Equal("00FF00", Rgb(100, 50));
    }

    [Fact]
    public void A_missing_tool_fails_with_the_install_command()
    {
        var error = Assert.ThrowsAny<Exception>(() => ExternalTool.Require("no-such-renderer-xyz", "apt-get install -y something"));
        Assert.Contains("apt-get install -y something", error.Message, StringComparison.Ordinal);
    }
}
