using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;

namespace ResistanceSim.Integration.DuckDb;

/// <summary>
/// The DuckDB query docs/trials.md gives for splitting a trial by exposure, run for real (DuckDB through
/// tests/duckdb/query.mjs) on a reduced virtual PROFILE 1014, so the documented query cannot rot.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class DocumentedTrialQueryTests : IDisposable
{
    private const int Patients = 12;

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("rs-exposure-query-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task The_exposure_split_of_trials_md_runs_on_a_reduced_profile_1014()
    {
        string root = RepositoryRoot();
        var error = new StringWriter();
        int code = await ResistanceSim.Cli.CommandLine.InvokeAsync(
            ["run", Path.Combine(root, "scenarios", "profile-1014-virtual-trial.yaml"), "--patients", Patients.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--no-plots", "--out", Path.Combine(_work.FullName, "output")],
            TextWriter.Null, error, NullLogger.Instance, CancellationToken.None);
        Assert.True(code == 0, error.ToString());

        string query = ExposureQuery(File.ReadAllText(Path.Combine(root, "docs", "trials.md")));
        string sql = Path.Combine(_work.FullName, "exposure.sql");
        File.WriteAllText(sql, query);
        string harness = Path.Combine(root, "tests", "duckdb");
        string node = ExternalTool.Require("node", "apt-get install nodejs npm");
        if (!Directory.Exists(Path.Combine(harness, "node_modules", "@duckdb", "node-api")))
            ExternalTool.Run(ExternalTool.Require("npm", "apt-get install npm"), ["install", "--no-audit", "--no-fund", "--prefix", harness], TimeSpan.FromMinutes(5));

        // The query's paths are relative to the directory holding output/, as in the docs.
        var start = new System.Diagnostics.ProcessStartInfo(node) { WorkingDirectory = _work.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(harness, "query.mjs"));
        start.ArgumentList.Add(sql);
        using var process = System.Diagnostics.Process.Start(start)!;
        var readOutput = process.StandardOutput.ReadToEndAsync();
        var readError = process.StandardError.ReadToEndAsync();
        string output = await readOutput;
        string stderr = await readError;
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)) && process.ExitCode == 0, stderr);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("exposure_third", lines[0].Trim(), StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);                                         // header and three thirds
        var rows = lines.Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        Assert.Equal(["1", "2", "3"], rows.Select(r => r[0]));
        Assert.Equal(Patients, rows.Sum(r => int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture)));   // every crizotinib patient has an exposure
        var from = rows.Select(r => double.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.True(from[0] < from[1] && from[1] < from[2], "thirds are ordered by exposure");
    }

    /// <summary>The SQL block of docs/trials.md that splits by exposure.</summary>
    private static string ExposureQuery(string markdown)
    {
        var blocks = SqlBlock().Matches(markdown).Select(m => m.Groups[1].Value).Where(b => b.Contains("exposure_third", StringComparison.Ordinal)).ToArray();
        return Assert.Single(blocks);
    }

    [GeneratedRegex(@"```sql\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex SqlBlock();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ResistanceSim.sln"))) return dir.FullName;
        throw new InvalidOperationException("ResistanceSim.sln not found");
    }
}
