using System.Text.RegularExpressions;

namespace ResistanceSim.Integration.DuckDb;

/// <summary>
/// The DuckDB query docs/trials.md gives for splitting a trial by exposure, run for real (through
/// <c>resistancesim query</c>, DuckDB in process) on a reduced virtual PROFILE 1014, so the documented query cannot rot.
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
            TextWriter.Null, error, CancellationToken.None);
        Assert.True(code == 0, error.ToString());

        // The query's paths are relative to the directory holding output/, as in the docs; tests share one working
        // directory, so they are made absolute here rather than by changing directory.
        string runs = _work.FullName.Replace("'", "''", StringComparison.Ordinal) + "/output/";
        string query = ExposureQuery(File.ReadAllText(Path.Combine(root, "docs", "trials.md"))).Replace("'output/", "'" + runs, StringComparison.Ordinal);
        var output = new StringWriter();
        code = await ResistanceSim.Cli.CommandLine.InvokeAsync(
            ["query", Path.Combine(_work.FullName, "output", "profile-1014-virtual-trial"), query],
            output, error, CancellationToken.None);
        Assert.True(code == 0, error.ToString());

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
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
