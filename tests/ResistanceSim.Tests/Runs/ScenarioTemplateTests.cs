using ResistanceSim.Runs;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Runs;

/// <summary>A template validates each distinct override list once and hands the same immutable result to later callers.</summary>
public class ScenarioTemplateTests
{
    private static readonly ScenarioTemplate Quickstart = ScenarioTemplate.Read(Path.Combine(Repository.Root, "scenarios", "quickstart.yaml"));

    private static KeyValuePair<string, string>[] Seed(int seed) => [new("seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public void The_same_overrides_return_the_result_already_validated()
    {
        var template = ScenarioTemplate.Read(Path.Combine(Repository.Root, "scenarios", "quickstart.yaml"));
        var first = template.Load(Seed(11));
        Assert.True(first.Succeeded);
        Assert.Same(first, template.Load(Seed(11)));
        Assert.NotSame(first, template.Load(Seed(12)));
        Assert.Same(template.Load(), template.Load([]));
    }

    [Fact]
    public void Override_lists_that_join_to_the_same_text_are_told_apart()
    {
        // Concatenated naively, both read "seed" + "12" + "replicates" + "3".
        var a = Quickstart.Load([new("seed", "12"), new("replicates", "3")]);
        var b = Quickstart.Load([new("seed", "1"), new("2replicates", "3")]);
        Assert.True(a.Succeeded);
        Assert.False(b.Succeeded);
    }

    [Fact]
    public void More_distinct_overrides_than_it_remembers_still_give_each_its_own_scenario()
    {
        var template = ScenarioTemplate.Read(Path.Combine(Repository.Root, "scenarios", "quickstart.yaml"));
        for (int seed = 1; seed <= ScenarioTemplate.MaxRemembered + 5; seed++)
        {
            var loaded = template.Load(Seed(seed));
            Assert.Equal(RunnableScenario.Load(Path.Combine(Repository.Root, "scenarios", "quickstart.yaml"), Seed(seed)).Scenario!.ResolvedYaml,
                loaded.Scenario!.ResolvedYaml);
        }
    }
}
