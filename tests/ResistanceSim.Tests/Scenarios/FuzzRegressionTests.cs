using ResistanceSim.Scenarios;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Sweeps;
using ResistanceSim.Scenarios.Yaml;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Scenarios;

/// <summary>
/// Every input AFL++ found to crash the scenario loader (fuzz/regressions/, docs/reliability.md "Fuzzing") is now a
/// located error: loading it throws <see cref="ScenarioValidationException"/> and nothing else.
/// </summary>
public class FuzzRegressionTests
{
    private static string[] Files() =>
        [.. Directory.GetFiles(Path.Combine(Repository.Root, "fuzz", "regressions"), "*.yaml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    public static TheoryData<string> Inputs() => new(Files());

    [Theory]
    [MemberData(nameof(Inputs))]
    public void ACrashInputIsReportedAsALocatedError(string file)
    {
        string text = File.ReadAllText(Path.Combine(Repository.Root, "fuzz", "regressions", file));
        var bag = new DiagnosticBag();
        var e = Assert.Throws<ScenarioValidationException>(() =>
            SweepLoader.FromDocument(ScenarioDocumentLoader.LoadText(text, file, LoadOptions.WithPresets(Repository.Scenarios), bag), bag));
        var error = Assert.Single(e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(1));
        Assert.Equal(file, error.Location.File);
        Assert.True(error.Location.Line >= 1 && error.Location.Column >= 1, error.ToString());
        Assert.DoesNotContain('\n', error.ToString());
    }

    [Fact]
    public void TheKnownCrashesAreAllKept() =>
        Assert.Superset(new HashSet<string> { "map-ends-where-a-value-is-due.yaml", "verbatim-tag-not-a-uri.yaml" },
            Files().ToHashSet());
}
