using System.Globalization;
using System.IO.Compression;
using ResistanceSim.Runs;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Server;

/// <summary>The YAML a page downloads reproduces its run: run from the command line's library, it gives the same totals.</summary>
public class ServerReproducibilityTests
{
    [Fact]
    public async Task TheDownloadedScenarioRunsToTheServersTotals()
    {
        await using var server = await RunningServer.StartAsync();
        // Away from the defaults, so the YAML must carry the slider values to reproduce the run.
        var (_, accepted) = await server.SubmitAsync(new { lesson = "1-fluctuation", values = new { replicates = 12, seed = 321 } });
        var done = (await server.FollowAsync(accepted.GetProperty("id").GetString()!))[^1];
        Assert.Equal("done", done.GetProperty("state").GetString());

        using var folder = new TempDirectory();
        using (var zip = new ZipArchive(await server.Client.GetStreamAsync(done.GetProperty("zipUrl").GetString())))
            zip.ExtractToDirectory(Path.Combine(folder.Path, "server"));
        string yaml = folder.File("fluctuation.yaml", await server.Client.GetStringAsync(done.GetProperty("yamlUrl").GetString()));
        var loaded = RunnableScenario.Load(yaml);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var local = ScenarioRunner.RunIntoDirectory(loaded.Scenario!, Path.Combine(folder.Path, "local"), new RunSettings { Plots = false });

        var serverTotals = Totals(Path.Combine(folder.Path, "server", "fluctuation"));
        Assert.Equal(12 * 17, serverTotals.Count);   // 12 cultures sampled daily for 16 days: the slider's value ran
        Assert.Equal(serverTotals, Totals(local.RunDirectory));
    }

    /// <summary>Every row of the run's totals table, every column as invariant text, in unit and time order.</summary>
    private static List<string> Totals(string runDirectory)
    {
        using var database = RunDatabase.Open(runDirectory);
        using var command = database.Connection.CreateCommand();
        command.CommandText = "SELECT * FROM totals ORDER BY arm, point, replicate, time_days";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join(",", Enumerable.Range(0, reader.FieldCount)
                .Select(i => $"{reader.GetName(i)}={Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)}")));
        return rows;
    }
}
