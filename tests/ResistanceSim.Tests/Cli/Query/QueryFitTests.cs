using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Cli.Query;

/// <summary>
/// <c>resistancesim query</c> on a fit's directory (a real <c>resistancesim calibrate</c> of a small culture fit): its
/// tables are views named after them, and a fit that has not finished is refused with the command that continues it.
/// </summary>
public sealed class QueryFitTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rs-query-fit-" + Guid.NewGuid().ToString("N"));

    public QueryFitTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    /// <summary>Runs the fit; returns its directory and the evaluations it reports having written.</summary>
    private (string Directory, int Evaluations) Fit()
    {
        string file = Path.Combine(_root, "fit.yaml");
        File.WriteAllText(file, $"""
            name: quick
            seed: 4
            scenarios:
              culture: {"{"} file: '{Repository.Scenario("calibration/synthetic-culture.yaml")}' {"}"}
            parameters:
              population.b0_per_day: {"{"} uniform: {"{"} min: 0.4, max: 0.8 {"}"} {"}"}
            targets:
              - {"{"} name: cells day 10, scenario: culture, metric: log10_cells, day: 10, published: 7.17, tolerance: 0.1 {"}"}
            abc: {"{"} particles: 4, generations: 2 {"}"}
            """);
        var fit = Support.Cli.Run("calibrate", file, "--out", _root, "--threads", "2");
        Assert.True(fit.ExitCode == 0, fit.Error + fit.Output);
        var written = System.Text.RegularExpressions.Regex.Match(fit.Output, @"\((\d+) evaluations\)");
        Assert.True(written.Success, fit.Output);
        return (Path.Combine(_root, "quick"), int.Parse(written.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AFitsTablesAreViewsAndCountWhatItRan()
    {
        var (fit, evaluations) = Fit();

        var tables = Support.Cli.Run("query", fit, "SELECT table_name FROM information_schema.tables ORDER BY table_name");
        Assert.True(tables.ExitCode == 0, tables.Error);
        Assert.Equal(["table_name", "calibration", "generations", "posterior"], Lines(tables.Output));

        // Four particles in the posterior, two generations, and every evaluation the fit reported, four of each
        // generation accepted into its population.
        var counts = Support.Cli.Run("query", fit,
            "SELECT (SELECT count(*) FROM posterior) AS members, (SELECT count(*) FROM generations) AS generations, " +
            "(SELECT count(*) FROM calibration) AS evaluations, (SELECT count(*) FROM calibration WHERE accepted AND generation = 1) AS accepted");
        Assert.True(counts.ExitCode == 0, counts.Error);
        Assert.Equal($"4  2  {evaluations}  4", string.Join("  ", Lines(counts.Output)[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void AFitWithoutItsPresetIsNotQueried()
    {
        string fit = Fit().Directory;
        File.Delete(Path.Combine(fit, "calibrated.yaml"));

        var result = Support.Cli.Run("query", fit, "SELECT 1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nor a fit's (no calibrated.yaml; 'resistancesim calibrate' writes one)", result.Error, StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Select(l => l.Trim()).ToArray();
}
