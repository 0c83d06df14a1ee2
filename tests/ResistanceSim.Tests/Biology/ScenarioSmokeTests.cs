using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Biology;

/// <summary>Every bundled scenario validates and runs end to end (one replicate, CSV output; a trial with its first
/// 3 patients per arm — the full trials run in the verification suite and docs/trials.md).</summary>
public class ScenarioSmokeTests
{
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Repository.Scenarios, "*.yaml").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ScenarioValidatesAndRuns(string file)
    {
        string path = Repository.Scenario(file);
        var validate = Support.Cli.Run("validate", path);
        Assert.True(validate.ExitCode == 0, validate.Error + validate.Output);
        using var temp = new TempDirectory();
        bool cohort = File.ReadAllText(path).Contains("\ncohort:", StringComparison.Ordinal);
        string[] args = ["run", path, "--replicates", "1", "--out", temp.Path, "--format", "csv", .. cohort ? new[] { "--patients", "3" } : []];
        var run = Support.Cli.Run(args);
        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        string name = Path.GetFileNameWithoutExtension(file);
        Assert.True(File.Exists(Path.Combine(temp.Path, name, "manifest.json")), $"no manifest for {name}");
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(temp.Path, name, "summary")));
    }
}
