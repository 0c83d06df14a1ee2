using ResistanceSim.Scenarios;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Yaml;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Scenarios.Limits;

/// <summary>Item 3 of issue #17: numbers are finite (.inf only where documented) and within the bound of their unit,
/// and values that broke their rule are never used (assay dilutions).</summary>
public class NumberLimitTests
{
    private static Diagnostic SingleError(string path)
    {
        var e = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Load(path));
        return Assert.Single(e.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("d0_per_day: 0.1 ", "d0_per_day: .inf", "population.d0_per_day must be finite (.inf supplied;")]
    [InlineData("b0_per_day: 0.6 ", "b0_per_day: 1e309", "population.b0_per_day must be finite (1e309 supplied;")]
    [InlineData("capacity_cells: 1.0e7", "capacity_cells: .inf", "population.growth_limit.capacity_cells must be finite (.inf supplied;")]
    [InlineData("stop: { days: 60 }", "stop: { days: 1e9 }", "stop.days must be <= 1E+05, the limit for times in days (1e9 supplied)")]
    [InlineData("cells: 999992", "cells: 1e16", "population.initial[0].cells must be <= 1E+15, the limit for cell counts (1e16 supplied)")]
    [InlineData("b0_per_day: 0.6 ", "b0_per_day: 2e5", "population.b0_per_day must be <= 1E+05, the limit for rates per day or hour (2e5 supplied)")]
    [InlineData("concentration_nM: 300", "concentration_nM: 1e8", "protocol[0].drugs.crizotinib.concentration_nM must be <= 1E+07, the limit for concentrations in nM (1e8 supplied)")]
    public void RatesSizesAndTimesMustBeFiniteAndWithinTheirUnitsBound(string original, string replacement, string expected)
    {
        using var temp = new TempDirectory();
        var error = SingleError(LimitScenarios.Write(temp, original, replacement));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(LimitScenarios.LineOf(original), error.Location.Line);
    }

    [Fact]
    public void InfinityIsAcceptedWhereDocumented()
    {
        using var temp = new TempDirectory();
        string path = LimitScenarios.Write(temp, LimitScenarios.Includes, LimitScenarios.Includes + """

            drugs:
              crizotinib:
                pk: { kind: in_vitro, half_life_days: .inf }
            """);
        var pk = Assert.IsType<ResistanceSim.Model.InVitroPk>(ScenarioLoader.Load(path).Scenario.Drugs["crizotinib"].Pk);
        Assert.Equal(double.PositiveInfinity, pk.HalfLifeDays);
    }

    [Theory]
    [InlineData("-1", "must be in [3, 24] (-1 supplied)")]
    [InlineData("1e9", "must be in [3, 24] (1e9 supplied)")]
    [InlineData("2147483647", "must be in [3, 24] (2147483647 supplied)")]
    public void AssayConcentrationCountsAreCheckedBeforeTheDilutionIsBuilt(string count, string expected)
    {
        using var temp = new TempDirectory();
        string path = LimitScenarios.Write(temp, "stop: { days: 60 }", $$"""
            stop: { days: 60 }
            assays:
              - { name: a, drug: crizotinib, highest_nM: 1000, concentrations: {{count}} }
            """);
        var error = SingleError(path);
        Assert.Equal($"assays[0].concentrations {expected}", error.Message);
        Assert.Equal(LimitScenarios.LineOf("stop: { days: 60 }") + 2, error.Location.Line);
    }

    [Fact]
    public void AValueWithALineBreakKeepsItsLocationOnOneLine()
    {
        using var temp = new TempDirectory();
        string path = LimitScenarios.Write(temp, "engine: hybrid", "engine: \"hy\\nbrid\"");
        string line = SingleError(path).ToString();
        Assert.DoesNotContain('\n', line);
        Assert.StartsWith($"{path}:{LimitScenarios.LineOf("engine: hybrid")}:9: engine must be one of", line, StringComparison.Ordinal);
        Assert.Contains(@"('hy\nbrid' supplied)", line, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryUnitBoundIsFound()
    {
        Assert.Equal("times in days", UnitRanges.For("assays[0].days[2]")!.Quantity);
        Assert.Equal("times in days", UnitRanges.For("cohort.history_max_days")!.Quantity);
        Assert.Equal("cell counts", UnitRanges.For("cohort.scans.cells_per_cm3")!.Quantity);
        Assert.Equal("rates per day or hour", UnitRanges.For("drugs.x.pk.ka_per_hour")!.Quantity);
        Assert.Null(UnitRanges.For("catalog.EMT.fitness_cost"));
    }
}
