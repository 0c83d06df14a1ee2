using ResistanceSim.Runs;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Runs;

/// <summary>Loading through the run library: text plus overrides, validated by the scenario loader, problems as diagnostics.</summary>
public class RunnableScenarioTests
{
    private static string QuickstartText => File.ReadAllText(Repository.Scenario("quickstart.yaml"));

    // Named inside scenarios/ so the text's relative includes (presets/…) resolve as the file's do.
    private static string TextName => Repository.Scenario("quickstart-as-text.yaml");

    [Fact]
    public void TextLoadsWithItsOverridesApplied()
    {
        var result = RunnableScenario.Parse(QuickstartText, TextName, [new("replicates", "2"), new("population.b0_per_day", "0.5")]);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var scenario = result.Scenario!;
        Assert.Equal("quickstart", scenario.Name);
        Assert.Equal(2, scenario.Model.Replicates);
        Assert.Equal(0.5, scenario.Model.Population.BirthPerDay);
        Assert.Contains("replicates=2", scenario.ResolvedYaml, StringComparison.Ordinal);
        Assert.False(scenario.HasCohort);
    }

    [Fact]
    public void AFileLoadsAsItsTextDoes()
    {
        var fromFile = RunnableScenario.Load(Repository.Scenario("quickstart.yaml"), [new("replicates", "2")]);
        var fromText = RunnableScenario.Parse(QuickstartText, TextName, [new("replicates", "2")]);

        Assert.True(fromFile.Succeeded && fromText.Succeeded);
        Assert.Equal(fromFile.Scenario!.Model.Replicates, fromText.Scenario!.Model.Replicates);
        Assert.Equal(fromFile.Scenario.Model.Population.BirthPerDay, fromText.Scenario.Model.Population.BirthPerDay);
    }

    [Fact]
    public void ABadOverrideValueIsADiagnosticAtItsLineNamingTheRuleAndTheValue()
    {
        var result = RunnableScenario.Parse(QuickstartText, TextName, [new("replicates", "2"), new("population.b0_per_day", "-0.25")]);

        Assert.False(result.Succeeded);
        Assert.Null(result.Scenario);
        var problem = Assert.Single(result.Diagnostics, d => d.Location.File == RunnableScenario.OverridesOrigin);
        Assert.Equal(2, problem.Location.Line);
        Assert.Contains("b0_per_day", problem.Message, StringComparison.Ordinal);
        Assert.Contains("-0.25", problem.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{RunnableScenario.OverridesOrigin}:2:1: ", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AMalformedOverridePathIsADiagnosticNotAnException()
    {
        var result = RunnableScenario.Parse(QuickstartText, TextName, [new("population..b0_per_day", "0.5")]);

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Diagnostics);
        Assert.Equal(new SourceLocation(RunnableScenario.OverridesOrigin, 1, 1), problem.Location);
    }

    [Fact]
    public void InvalidTextGivesTheValidatorsLocatedDiagnostics()
    {
        var result = RunnableScenario.Parse(QuickstartText.Replace("d0_per_day: 0.1", "d0_per_day: -3", StringComparison.Ordinal), TextName);

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Diagnostics);
        Assert.Equal(TextName, problem.Location.File);
        Assert.True(problem.Location.Line > 1);
        Assert.Contains("-3", problem.Message, StringComparison.Ordinal);
    }
}
