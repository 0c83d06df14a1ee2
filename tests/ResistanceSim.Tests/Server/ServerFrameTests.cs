using System.Net;

namespace ResistanceSim.Tests.Server;

/// <summary>An agent-engine lesson's run lists its lattice frames in day order and serves each as a PNG, from its own list only.</summary>
public class ServerFrameTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task ALatticeRunServesItsFramesAsPngsInDayOrderAndNothingElse()
    {
        await using var server = await RunningServer.StartAsync();
        var (status, accepted) = await server.SubmitAsync(new { lesson = "7-spatial-competition" });
        Assert.Equal(202, status);
        string id = accepted.GetProperty("id").GetString()!;
        var done = (await server.FollowAsync(id))[^1];
        Assert.Equal("done", done.GetProperty("state").GetString());

        var frames = done.GetProperty("frames").EnumerateArray().ToList();
        Assert.True(frames.Count >= 2, $"{frames.Count} frames");
        double[] days = [.. frames.Select(f => double.Parse(f.GetProperty("label").GetString()!["day ".Length..], System.Globalization.CultureInfo.InvariantCulture))];
        Assert.Equal(0, days[0]);
        Assert.Equal(days.Order(), days);
        foreach (var frame in frames)
        {
            using var response = await server.Client.GetAsync(frame.GetProperty("url").GetString());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(PngSignature, (await response.Content.ReadAsByteArrayAsync())[..PngSignature.Length]);
        }

        // Only names in the run's own frame list: not its charts, its tables or anything outside its folder.
        foreach (string file in new[] { "population.svg", "..%2Fscenario.yaml", "..%2F..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd", "lattice-day-7.png" })
        {
            using var response = await server.Client.GetAsync($"/api/runs/{id}/frames/{file}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        using var unknownRun = await server.Client.GetAsync($"/api/runs/{new string('0', 24)}/frames/lattice-day-0.png");
        Assert.Equal(HttpStatusCode.NotFound, unknownRun.StatusCode);
    }
}
