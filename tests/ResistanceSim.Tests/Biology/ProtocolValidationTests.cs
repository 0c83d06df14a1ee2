using ResistanceSim.Scenarios;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Biology;

/// <summary>Bad biology and protocol input: each a located error naming the rule and the value supplied.</summary>
public class ProtocolValidationTests
{
    // Line numbers below are 1-based lines of this text.
    private const string Valid = """
        name: protocol-rules
        description: a valid scenario the tests break one line at a time
        drugs:
          crizotinib:
            targets: { ALK: { ic50_nM: 24 } }
            pk: { kind: oral_1cpt, bioavailability: 0.43, ka_per_hour: 1, cl_f_l_per_hour: 60, v_f_l: 3636, molar_mass_g_per_mol: 450.34, free_fraction: 0.09 }
          erlotinib:
            targets: { EGFR: { ic50_nM: 20 } }
        catalog:
          ALK_L1196M: { kind: alk_mutation, probability_per_division: 1.0e-7, ic50_fold_change: { crizotinib: 25 } }
        mechanisms: [ALK_L1196M]
        population:
          initial: [{ genotype: parental, cells: 1000 }]
          b0_per_day: 0.6
          d0_per_day: 0.1
          growth_limit: { kind: logistic, capacity_cells: 1.0e5 }
        passaging: { at_confluence_fraction: 0.8, split_ratio: 4 }
        protocol:
          - phase: continuous
            days: 10
            drugs: { crizotinib: { dose_mg: 250, every_hours: 12 } }
          - phase: escalation
            days: 10
            drug: erlotinib
            start_nM: 10
            factor: 1.5
            ceiling_nM: 1000
          - { phase: intermittent, days: 10, on_days: 2, off_days: 1, drugs: { erlotinib: { concentration_nM: 5 } }, until: progression }
        sampling: { every_days: 1 }
        stop: { days: 30 }
        """;

    [Fact]
    public void TheBaseScenarioIsValid()
    {
        using var temp = new TempDirectory();
        var scenario = ScenarioLoader.Load(temp.File("p.yaml", Valid)).Scenario;
        Assert.Equal(3, scenario.Protocol.Phases.Count);
        Assert.True(scenario.Protocol.Phases[2].EndsOnProgression);
        Assert.Equal(4, scenario.Passaging!.SplitRatio);
    }

    public static TheoryData<int, string, string, int, int> Rules() => new()
    {
        // line, replacement, expected message fragment, expected line, expected column
        { 21, "    drugs: { crizotinib: { dose_mg: -250, every_hours: 12 } }", "protocol[0].drugs.crizotinib.dose_mg must be > 0 (-250 supplied)", 21, 37 },
        { 21, "    drugs: { crizotinb: { dose_mg: 250, every_hours: 12 } }", "unknown drug 'crizotinb'; did you mean 'crizotinib'?", 21, 14 },
        { 21, "    drugs: { erlotinib: { dose_mg: 250, every_hours: 12 } }", "needs drug 'erlotinib' to have pk kind oral_1cpt", 21, 36 },
        { 20, "    day: 10", "missing required key 'days'", 19, 5 },
        { 20, "    days: 0", "protocol[0].days must be > 0 (0 supplied)", 20, 11 },
        { 24, "    drug: erlotinb", "names unknown drug 'erlotinb'; did you mean 'erlotinib'?", 24, 11 },
        { 26, "    factor: 0.9", "protocol[1].factor must be > 1 (0.9 supplied)", 26, 13 },
        { 27, "    ceiling_nM: 5", "ceiling_nM must be >= start_nM (5 < 10)", 27, 17 },
        { 5, "    targets: { ALK: { ic50_nM: -3 } }", "drugs.crizotinib.targets.ALK.ic50_nM must be > 0 (-3 supplied)", 5, 32 },
        { 10, "  ALK_L1196M: { kind: alk_mutation, probability_per_division: 1.0e-7, ic50_fold_change: { crizotnib: 25 } }", "fold change for unknown drug 'crizotnib'; did you mean 'crizotinib'?", 10, 91 },
        { 11, "mechanisms: [ALK_L1196X]", "names unknown mechanism 'ALK_L1196X'; did you mean 'ALK_L1196M'?", 11, 14 },
        { 17, "passaging: { at_confluence_fraction: 0.8, split_ratio: 1 }", "passaging.split_ratio must be >= 2 (1 supplied)", 17, 56 },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void EachRuleIsReportedWithItsLocation(int line, string replacement, string message, int expectedLine, int expectedColumn)
    {
        using var temp = new TempDirectory();
        var lines = Valid.Split('\n');
        lines[line - 1] = replacement;
        string path = temp.File("p.yaml", string.Join('\n', lines));
        var error = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Load(path));
        var diagnostic = Assert.Single(error.Diagnostics, d => d.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal((expectedLine, expectedColumn), (diagnostic.Location.Line, diagnostic.Location.Column));
    }
}
