using System.IO.Compression;
using Microsoft.Playwright;
using ResistanceSim.Server;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Integration.Serve;

/// <summary>
/// The teaching app in a real browser: Playwright drives Debian's Chromium against a server on loopback. A teacher's path
/// through it — gallery, lesson, slider, run, chart and answer check changing, compare, downloads, a bad YAML edit —
/// with a screenshot of each page in the test output (screenshots/) and no console error on the way.
/// </summary>
public sealed class LessonBrowserTests : IAsyncLifetime
{
    private const string InstallHint = "apt-get update && apt-get install -y chromium";
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
    private readonly List<string> _consoleErrors = [];
    private TeachingServer _server = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        string chromium = ExternalTool.Require("/usr/bin/chromium", InstallHint);
        _server = await TeachingServer.StartAsync(new ServerOptions
        {
            Port = 0,
            LessonsFolder = Path.Combine(Repository.Root, "lessons"),
            // The other integration tests run beside these and can slow a run several-fold: no run here may meet the wall-time limit.
            Limits = new ServerLimits { MaxWallTime = TimeSpan.FromMinutes(5) },
        });
        _playwright = await Playwright.CreateAsync();
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });
        var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 }, AcceptDownloads = true });
        _page = await context.NewPageAsync();
        _page.Console += (_, message) => { if (message.Type == "error") _consoleErrors.Add(message.Text); };
        _page.PageError += (_, error) => _consoleErrors.Add(error);
        Directory.CreateDirectory(Screenshots);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _server.DisposeAsync();
    }

    private Task ScreenshotAsync(string name) => _page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    /// <summary>Clicks Run and waits until a run newer than <paramref name="previousZip"/> is shown; returns its zip link.</summary>
    private async Task<string> RunAsync(string button, string? previousZip)
    {
        await _page.ClickAsync(button);
        await _page.WaitForFunctionAsync(
            "previous => { const a = document.querySelector('#zip'); return a && !document.querySelector('#results').hidden && a.getAttribute('href') !== previous; }",
            previousZip ?? "#", new() { Timeout = 60_000 });
        await _page.WaitForFunctionAsync("() => [...document.querySelectorAll('#current .charts img')].every(i => i.complete && i.naturalWidth > 0)");
        return (await _page.GetAttributeAsync("#zip", "href"))!;
    }

    /// <summary>The YAML editor's selection: its start and end offsets in the text.</summary>
    private Task<int[]> SelectionAsync() => _page.EvalOnSelectorAsync<int[]>("#yaml-text", "t => [t.selectionStart, t.selectionEnd]");

    private async Task<string> CurrentPopulationChartAsync()
    {
        string src = (await _page.GetAttributeAsync("#current .charts img[alt=population]", "src"))!;
        return await (await _page.APIRequest.GetAsync(new Uri(new Uri(_server.Url), src).ToString())).TextAsync();
    }

    [Fact]
    public async Task A_teacher_runs_a_lesson_moves_a_slider_compares_and_downloads()
    {
        // Gallery: every lesson.
        await _page.GotoAsync(_server.Url);
        Assert.Equal(7, await _page.Locator(".gallery .card").CountAsync());
        await ScreenshotAsync("gallery");

        // Lesson 4 at its defaults: the combination shrinks the culture, so question 2's expected answer holds.
        await _page.ClickAsync("text=4. Bypass resistance, and rescue by a combination");
        await _page.WaitForSelectorAsync("input[name=erlotinib_nM]");
        await ScreenshotAsync("lesson");
        string firstZip = await RunAsync("#run", null);
        string firstChart = await CurrentPopulationChartAsync();
        Assert.StartsWith("<svg", firstChart.TrimStart(), StringComparison.Ordinal);
        var checks = _page.Locator(".question .check:not(.previous-check)");
        Assert.StartsWith("✓", await checks.Nth(1).TextContentAsync(), StringComparison.Ordinal);

        // Slider: no erlotinib. The chart changes and question 2's check no longer holds.
        await _page.Locator("input[name=erlotinib_nM]").FillAsync("0");
        Assert.Equal("0", await _page.Locator("input[name=erlotinib_nM] + output").TextContentAsync());
        string secondZip = await RunAsync("#run", firstZip);
        Assert.NotEqual(firstChart, await CurrentPopulationChartAsync());
        Assert.StartsWith("✗", await checks.Nth(1).TextContentAsync(), StringComparison.Ordinal);
        Assert.StartsWith("✓", await checks.Nth(0).TextContentAsync(), StringComparison.Ordinal);

        // Compare with previous: the first run's charts and checks beside this one's.
        await _page.ClickAsync("#compare");
        await _page.WaitForSelectorAsync("#previous .charts img[alt=population]");
        Assert.Equal(firstZip.Replace("/zip", "/charts/population.svg", StringComparison.Ordinal),
            await _page.GetAttributeAsync("#previous .charts img[alt=population]", "src"));
        Assert.StartsWith("Previous run: ✓", await _page.Locator(".question .previous-check").Nth(1).TextContentAsync(), StringComparison.Ordinal);
        await ScreenshotAsync("lesson-compare");

        // Downloads: the run directory as a zip, and the YAML that reproduces it (erlotinib at 0).
        var zipDownload = await _page.RunAndWaitForDownloadAsync(() => _page.ClickAsync("#zip"));
        string zipPath = Path.Combine(Screenshots, "run.zip");
        await zipDownload.SaveAsAsync(zipPath);
        using (var zip = ZipFile.OpenRead(zipPath))
            Assert.Contains(zip.Entries, e => e.FullName == "egfr-bypass-rescue/scenario.yaml");
        var yamlDownload = await _page.RunAndWaitForDownloadAsync(() => _page.ClickAsync("#yaml"));
        Assert.Equal("egfr-bypass-rescue.yaml", yamlDownload.SuggestedFilename);
        string yaml = await File.ReadAllTextAsync((await yamlDownload.PathAsync())!);
        Assert.Matches(@"\n    erlotinib:\n      concentration_nM: 0\n", yaml.ReplaceLineEndings("\n"));
        Assert.True(ResistanceSim.Runs.RunnableScenario.Parse(yaml, "downloaded.yaml").Succeeded);
        Assert.Equal(secondZip, await _page.GetAttributeAsync("#zip", "href"));

        // A bundled scenario from the gallery: Run runs its YAML.
        await _page.GotoAsync(_server.Url);
        await _page.ClickAsync("a[href='/scenarios/egfr-bypass-rescue']");
        await _page.WaitForSelectorAsync("#yaml-text");
        await RunAsync("#run", null);
        Assert.Equal("Done: egfr-bypass-rescue.", await _page.TextContentAsync("#status"));
        await ScreenshotAsync("scenario");
        Assert.Empty(_consoleErrors);

        // The YAML view: a bad value is refused at its line (Chromium logs the refusal's 400 status as a console error: the only one allowed).
        await _page.EvalOnSelectorAsync(".yaml-view", "view => view.open = true");   // a scenario's page opens it already
        string text = await _page.InputValueAsync("#yaml-text");
        await _page.FillAsync("#yaml-text", text.Replace("replicates: 3", "replicates: 0", StringComparison.Ordinal));
        await _page.ClickAsync("#run-yaml");
        var error = _page.Locator("#yaml-errors li").First;
        await error.WaitForAsync();
        string[] lines = text.ReplaceLineEndings("\n").Split('\n');
        int line = Array.FindIndex(lines, l => l.StartsWith("replicates: 3", StringComparison.Ordinal)) + 1;
        Assert.StartsWith($"line {line}, column 13: replicates must be >= 1 (0 supplied)", await error.TextContentAsync(), StringComparison.Ordinal);
        // The editor selects the offending line at once: its text, from the line's start to its end.
        int start = lines.Take(line - 1).Sum(l => l.Length + 1);
        var expected = new[] { start, start + "replicates: 0".Length };
        Assert.Equal(expected, await SelectionAsync());
        Assert.Equal("replicates: 0", await _page.EvalOnSelectorAsync<string>("#yaml-text", "t => t.value.substring(t.selectionStart, t.selectionEnd)"));
        await ScreenshotAsync("yaml-error");
        // Moved elsewhere, the selection comes back to the line when the error's location is clicked.
        await _page.EvalOnSelectorAsync("#yaml-text", "t => t.setSelectionRange(0, 0)");
        await _page.ClickAsync("#yaml-errors li button.at-line");
        Assert.Equal(expected, await SelectionAsync());
        Assert.Equal("Failed to load resource: the server responded with a status of 400 (Bad Request)", Assert.Single(_consoleErrors));
    }

    /// <summary>Lesson 5's schedule is a drop-down: the option picked runs, and the YAML that reproduces the run has its days on and off.</summary>
    [Fact]
    public async Task A_student_picks_a_schedule_from_a_drop_down_and_runs_it()
    {
        await _page.GotoAsync(_server.Url);
        await _page.ClickAsync("text=5. Drug holidays and adaptive dosing");
        var schedule = _page.Locator("select[name=schedule]");
        Assert.Equal("1w-on-1w-off", await schedule.InputValueAsync());
        await schedule.SelectOptionAsync("2w-on-1w-off");
        await ScreenshotAsync("lesson-choice");
        await RunAsync("#run", null);
        Assert.StartsWith("Done", await _page.TextContentAsync("#status"), StringComparison.Ordinal);
        string yamlUrl = (await _page.GetAttributeAsync("#yaml", "href"))!;
        string yaml = await (await _page.APIRequest.GetAsync(new Uri(new Uri(_server.Url), yamlUrl).ToString())).TextAsync();
        Assert.Matches(@"\bon_days: 14\b", yaml);   // the intermittent arm's 2 weeks on (the default is 7)
        // Both questions got a verdict on this run (which one holds depends on the schedule: that is the lesson).
        Assert.Equal(2, await _page.Locator(".question .check:not(.previous-check)").Filter(new() { HasTextRegex = new("^[✓✗]") }).CountAsync());
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task A_spatial_lesson_shows_its_lattice_frames_with_a_slider()
    {
        await _page.GotoAsync(_server.Url);
        await _page.ClickAsync("text=7. Competition in space");
        await _page.WaitForSelectorAsync("input[name=resistant_cells]");
        Assert.True(await _page.Locator("#current figure.frames").IsHiddenAsync());
        await RunAsync("#run", null);

        // The first frame (day 0) loads as an image from the run's own frame list.
        var frame = _page.Locator("#current figure.frames img.frame");
        await frame.WaitForAsync();
        await _page.WaitForFunctionAsync("() => { const i = document.querySelector('#current img.frame'); return i.complete && i.naturalWidth > 0; }");
        Assert.Equal("day 0", await _page.TextContentAsync("#current figure.frames output"));
        string first = (await frame.GetAttributeAsync("src"))!;
        Assert.Matches("^/api/runs/[0-9a-f]+/frames/lattice-day-0\\.png$", first);

        // The slider steps to the last frame: another image, which loads too.
        var slider = _page.Locator("#current input.frame-slider");
        string last = (await slider.GetAttributeAsync("max"))!;
        Assert.True(int.Parse(last, System.Globalization.CultureInfo.InvariantCulture) >= 1, $"slider max {last}");
        await slider.FillAsync(last);
        await _page.WaitForFunctionAsync(
            "first => { const i = document.querySelector('#current img.frame'); return i.getAttribute('src') !== first && i.complete && i.naturalWidth > 0; }", first);
        Assert.NotEqual("day 0", await _page.TextContentAsync("#current figure.frames output"));
        await ScreenshotAsync("lesson-frames");
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public Task A_long_run_draws_its_population_chart_while_it_goes() => LiveChartShowsWhileRunningAsync(TimeSpan.Zero);

    /// <summary>
    /// Under load a redraw can take longer to arrive than the interval between redraws (a class on one laptop: the load
    /// test's p95 is over a second). Each live chart is then superseded before it has loaded; the page must still show
    /// the newest one that loads rather than drop them all.
    /// </summary>
    [Fact]
    public async Task A_live_chart_that_loads_slower_than_the_redraws_still_shows()
    {
        var slower = 3 * new ServerLimits().LiveChartInterval;
        await _page.RouteAsync("**/live-chart*", async route =>
        {
            await Task.Delay(slower);
            await route.ContinueAsync();
        });
        await LiveChartShowsWhileRunningAsync(slower);
    }

    private async Task LiveChartShowsWhileRunningAsync(TimeSpan chartDelay)
    {
        // Lesson 1's scenario with 200 cultures grown two days longer (about 8 s on an idle machine) runs long enough for
        // the chart so far to show well before the end, even with each redraw delayed.
        await _page.GotoAsync(new Uri(new Uri(_server.Url), "/lessons/1-fluctuation").ToString());
        await _page.EvalOnSelectorAsync(".yaml-view", "view => view.open = true");
        string text = await _page.InputValueAsync("#yaml-text");
        Assert.Contains("\nreplicates: 40\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(2, text.Split("days: 16").Length - 1);
        await _page.FillAsync("#yaml-text", text.Replace("replicates: 40", "replicates: 200", StringComparison.Ordinal).Replace("days: 16", "days: 18", StringComparison.Ordinal));
        await _page.ClickAsync("#run-yaml");

        // A live chart is shown, loaded, while the status still says the run is going.
        const string LiveWhileRunning = "() => { const i = document.querySelector('#current .charts img.live'); "
            + "return i && i.complete && i.naturalWidth > 0 && document.querySelector('#status').textContent.startsWith('Running') ? i.getAttribute('src') : null; }";
        string first = (await (await _page.WaitForFunctionAsync(LiveWhileRunning, null, new() { Timeout = 60_000 })).JsonValueAsync<string>())!;
        Assert.Contains("/live-chart?drawn=", first, StringComparison.Ordinal);
        if (chartDelay == TimeSpan.Zero) await ScreenshotAsync("lesson-live-chart");

        // At the end the finished run's charts replace the live one.
        await _page.WaitForFunctionAsync("() => document.querySelector('#status').textContent.startsWith('Done')", null, new() { Timeout = 60_000 });
        Assert.Equal(0, await _page.Locator("#current .charts img.live").CountAsync());
        Assert.Equal(1, await _page.Locator("#current .charts img[alt=population]").CountAsync());
        Assert.Empty(_consoleErrors);
    }
}
