using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Cli.Query;

/// <summary>One real quickstart run (one replicate, no plots), written once for all query tests: Parquet tables in
/// <see cref="ParquetRun"/>, the same run with <c>--format csv</c> in <see cref="CsvRun"/>.</summary>
public sealed class QuickstartRunFixture : IDisposable
{
    private readonly TempDirectory _temp = new();

    public QuickstartRunFixture()
    {
        ParquetRun = Run("parquet");
        CsvRun = Run("csv");
    }

    public string ParquetRun { get; }

    public string CsvRun { get; }

    public string Scratch(string name) => Path.Combine(_temp.Path, name);

    private string Run(string format)
    {
        string output = Path.Combine(_temp.Path, format);
        var result = Support.Cli.Run("run", Repository.Scenario("quickstart.yaml"), "--out", output, "--replicates", "1", "--no-plots", "--format", format);
        Assert.True(result.ExitCode == 0, result.Error);
        return Path.Combine(output, "quickstart");
    }

    public void Dispose() => _temp.Dispose();
}
