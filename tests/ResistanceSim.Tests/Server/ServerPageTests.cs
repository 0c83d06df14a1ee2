using System.Net;

namespace ResistanceSim.Tests.Server;

/// <summary>The pages and static files of a real server on loopback, and that no request names a file.</summary>
public class ServerPageTests
{
    [Fact]
    public async Task TheGalleryLinksEveryLessonAndBundledScenario()
    {
        await using var server = await RunningServer.StartAsync();
        string html = await server.Client.GetStringAsync("/");
        foreach (string id in new[] { "1-fluctuation", "2-size-at-treatment", "3-stepwise-escalation", "4-bypass-rescue", "5-adaptive-dosing", "6-virtual-trial", "7-spatial-competition" })
            Assert.Contains($"href=\"/lessons/{id}\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/scenarios/quickstart\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);   // nothing from a CDN
    }

    [Fact]
    public async Task ALessonPageHasItsNarrativeSlidersQuestionsAndYaml()
    {
        await using var server = await RunningServer.StartAsync();
        string html = await server.Client.GetStringAsync("/lessons/1-fluctuation");
        Assert.Contains("<em>induced</em>", html, StringComparison.Ordinal);   // the Markdown narrative, rendered
        Assert.Contains("type=\"range\" name=\"mutation_rate\" min=\"-6\" max=\"-4\"", html, StringComparison.Ordinal);   // log10 slider
        Assert.Contains("type=\"range\" name=\"replicates\" min=\"10\" max=\"80\" step=\"1\" value=\"40\"", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("class=\"question\"").Length - 1);
        Assert.Contains("name: fluctuation", html, StringComparison.Ordinal);   // the resolved YAML in the editor
    }

    [Fact]
    public async Task AChoiceIsADropDownOfItsOptionsWithTheDefaultSelected()
    {
        await using var server = await RunningServer.StartAsync();
        string html = await server.Client.GetStringAsync("/lessons/5-adaptive-dosing");
        Assert.Contains("<select name=\"schedule\"><option value=\"1w-on-1w-off\" selected>1 week on, 1 week off</option>"
            + "<option value=\"2w-on-1w-off\">2 weeks on, 1 week off</option>", html, StringComparison.Ordinal);
        Assert.Equal(5, html.Split("<option ").Length - 1);
    }

    [Fact]
    public async Task AScenarioPageOpensABundledScenarioInTheYamlView()
    {
        await using var server = await RunningServer.StartAsync();
        string html = await server.Client.GetStringAsync("/scenarios/egfr-bypass-rescue");
        Assert.Contains("name: egfr-bypass-rescue", html, StringComparison.Ordinal);
        Assert.Contains("<details class=\"yaml-view\" open>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/lessons/..%2F..%2Fscenarios%2Fquickstart")]
    [InlineData("/lessons/no-such-lesson")]
    [InlineData("/scenarios/..%2Fscenarios%2Fquickstart")]
    [InlineData("/scenarios/presets%2Fdrugs")]
    [InlineData("/static/..%2FResistanceSim.Server.dll")]
    [InlineData("/static/app.min.js")]
    [InlineData("/api/runs/0123456789abcdef01234567")]
    public async Task NothingButKnownNamesIsServed(string url)
    {
        await using var server = await RunningServer.StartAsync();
        using var response = await server.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheScriptAndStyleComeFromTheApp()
    {
        await using var server = await RunningServer.StartAsync();
        using var script = await server.Client.GetAsync("/static/app.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("EventSource", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var style = await server.Client.GetAsync("/static/app.css");
        Assert.Equal("text/css", style.Content.Headers.ContentType?.MediaType);
    }
}
