using System.Diagnostics;
using System.Text.Json;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Integration.Packaging;

/// <summary>
/// The .NET tool as a user gets it: <c>dotnet tool install</c> from the local feed into a clean tool path, then the
/// installed <c>resistancesim</c> copies the bundled quickstart and runs it in a folder with no repository above it,
/// so nothing can come from the source tree.
/// </summary>
[Collection(LocalFeedCollection.Name)]
public sealed class DotnetToolTests(LocalFeed feed)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public void TheInstalledToolCopiesTheQuickstartAndRunsItWithNoRepositoryAround()
    {
        using var tools = new TempDirectory();
        using var work = new TempDirectory();
        Assert.False(Path.GetFullPath(work.Path).StartsWith(Repository.Root, StringComparison.Ordinal), "the run must happen outside the repository");

        // The local feed has the package; a configured remote source that cannot be reached must not fail the install.
        ExternalTool.Run("dotnet", ["tool", "install", "--tool-path", tools.Path, "--add-source", feed.Folder, "--ignore-failed-sources", "ResistanceSim.Tool"], Timeout);
        string resistancesim = Path.Combine(tools.Path, "resistancesim");

        string listed = ExternalTool.Run(resistancesim, ["scenarios", "list"], Timeout, work.Path);
        Assert.Contains("quickstart", listed.Split('\n', StringSplitOptions.TrimEntries));

        ExternalTool.Run(resistancesim, ["scenarios", "copy", "quickstart", "copied"], Timeout, work.Path);
        Assert.True(File.Exists(Path.Combine(work.Path, "copied", "presets", "drugs.yaml")), "the copy lacks the presets the quickstart includes");

        string printed = ExternalTool.Run(resistancesim, ["run", "copied/quickstart.yaml", "--replicates", "1", "--no-plots"], Timeout, work.Path);

        Assert.Contains("Wrote output/quickstart/", printed, StringComparison.Ordinal);
        string run = Path.Combine(work.Path, "output", "quickstart");
        foreach (string table in new[] { "totals", "clones", "trajectories", "summary" })
            Assert.True(new FileInfo(Path.Combine(run, table, "part-00000.parquet")) is { Exists: true, Length: > 0 }, $"{table} was not written");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "manifest.json")));
        Assert.Equal(1, manifest.RootElement.GetProperty("work_units_done").GetInt32());

        ServesTheBundledLessons(resistancesim, work.Path);
    }

    /// <summary>The installed tool's <c>serve</c> finds its lessons, and the scenarios and presets they include, beside itself.</summary>
    private static void ServesTheBundledLessons(string resistancesim, string workingDirectory)
    {
        var start = new ProcessStartInfo(resistancesim) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (string argument in new[] { "serve", "--port", "0" }) start.ArgumentList.Add(argument);
        using var server = Process.Start(start)!;
        try
        {
            string? line = server.StandardOutput.ReadLine();
            Assert.True(line is not null && line.StartsWith("ResistanceSim lessons at http://127.0.0.1:", StringComparison.Ordinal),
                $"serve printed '{line}'; stderr: {(server.HasExited ? server.StandardError.ReadToEnd() : "")}");
            string url = line!.Split(' ')[3];
            using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(1) };
            string gallery = client.GetStringAsync(url).GetAwaiter().GetResult();
            foreach (string lesson in new[] { "1-fluctuation", "3-stepwise-escalation", "6-virtual-trial" })
                Assert.Contains($"href=\"/lessons/{lesson}\"", gallery, StringComparison.Ordinal);
        }
        finally
        {
            server.Kill();
            server.WaitForExit();
        }
    }
}
