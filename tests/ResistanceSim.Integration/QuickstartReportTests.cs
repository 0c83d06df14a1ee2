using System.Globalization;
using ResistanceSim.Plotting.Tests;

namespace ResistanceSim.Integration;

/// <summary>The quickstart run's own report and plots, rendered by real Chromium and rsvg-convert.</summary>
[Trait("Category", "Integration")]
public sealed class QuickstartReportTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("rs-quickstart-");

    public void Dispose() => _work.Delete(recursive: true);

    private string RunQuickstart()
    {
        string scenario = Path.Combine(RepositoryRoot(), "scenarios", "quickstart.yaml");
        var error = new StringWriter();
        int code = ResistanceSim.Cli.CommandLine.InvokeAsync(["run", scenario, "--out", _work.FullName, "--replicates", "2"],
            TextWriter.Null, error, CancellationToken.None).GetAwaiter().GetResult();
        Assert.True(code == 0, error.ToString());
        return Path.Combine(_work.FullName, "quickstart");
    }

    [Fact]
    public void Chromium_screenshots_the_quickstart_report()
    {
        string run = RunQuickstart();
        string report = Path.Combine(run, "report.html");
        string png = Path.Combine(_work.FullName, "report.png");
        Renderers.ScreenshotHtml(report, png, 1280, 2000);
        PngChecks.AssertRendered(png, 1280, 2000, minDistinctColors: 24, minInkFraction: 0.02);
    }

    [Fact]
    public void Rsvg_renders_every_plot_of_the_quickstart_run()
    {
        string run = RunQuickstart();
        var plots = Directory.GetFiles(Path.Combine(run, "plots"), "*.svg");
        Assert.Contains(plots, p => p.EndsWith("population.svg", StringComparison.Ordinal));
        Assert.Contains(plots, p => p.EndsWith("muller.svg", StringComparison.Ordinal));
        foreach (var svgPath in plots)
        {
            var root = SvgInspection.Parse(File.ReadAllText(svgPath));
            int width = int.Parse((string)root.Attribute("width")!, CultureInfo.InvariantCulture);
            int height = int.Parse((string)root.Attribute("height")!, CultureInfo.InvariantCulture);
            string png = Path.ChangeExtension(svgPath, ".png");
            Renderers.SvgToPng(svgPath, png);
            PngChecks.AssertRendered(png, width, height, minDistinctColors: 24, minInkFraction: 0.02);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ResistanceSim.sln"))) return dir.FullName;
        throw new InvalidOperationException("ResistanceSim.sln not found");
    }
}
