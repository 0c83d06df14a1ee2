using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using ResistanceSim.Integration.Faults;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Integration.Serve;

/// <summary>
/// Ctrl+C as a terminal sends it: SIGINT to a real <c>resistancesim serve</c> process while a run is going. The server
/// stops the run, says so and exits 0; a server that hung on the run or the signal would be killed by the guard and fail.
/// </summary>
public partial class ServeInterruptTests
{
    /// <summary>Far longer than a stop takes, far shorter than the run it interrupts (200 cultures for 1,500 days).</summary>
    private static readonly TimeSpan StopGuard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SigintStopsTheServerAndItsRunAndExitsZero()
    {
        InterruptAsFromATerminal();
        string lessons = Path.Combine(Repository.Root, "lessons");
        using var serve = CliProcess.Start(["serve", "--port", "0", "--lessons", lessons]);
        serve.WaitForOutput("(Ctrl+C stops the server)");
        string url = UrlPattern().Match(serve.Output).Value;

        using (var client = new HttpClient { BaseAddress = new Uri(url) })
        {
            string endless = File.ReadAllText(Path.Combine(lessons, "scenarios", "fluctuation.yaml"))
                .Replace("replicates: 40", "replicates: 200", StringComparison.Ordinal)
                .Replace("days: 16", "days: 1500", StringComparison.Ordinal)
                .Replace("../../scenarios/presets/", "presets/", StringComparison.Ordinal);
            using var submitted = await client.PostAsJsonAsync("/api/runs", new { yaml = endless });
            Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
            string id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            // A run that has started: the stop must reach the simulation, not only an empty queue.
            string state;
            while ((state = (await client.GetFromJsonAsync<JsonElement>($"/api/runs/{id}")).GetProperty("state").GetString()!) == "queued") await Task.Delay(50);
            Assert.Equal("running", state);
        }

        serve.Signal("INT");
        var result = serve.WaitForExit(StopGuard);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.EndsWith("Stopped.", result.Output.TrimEnd(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A test run started in the background by a non-interactive shell (as a CI script may be) inherits SIGINT ignored,
    /// and so would the server it starts: exec keeps an ignored signal ignored, and .NET then installs no handler for it,
    /// as a background job should behave. Give the child the default disposition a terminal's foreground job has.
    /// </summary>
    private static void InterruptAsFromATerminal()
    {
        const int sigint = 2;
        string ignored = File.ReadLines("/proc/self/status").Single(l => l.StartsWith("SigIgn:", StringComparison.Ordinal))["SigIgn:".Length..].Trim();
        if ((Convert.ToUInt64(ignored, 16) & (1UL << (sigint - 1))) != 0) Assert.NotEqual(-1, (long)SetSignal(sigint, IntPtr.Zero));   // SIG_DFL
    }

    [DllImport("libc", EntryPoint = "signal")]
    private static extern IntPtr SetSignal(int signal, IntPtr handler);

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/")]
    private static partial Regex UrlPattern();
}
