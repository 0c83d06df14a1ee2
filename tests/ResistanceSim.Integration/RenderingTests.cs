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
}
