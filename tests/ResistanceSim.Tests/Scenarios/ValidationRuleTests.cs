using ResistanceSim.Model;
using ResistanceSim.Scenarios;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Scenarios;

/// <summary>
/// One invalid scenario per validation rule: each replaces one line of a valid scenario and
/// asserts the message (rule and value supplied) and its file:line:col.
/// </summary>
public class ValidationRuleTests
{
    // Line numbers below are 1-based lines of this text.
    private const string Valid = """
        name: rules
        description: a valid scenario the tests break one line at a time
        seed: 3
        replicates: 2
        engine: tau
        max_alk_mutations: 2
        drugs:
          crizotinib:
            targets:
              ALK: { ic50_nM: 24, hill: 1.0 }
            pk: { kind: in_vitro }
        catalog:
          ALK_L1196M:
            kind: alk_mutation
            probability_per_division: 1.0e-7
            fitness_cost: 0.05
            ic50_fold_change: { crizotinib: 25 }
          EGFR_activation:
            kind: bypass
            pathway: EGFR
            activity: 0.8
            probability_per_division: 2.0e-7
        mechanisms: [ALK_L1196M, EGFR_activation]
        population:
          initial: [{ genotype: parental, cells: 1000 }]
          b0_per_day: 0.6
          d0_per_day: 0.1
          drug_death_per_day: 0.9
          growth_limit: { kind: logistic, capacity_cells: 1.0e7 }
        protocol:
          - phase: continuous
            days: 10
            drugs: { crizotinib: { concentration_nM: 300 } }
        sampling: { every_days: 1, clone_threshold_cells: 100 }
        stop: { days: 10 }
        """;

    [Fact]
    public void TheBaseScenarioIsValid()
    {
        using var temp = new TempDirectory();
        var loaded = ScenarioLoader.Load(temp.File("rules.yaml", Valid));
        Assert.Equal("rules", loaded.Scenario.Name);
        Assert.Equal(2, loaded.Scenario.Catalog.All.Count);
    }

    [Fact]
    public void AMechanismMayBeAcquiredPerDayInsteadOfPerDivision()
    {
        using var temp = new TempDirectory();
        var lines = Valid.Split('\n');
        lines[14] = "    rate_per_day: 3.0e-7";
        var mechanism = (HeritableMechanism)ScenarioLoader.Load(temp.File("rules.yaml", string.Join('\n', lines))).Scenario.Catalog.All[0];
        Assert.Equal((0.0, 3.0e-7), (mechanism.ProbabilityPerDivision, mechanism.RatePerDay));
    }

    public static TheoryData<int, string, string, int, int> Rules() => new()
    {
        // line, replacement, expected message fragment, expected line, expected column
        { 26, "  b0_per_day: -0.1", "population.b0_per_day must be > 0 (-0.1 supplied)", 26, 15 },
        { 27, "  d0_per_day: -1", "population.d0_per_day must be >= 0 (-1 supplied)", 27, 15 },
        { 25, "  initial: [{ genotype: parental, cells: 0 }]", "cells must be >= 1 (0 supplied)", 25, 42 },
        { 25, "  initial: [{ genotype: ALK_L1196X, cells: 5 }]", "names 'ALK_L1196X', which is not among the scenario's mechanisms; did you mean 'ALK_L1196M'?", 25, 25 },
        { 24, "populaton:", "unknown key 'populaton' in scenario; did you mean 'population'?", 24, 1 },
        { 1, "name: has spaces", "must be letters, digits, '.', '_' or '-'", 1, 7 },
        { 4, "replicates: 0", "replicates must be >= 1 (0 supplied)", 4, 13 },
        { 5, "engine: warp", "engine must be one of", 5, 9 },
        { 5, "engine_settings: { hybrid_large_clones: flw }", "engine_settings.hybrid_large_clones must be one of leap, flow ('flw' supplied); did you mean 'flow'?", 5, 41 },
        { 6, "max_alk_mutations: 9", "max_alk_mutations must be in [0, 4] (9 supplied)", 6, 20 },
        { 10, "      ALK: { ic50_nM: 0, hill: 1.0 }", "drugs.crizotinib.targets.ALK.ic50_nM must be > 0 (0 supplied)", 10, 23 },
        { 10, "      ALX: { ic50_nM: 24, hill: 1.0 }", "unknown pathway 'ALX'; did you mean 'ALK'?", 10, 7 },
        { 10, "      DOWNSTREAM: { ic50_nM: 24 }", "no drug can target DOWNSTREAM", 10, 7 },
        { 14, "    kind: alk_mutaton", "must be one of alk_mutation, alk_amplification, bypass, fitness, chemoresistance, sanctuary, phenotype ('alk_mutaton' supplied); did you mean 'alk_mutation'?", 14, 11 },
        { 15, "    probability_per_division: 1.5", "catalog.ALK_L1196M.probability_per_division must be in [0, 1] (1.5 supplied)", 15, 31 },
        { 15, "    rate_per_day: -1", "catalog.ALK_L1196M.rate_per_day must be >= 0 and finite (-1 supplied)", 15, 19 },
        { 15, "    rate_per_day: .inf", "catalog.ALK_L1196M.rate_per_day must be >= 0 and finite (.inf supplied)", 15, 19 },
        { 15, "    # acquired neither way", "catalog.ALK_L1196M: needs probability_per_division (acquisition at division) or rate_per_day (per cell per day)", 14, 5 },
        { 16, "    fitness_cost: 1.2", "catalog.ALK_L1196M.fitness_cost must be < 1 (1.2 supplied)", 16, 19 },
        { 17, "    ic50_fold_change: { crizotinb: 25 }", "fold change for unknown drug 'crizotinb'; did you mean 'crizotinib'?", 17, 25 },
        { 20, "    pathway: EGRF", "pathway must be one of", 20, 14 },
        { 21, "    activity: 0.8\n    alk_dependence: 1.5", "catalog.EGFR_activation.alk_dependence must be in [0, 1] (1.5 supplied)", 22, 21 },
        { 23, "mechanisms: [ALK_L1196M, EGFR_activaton]", "mechanisms names unknown mechanism 'EGFR_activaton'; did you mean 'EGFR_activation'?", 23, 26 },
        { 23, "mechanisms: [ALK_L1196M, ALK_L1196M]", "lists 'ALK_L1196M' twice", 23, 26 },
        { 29, "  growth_limit: { kind: logistc, capacity_cells: 1.0e7 }", "did you mean 'logistic'?", 29, 25 },
        { 29, "  growth_limit: { kind: logistic, capacity_cells: -5 }", "capacity_cells must be > 0 (-5 supplied)", 29, 51 },
        { 31, "  - phase: continous", "must be one of continuous, holiday, intermittent, adaptive, escalation ('continous' supplied); did you mean 'continuous'?", 31, 12 },
        { 32, "    days: 0", "protocol[0].days must be > 0 (0 supplied)", 32, 11 },
        { 33, "    drugs: { crizotinub: { concentration_nM: 300 } }", "unknown drug 'crizotinub'; did you mean 'crizotinib'?", 33, 14 },
        { 33, "    drugs: { crizotinib: { concentration_nM: -300 } }", "concentration_nM must be >= 0 (-300 supplied)", 33, 46 },
        { 34, "sampling: { every_days: 0, clone_threshold_cells: 100 }", "sampling.every_days must be > 0 (0 supplied)", 34, 25 },
        { 35, "stop: { days: -10 }", "stop.days must be > 0 (-10 supplied)", 35, 15 },
        { 11, "    action: { on_birth: 1.5 }", "drugs.crizotinib.action.on_birth must be in [0, 1] (1.5 supplied)", 11, 25 },
        { 11, "    action: { on_birth: 0, on_death: 0 }", "and on_death cannot both be 0", 11, 25 },
        { 16, "    kill_fold_change: { crizotinib: 0.1 }", "drug 'crizotinib' has no cytotoxic kill to scale", 16, 25 },
        { 16, "    kill_fold_change: { crizotinib: -1 }", "catalog.ALK_L1196M.kill_fold_change.crizotinib must be >= 0 and finite (-1 supplied)", 16, 37 },
        { 16, "    kill_fold_change: { docetaxl: 0.1 }", "kill fold change for unknown drug 'docetaxl'", 16, 25 },
        { 19, "    kind: chemoresistance", "a chemoresistance mechanism needs kill_fold_change naming at least one cytotoxic drug", 19, 5 },
        { 19, "    kind: sanctuary", "a sanctuary needs exposure_fold_change naming at least one drug", 19, 5 },
        { 19, "    kind: sanctuary\n    exposure_fold_change: { crizotinib: 0.03 }\n    lesions: 0", "catalog.EGFR_activation.lesions must be in [1, 4095] (0 supplied)", 21, 14 },
        { 19, "    kind: sanctuary\n    exposure_fold_change: { crizotinib: 0.03 }\n    lesion_exposure_fold_change: { crizotinib: 0.3 }", "applies to lesions followed one by one: set lesions too", 21, 34 },
        { 16, "    exposure_fold_change: { crizotinb: 0.03 }", "exposure fold change for unknown drug 'crizotinb'; did you mean 'crizotinib'?", 16, 29 },
        { 16, "    exposure_fold_change: { crizotinib: -0.5 }", "catalog.ALK_L1196M.exposure_fold_change.crizotinib must be >= 0 and finite (-0.5 supplied)", 16, 41 },
        { 29, "  signal: { hyperactivation_gain: 2 }", "population.signal.hyperactivation_gain must be in [0, 1] (2 supplied)", 29, 35 },
        { 29, "  signal: { alk_independent: 1 }", "population.signal.alk_independent must be in [0, 1) (1 supplied)", 29, 30 },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void EachRuleIsReportedWithItsLocationAndTheValueSupplied(int line, string replacement, string message, int expectedLine, int expectedColumn)
    {
        using var temp = new TempDirectory();
        var lines = Valid.Split('\n');
        lines[line - 1] = replacement;
        string path = temp.File("rules.yaml", string.Join('\n', lines));
        var error = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Load(path));
        var diagnostic = Assert.Single(error.Diagnostics, d => d.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal((expectedLine, expectedColumn), (diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.StartsWith($"{path}:{expectedLine}:{expectedColumn}: ", diagnostic.ToString());
    }

    [Fact]
    public void AnInitialCloneInTwoSanctuarySitesIsALocatedError()
    {
        using var temp = new TempDirectory();
        var lines = Valid.Split('\n');
        lines[17] = "  brain: { kind: sanctuary, probability_per_division: 1.0e-4, exposure_fold_change: { crizotinib: 0.03 } }\n"
            + "  metastasis: { kind: sanctuary, probability_per_division: 0, exposure_fold_change: { crizotinib: 0.3 } }\n" + lines[17];
        lines[22] = "mechanisms: [ALK_L1196M, EGFR_activation, brain, metastasis]";
        lines[24] = "  initial: [{ genotype: parental, cells: 1000 }, { genotype: brain+EGFR_activation, cells: 5 }, { genotype: metastasis+brain, cells: 5 }]";
        string path = temp.File("rules.yaml", string.Join('\n', lines));
        var error = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Load(path));
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Contains("places its cells in 2 sanctuary sites (metastasis, brain); a cell is in one site at a time", diagnostic.Message, StringComparison.Ordinal);
        // Two lines inserted for the sites put the initial clones on line 27; the third clone's genotype is the one located.
        Assert.Equal((27, lines[24].IndexOf("metastasis+brain", StringComparison.Ordinal) + 1), (diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Theory]
    [InlineData("ode")]
    [InlineData("agents")]
    public void SanctuaryLesionsNeedAnEngineThatFoundsEverySeed(string engine)
    {
        using var temp = new TempDirectory();
        var lines = Valid.Split('\n');
        lines[4] = "engine: " + engine;
        lines[17] = "  brain: { kind: sanctuary, probability_per_division: 1.0e-4, lesions: 50, exposure_fold_change: { crizotinib: 0.03 } }\n" + lines[17];
        lines[22] = "mechanisms: [ALK_L1196M, EGFR_activation, brain]";
        string path = temp.File("rules.yaml", string.Join('\n', lines));
        var error = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Load(path));
        var diagnostic = Assert.Single(error.Diagnostics, d => d.Message.Contains("following sanctuary lesions one by one needs an engine", StringComparison.Ordinal));
        Assert.Contains($"'{engine}' supplied", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal((18, 72), (diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void AllErrorsAreReportedAtOnceInFileOrder()
    {
        using var temp = new TempDirectory();
        string broken = Valid.Replace("b0_per_day: 0.6", "b0_per_day: -0.6").Replace("days: 10\n", "days: 0\n").Replace("every_days: 1", "every_days: -1");
        var error = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Load(temp.File("rules.yaml", broken)));
        Assert.True(error.Diagnostics.Count >= 3);
        var lines = error.Diagnostics.Select(d => d.Location.Line).ToArray();
        Assert.Equal(lines.Order(), lines);
    }

    [Fact]
    public void MissingRequiredSectionsAreLocatedAtTheMap()
    {
        using var temp = new TempDirectory();
        string noPopulation = string.Join('\n', Valid.Split('\n').Where((_, i) => i < 23 || i > 28));
        var error = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Load(temp.File("rules.yaml", noPopulation)));
        Assert.Contains(error.Diagnostics, d => d.Message.Contains("missing required key 'population'", StringComparison.Ordinal) && d.Location.Line == 1);
    }

    [Fact]
    public void YamlSyntaxErrorsAreLocated()
    {
        using var temp = new TempDirectory();
        var error = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Load(temp.File("rules.yaml", Valid.Replace("seed: 3", "seed: [3"))));
        Assert.Contains(error.Diagnostics, d => d.Location.Line >= 3);
    }

    [Fact]
    public void ValidateCommandListsEveryErrorAndExitsTwo()
    {
        using var temp = new TempDirectory();
        string path = temp.File("rules.yaml", Valid.Replace("b0_per_day: 0.6", "b0_per_day: -0.1").Replace("populaton", "population"));
        var result = Support.Cli.Run("validate", path, Repository.Scenario("quickstart.yaml"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{path}:26:15: population.b0_per_day must be > 0 (-0.1 supplied)", result.Error);
        Assert.Contains("quickstart.yaml: ok", result.Output);
    }

    [Fact]
    public void EveryBundledScenarioValidates()
    {
        var files = Directory.GetFiles(Repository.Scenarios, "*.yaml");
        Assert.NotEmpty(files);
        var result = Support.Cli.Run(["validate", .. files]);
        Assert.True(result.ExitCode == 0, result.Error);
    }
}
