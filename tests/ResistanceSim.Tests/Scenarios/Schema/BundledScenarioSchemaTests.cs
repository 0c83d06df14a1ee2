using ResistanceSim.Scenarios.Schema;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Scenarios.Schema;

/// <summary>
/// Every YAML file under scenarios/ names its schema on its first line (the yaml-language-server comment, a path that
/// resolves from the file's folder) and is valid against it: scenarios against resistancesim.schema.json, the presets
/// they include against resistancesim.include.schema.json. Calibration files are another kind of document (read by
/// <c>resistancesim calibrate</c>) and have no schema yet.
/// </summary>
public class BundledScenarioSchemaTests
{
    private const string SchemaComment = SchemaModeline.Prefix;

    private static readonly string[] CalibrationFiles = ["calibration/alk-trials.yaml", "calibration/synthetic-check.yaml"];

    public static TheoryData<string> BundledFiles() => new(Files());

    private static List<string> Files() =>
        [.. Directory.EnumerateFiles(Repository.Scenarios, "*.yaml", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Repository.Scenarios, path).Replace('\\', '/'))
            .Where(file => !CalibrationFiles.Contains(file))
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void TheBundledFilesIncludeScenariosAndPresets()
    {
        var files = Files();

        Assert.Contains("quickstart.yaml", files);
        Assert.Contains("calibration/synthetic-culture.yaml", files);
        Assert.Contains("presets/drugs.yaml", files);
        Assert.All(CalibrationFiles, f => Assert.True(File.Exists(Path.Combine(Repository.Scenarios, f)), $"{f} is listed as a calibration file but does not exist"));
    }

    [Theory]
    [MemberData(nameof(BundledFiles))]
    public void TheFirstLineNamesTheRightSchemaByAPathThatResolves(string file)
    {
        string path = Path.Combine(Repository.Scenarios, file);
        string firstLine = File.ReadLines(path).First();

        Assert.StartsWith(SchemaComment, firstLine, StringComparison.Ordinal);
        string schemaPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, firstLine[SchemaComment.Length..]));
        string expected = IsPreset(file) ? SchemaCheck.IncludeSchemaFile : SchemaCheck.ScenarioSchemaFile;
        Assert.Equal(Path.Combine(Repository.Root, expected), schemaPath);
    }

    [Theory]
    [MemberData(nameof(BundledFiles))]
    public void TheFileIsValidAgainstItsSchema(string file)
    {
        var document = YamlAsJson.Read(Path.Combine(Repository.Scenarios, file));

        Assert.Empty(SchemaCheck.Problems(document, includedFile: IsPreset(file)));
    }

    private static bool IsPreset(string file) => file.StartsWith("presets/", StringComparison.Ordinal);
}
