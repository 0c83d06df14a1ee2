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
    }
}
