using ResistanceSim.Parquet;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Cli;

/// <summary>
/// <c>plot</c> on a run whose Parquet table is damaged: exit 2 (bad input) with one line naming the
/// file, the column (or footer) and the byte offset; no chart or report is written.
/// </summary>
public sealed class PlotCorruptTableTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _run;
    private readonly string _summary;

    public PlotCorruptTableTests()
    {
        var result = Support.Cli.Run("run", Repository.Scenario("quickstart.yaml"), "--out", _temp.Path, "--replicates", "1", "--no-plots");
        Assert.True(result.ExitCode == 0, result.Error);
        _run = Path.Combine(_temp.Path, "quickstart");
        _summary = Path.Combine(_run, "summary", "part-00000.parquet");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ATruncatedTableIsNamedWithItsFooterAndRefusedWithExitTwo()
    {
        byte[] bytes = File.ReadAllBytes(_summary);
        File.WriteAllBytes(_summary, bytes[..(bytes.Length / 2)]);

        string message = AssertRefusedInOneLine();
        Assert.Contains($"{_summary}: {ParquetFormatException.FooterLocation}, byte offset ", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADamagedPageIsNamedWithItsColumnAndOffset()
    {
        byte[] bytes = File.ReadAllBytes(_summary);
        bytes[4] = 0x1F; // the first page header (after "PAR1") now starts with a field of undefined Thrift type 15
        File.WriteAllBytes(_summary, bytes);
        string firstColumn;
        using (var reader = ParquetFileReader.Open(_summary))
        {
            firstColumn = reader.Schema.Columns[0].Name;
        }

        string message = AssertRefusedInOneLine();
        Assert.Contains($"{_summary}: column '{firstColumn}' (row group 0), byte offset 5: ", message, StringComparison.Ordinal);
    }

    /// <summary>Runs plot, asserts exit 2, one line of error, nothing drawn; returns the line.</summary>
    private string AssertRefusedInOneLine()
    {
        var result = Support.Cli.Run("plot", _run);
        Assert.Equal(2, result.ExitCode);
        string[] lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_run, "report.html")));
        Assert.False(Directory.Exists(Path.Combine(_run, "plots")) && Directory.EnumerateFiles(Path.Combine(_run, "plots")).Any());
        return lines[0];
    }
}
