using System.Diagnostics;
using ResistanceSim.Scenarios;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Yaml;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Scenarios.Limits;

/// <summary>Item 2 of issue #17: the run directory name is one safe segment; includes are regular files read with a
/// size cap; deep nesting is refused at once; an include name with a NUL is a located error, not a crash.</summary>
public class PathLimitTests
{
    private static Diagnostic SingleError(string path)
    {
        var e = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Load(path));
        return Assert.Single(e.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("..", "not '.' or '..'")]
    [InlineData(".", "not '.' or '..'")]
    [InlineData("-rf", "does not start with '-'")]
    [InlineData("a/b", "letters, digits")]
    public void NameMustBeOneSafePathSegment(string name, string expected)
    {
        using var temp = new TempDirectory();
        var error = SingleError(LimitScenarios.Write(temp, "name: quickstart", $"name: \"{name}\""));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal((2, 7), (error.Location.Line, error.Location.Column));   // line 1 of quickstart.yaml names its schema
    }

    [Fact]
    public void AHundredCharacterNameIsTheLongestAccepted()
    {
        using var temp = new TempDirectory();
        Assert.Equal(new string('a', 100), ScenarioLoader.Load(LimitScenarios.Write(temp, "name: quickstart", "name: " + new string('a', 100))).Scenario.Name);
        Assert.Contains("at most 100 characters", SingleError(LimitScenarios.Write(temp, "name: quickstart", "name: " + new string('a', 101))).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dev/zero", "it is a device")]
    [InlineData("/dev/urandom", "it is a device")]
    public void IncludesMustBeRegularFiles(string include, string expected)
    {
        using var temp = new TempDirectory();
        var error = SingleError(LimitScenarios.Write(temp, LimitScenarios.Includes, LimitScenarios.IncludingAlso(include)));
        Assert.Equal($"cannot read {include}: {expected}, not a regular file", error.Message);
        Assert.Equal(LimitScenarios.LineOf(LimitScenarios.Includes), error.Location.Line);
    }

    [Fact]
    public void AFifoIncludeIsRefusedWithoutOpeningIt()
    {
        using var temp = new TempDirectory();
        string fifo = Path.Combine(temp.Path, "pipe.yaml");
        using (var mkfifo = Process.Start("mkfifo", fifo)) mkfifo.WaitForExit();
        // Opening a FIFO with no writer blocks forever; the check must not open it.
        var error = SingleError(LimitScenarios.Write(temp, LimitScenarios.Includes, LimitScenarios.IncludingAlso("pipe.yaml")));
        Assert.EndsWith("pipe.yaml: it is a FIFO (named pipe), not a regular file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileOverTheSizeCapIsRefusedWithoutReadingIt()
    {
        using var temp = new TempDirectory();
        string big = Path.Combine(temp.Path, "big.yaml");
        using (var stream = File.Create(big)) stream.SetLength(50L * 1024 * 1024);   // sparse: 50 MB without writing them
        string main = LimitScenarios.Write(temp, LimitScenarios.Includes, LimitScenarios.IncludingAlso("big.yaml"));
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var error = SingleError(main);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.EndsWith("big.yaml: the file is larger than the limit of 4 MiB for a scenario or included file", error.Message, StringComparison.Ordinal);
        // Reading stops one byte past the cap: far less than the 50 MB (the issue measured 1.8 GB).
        Assert.True(allocated < 2L * (ScenarioFileReader.MaxBytes + 1) + (16 << 20), $"allocated {allocated} bytes");
    }

    [Fact]
    public void AMainFileOverTheSizeCapIsRefused()
    {
        using var temp = new TempDirectory();
        string big = Path.Combine(temp.Path, "big.yaml");
        using (var stream = File.Create(big)) stream.SetLength(ScenarioFileReader.MaxBytes + 1L);
        var error = SingleError(big);
        Assert.Equal((big, 1, 1), (error.Location.File, error.Location.Line, error.Location.Column));
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    public void NestingAHundredThousandDeepIsRefusedAtTheFirstLevelPastTheCap(string open, string close)
    {
        var bag = new DiagnosticBag();
        const int Depth = 100_000;
        string text = "k: " + string.Concat(Enumerable.Repeat(open, Depth)) + string.Concat(Enumerable.Repeat(close, Depth));
        Assert.Null(YamlDocumentParser.Parse(text, "deep.yaml", bag));
        var error = Assert.Single(bag.Sorted());
        Assert.EndsWith($"is nested more than {YamlDocumentParser.MaxDepth} levels deep", error.Message, StringComparison.Ordinal);
        // Located at the first node past the cap (a map's key counts one level below its map): the parse stopped
        // there instead of reading 100,000 levels.
        Assert.InRange(error.Location.Column, 4 + open.Length * (YamlDocumentParser.MaxDepth - 1), 4 + open.Length * (YamlDocumentParser.MaxDepth + 1));
    }

    [Theory]
    [InlineData("\"a\\0b\"", @"'a\u0000b'")]
    [InlineData("\"a\\nb\"", @"'a\nb'")]
    public void AnIncludeNameWithAControlCharacterIsALocatedError(string include, string shown)
    {
        using var temp = new TempDirectory();
        string path = LimitScenarios.Write(temp, LimitScenarios.Includes, LimitScenarios.IncludingAlso(include));
        var error = SingleError(path);
        string line = error.ToString();
        Assert.DoesNotContain('\n', line);
        Assert.StartsWith($"{path}:{LimitScenarios.LineOf(LimitScenarios.Includes)}:55: included file name must not contain control characters ({shown} supplied)", line, StringComparison.Ordinal);
    }
}
