namespace ResistanceSim.Integration;

/// <summary>The two real renderers the integration tests use: librsvg for SVG, headless Chromium for HTML.</summary>
public static class Renderers
{
    private const string InstallHint = "apt-get update && apt-get install -y librsvg2-bin chromium";

    /// <summary>Renders an SVG file to PNG at its own size with rsvg-convert.</summary>
    public static void SvgToPng(string svgPath, string pngPath)
    {
        string rsvg = ExternalTool.Require("rsvg-convert", InstallHint);
        ExternalTool.Run(rsvg, ["--format", "png", "--output", pngPath, svgPath], TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// Screenshots a local HTML file with headless Chromium into <paramref name="pngPath"/>, using a
    /// fresh profile directory and no network-facing background services.
    /// </summary>
    public static void ScreenshotHtml(string htmlPath, string pngPath, int width, int height)
    {
        string chromium = ExternalTool.Require("/usr/bin/chromium", InstallHint);
        string profile = Directory.CreateTempSubdirectory("rs-chromium-").FullName;
        try
        {
            ExternalTool.Run(chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
                "--user-data-dir=" + profile,
                $"--window-size={width},{height}",
                "--screenshot=" + pngPath,
                new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri,
            ], TimeSpan.FromSeconds(120));
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
