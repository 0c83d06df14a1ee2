using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Sweeps;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Scenarios.Schema;

/// <summary>
/// Broken scenarios, each one edit away from a valid fixture, that the schema and the validator both reject: what an
/// editor flags is what <c>resistancesim validate</c> flags. The valid fixtures pass both.
/// </summary>
public class InvalidScenarioSchemaTests
{
    public static TheoryData<string, string, string> Breakages() => new()
    {
        // (what is broken, text replaced in the culture fixture without its sweep — or in the trial fixture when it starts with "trial:" — , replacement)
        { "unknown top-level key", "mechanisms: [", "populaton: {}\nmechanisms: [" },
        { "misspelt required key", "  b0_per_day: 0.6", "  b0_per_dya: 0.6" },
        { "text for a whole number", "seed: 5", "seed: five" },
        { "quoted number", "seed: 5", "seed: \"5\"" },
        { "unknown choice", "engine: hybrid", "engine: hybird" },
        { "rule: negative death rate", "d0_per_day: 0.1", "d0_per_day: -0.1" },
        { "unit bound: a million days", "stop: { days: 13,", "stop: { days: 1.0e6," },
        { "missing required map", "stop: { days: 13, max_cells: 1.0e9, on_progression: false, progression_fold: 1.2 }\n", "" },
        { "key of another mechanism kind", "    pathway: EGFR\n", "    pathway: EGFR\n    max_copies: 4\n" },
        { "oral PK without its absorption rate", "      ka_per_hour: 0.5\n", "" },
        { "drugs in a holiday", "{ phase: holiday, days: 1 }", "{ phase: holiday, days: 1, drugs: { crizotinib: { concentration_nM: 1 } } }" },
        { "name that is not a directory name", "name: every-culture-key", "name: a/b" },
        { "fraction for a whole number", "split_ratio: 4", "split_ratio: 2.5" },
        { "infinity where only finite values make sense", "capacity_cells: 1.0e6", "capacity_cells: .inf" },
        { "oral dose with a concentration", "missed_doses: [3, 5] }", "missed_doses: [3, 5], concentration_nM: 3 }" },
        { "mechanism acquired neither at division nor per day", "    kind: fitness\n    probability_per_division: 1.0e-8\n", "    kind: fitness\n" },
        { "two sweep kinds", "stop: {", "sweep:\n  grid: { population.b0_per_day: [0.5] }\n  list: [{ population.b0_per_day: 0.5 }]\nstop: {" },
        { "two distributions for one parameter", "trial:{ uniform: { min: 0.8, max: 1.0 } }", "{ uniform: { min: 0.8, max: 1.0 }, normal: { mean: 1, sd: 0.1 } }" },
        { "arm without a protocol", "trial:  - name: chemotherapy\n    patients: 1\n    protocol:\n      - { phase: continuous, days: 200, drugs: { doublet: { concentration_nM: 1000 } } }\n", "  - name: chemotherapy\n" },
        { "zero patients", "trial:  patients: 2", "  patients: 0" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void TheSchemaAndTheValidatorBothRejectIt(string broken, string find, string replacement)
    {
        string text = Apply(find, replacement);
        using var folder = new TempDirectory();
        string path = folder.File("broken.yaml", text);

        Assert.True(SchemaCheck.Problems(YamlAsJson.Parse(text, path)).Count > 0, $"the schema accepts a scenario with {broken}");
        Assert.Throws<ScenarioValidationException>(() => SweepLoader.Load(path));
    }

    [Fact]
    public void TheFixturesAreValidAgainstTheSchema()
    {
        var problems = KeyDeclarationFixtures.All()
            .SelectMany(f => SchemaCheck.Problems(YamlAsJson.Parse(f.Text, f.Name)).Select(p => $"{f.Name}: {p}"))
            .ToList();

        Assert.Empty(problems);
    }

    private static string Apply(string find, string replacement)
    {
        bool trial = find.StartsWith("trial:", StringComparison.Ordinal);
        string text = trial ? KeyDeclarationFixtures.TrialText : CultureWithoutSweep();
        string target = trial ? find["trial:".Length..] : find;
        Assert.True(text.Contains(target, StringComparison.Ordinal), $"the fixture no longer contains '{target}'");
        return text.Replace(target, replacement, StringComparison.Ordinal);
    }

    private static string CultureWithoutSweep()
    {
        string culture = KeyDeclarationFixtures.CultureText;
        return culture[..culture.IndexOf("\nsweep:", StringComparison.Ordinal)] + "\n";
    }
}
