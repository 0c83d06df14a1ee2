using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Schema;
using ResistanceSim.Scenarios.Yaml;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Cli;

/// <summary>
/// <c>resistancesim scenarios list|copy</c> on the scenarios bundled beside the test binaries (as inside the .NET tool):
/// every repository scenario is listed, a copy carries the presets it includes so it loads with no bundled preset to
/// fall back on, its schema lines point at copied schema files, and bad names or existing files exit 2 and write nothing.
/// </summary>
public sealed class ScenariosCommandTests
{
    public static TheoryData<string> RepositoryScenarios() => new(RepositoryScenarioNames());

    private static List<string> RepositoryScenarioNames() =>
        [.. Directory.EnumerateFiles(Repository.Scenarios, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void ListNamesEveryScenarioOfTheRepositoryOnePerLine()
    {
        var result = ResistanceSim.Tests.Support.Cli.Run("scenarios", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(RepositoryScenarioNames(), result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Theory]
    [MemberData(nameof(RepositoryScenarios))]
    public void ACopyLoadsFromItsFolderAloneWithTheSameResolvedScenario(string name)
    {
        using var temp = new TempDirectory();

        var result = Copy(name, temp.Path);

        Assert.Equal(0, result.ExitCode);
        // No preset directories: every include must resolve inside the copy.
        var copied = ScenarioDocumentLoader.Load(Path.Combine(temp.Path, name + ".yaml"), LoadOptions.Default);
        var original = ScenarioDocumentLoader.Load(Repository.Scenario(name + ".yaml"), LoadOptions.Default);
        Assert.DoesNotContain(copied.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(original.Files.Count, copied.Files.Count);
        Assert.Equal(YamlDocumentWriter.Write(original.Root, []), YamlDocumentWriter.Write(copied.Root, []));
    }

    [Fact]
    public void QuickstartCopiesWithItsTwoPresetsAndSchemaFilesTheirFirstLinesName()
    {
        using var temp = new TempDirectory();

        var result = Copy("quickstart", temp.Path);

        Assert.Equal(0, result.ExitCode);
        string[] expected = ["presets/alk-nsclc.yaml", "presets/drugs.yaml", "quickstart.yaml", "resistancesim.include.schema.json", "resistancesim.schema.json"];
        Assert.Equal(expected, Directory.EnumerateFiles(temp.Path, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(temp.Path, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
        foreach (string yaml in Directory.EnumerateFiles(temp.Path, "*.yaml", SearchOption.AllDirectories))
        {
            string schema = SchemaModeline.SchemaPath(File.ReadAllText(yaml)) ?? throw new Xunit.Sdk.XunitException($"{yaml} lost its schema line");
            Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(yaml)!, schema)), $"{yaml} names {schema}, which is not in the copy");
        }
        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, "resistancesim.schema.json")), File.ReadAllText(Path.Combine(temp.Path, "resistancesim.schema.json")));
    }

    [Fact]
    public void ACopyOverExistingFilesIsRefusedWithoutForceAndLeavesThemUnchanged()
    {
        using var temp = new TempDirectory();
        Assert.Equal(0, Copy("quickstart", temp.Path).ExitCode);
        string drugs = Path.Combine(temp.Path, "presets", "drugs.yaml");
        File.WriteAllText(drugs, "# edited\n");

        var refused = Copy("quickstart", temp.Path);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("drugs.yaml", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.Equal("# edited\n", File.ReadAllText(drugs));

        var forced = ResistanceSim.Tests.Support.Cli.Run("scenarios", "copy", "quickstart", temp.Path, "--force");

        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(File.ReadAllText(Repository.Scenario("presets/drugs.yaml")).Split('\n').Skip(1), File.ReadAllText(drugs).Split('\n').Skip(1));
    }

    [Fact]
    public void AnUnknownNameExitsTwoNamingTheBundledScenariosAndWritesNothing()
    {
        using var temp = new TempDirectory();
        string target = Path.Combine(temp.Path, "out");

        var result = Copy("quickstart.yaml", target);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no bundled scenario named 'quickstart.yaml'", result.Error, StringComparison.Ordinal);
        Assert.Contains("quickstart,", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
    }

    private static ResistanceSim.Tests.Support.Cli.Result Copy(string name, string directory) =>
        ResistanceSim.Tests.Support.Cli.Run("scenarios", "copy", name, directory);
}
