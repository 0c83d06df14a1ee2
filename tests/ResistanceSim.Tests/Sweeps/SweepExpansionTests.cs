using ResistanceSim.Model;
using ResistanceSim.Scenarios.Sweeps;

namespace ResistanceSim.Tests.Sweeps;

public class SweepExpansionTests
{
    [Fact]
    public void GridIsTheCartesianProductWithTheLastParameterFastest()
    {
        var loaded = SweepScenarios.Load(SweepScenarios.Grid);
        Assert.Equal(SweepKind.Grid, loaded.Sweep.Kind);
        Assert.Equal(["population_b0_per_day", "protocol_0_drugs_crizotinib_concentration_nM"], loaded.Sweep.Parameters.Select(p => p.Column));
        var expected = new[] { (0.5, 30.0), (0.5, 100), (0.5, 300), (0.7, 30), (0.7, 100), (0.7, 300) };
        Assert.Equal(expected, loaded.Sweep.Points.Select(p => (p.Numbers[0], p.Numbers[1])));
        Assert.Equal(Enumerable.Range(0, 6), loaded.Sweep.Points.Select(p => p.Index));
    }

    [Fact]
    public void EachPointsScenarioCarriesItsValuesAndNothingElseChanges()
    {
        var loaded = SweepScenarios.Load(SweepScenarios.Grid);
        var point4 = loaded.ScenarioFor(0, 4);   // b0 0.7, 100 nM
        Assert.Equal(0.7, point4.Population.BirthPerDay);
        var exposure = Assert.IsType<FixedConcentration>(Assert.IsType<ContinuousPhase>(point4.Protocol.Phases[0]).Drugs[0]);
        Assert.Equal(100, exposure.NanoMolar);
        Assert.Equal(loaded.Scenario.Population.DeathPerDay, point4.Population.DeathPerDay);
        Assert.Equal(0.6, loaded.Scenario.Population.BirthPerDay);   // the base is unpatched
    }

    [Fact]
    public void AScenarioWithoutSweepValuesRunsTheModelItLoadedAndASweepPointIsBoundAfresh()
    {
        var plain = SweepScenarios.Load(SweepScenarios.Base);
        Assert.Same(plain.Scenario, plain.ScenarioFor(0, 0));
        var grid = SweepScenarios.Load(SweepScenarios.Grid);
        Assert.NotSame(grid.Scenario, grid.ScenarioFor(0, 0));
        Assert.Equal(0.5, grid.ScenarioFor(0, 0).Population.BirthPerDay);
    }

    [Fact]
    public void ListPointsComeInTheOrderWritten()
    {
        var loaded = SweepScenarios.Load(SweepScenarios.Base + """
            sweep:
              list:
                - { population.b0_per_day: 0.8, engine: exact }
                - { population.b0_per_day: 0.4, engine: tau }

            """);
        Assert.Equal(SweepKind.List, loaded.Sweep.Kind);
        Assert.Equal([0.8, 0.4], loaded.Sweep.Points.Select(p => p.Numbers[0]));
        Assert.False(loaded.Sweep.Parameters[1].IsNumeric);
        Assert.Equal(EngineKind.Exact, loaded.ScenarioFor(0, 0).Engine.Engine);
        Assert.Equal(EngineKind.Tau, loaded.ScenarioFor(0, 1).Engine.Engine);
    }

    [Fact]
    public void LatinHypercubeUsesEveryStratumOncePerParameterAndRespectsLogScale()
    {
        const int samples = 40;
        string yaml = SweepScenarios.Base + """
            sweep:
              latin_hypercube:
                samples: 40
                seed: 9
                parameters:
                  population.b0_per_day: { min: 0.4, max: 0.8 }
                  catalog.EGFR_activation.probability_per_division: { min: 1.0e-8, max: 1.0e-5, scale: log }

            """;
        var sweep = SweepScenarios.Load(yaml).Sweep;
        Assert.Equal(samples, sweep.PointCount);
        var linearStrata = sweep.Points.Select(p => (int)Math.Floor((p.Numbers[0] - 0.4) / 0.4 * samples)).OrderBy(s => s);
        var logStrata = sweep.Points.Select(p => (int)Math.Floor((Math.Log10(p.Numbers[1]) + 8) / 3 * samples)).OrderBy(s => s);
        Assert.Equal(Enumerable.Range(0, samples), linearStrata);
        Assert.Equal(Enumerable.Range(0, samples), logStrata);
        Assert.Equal(sweep.Points.Select(p => p.Values), SweepScenarios.Load(yaml).Sweep.Points.Select(p => p.Values));   // seeded
        Assert.NotEqual(sweep.Points.Select(p => p.Values[0]), SweepScenarios.Load(yaml.Replace("seed: 9", "seed: 10")).Sweep.Points.Select(p => p.Values[0]));
    }

    [Fact]
    public void AScenarioWithoutSweepIsOnePointWithoutParameters()
    {
        var sweep = SweepScenarios.Load(SweepScenarios.Base).Sweep;
        Assert.Equal(SweepKind.None, sweep.Kind);
        Assert.Equal(1, sweep.PointCount);
        Assert.Empty(sweep.Parameters);
    }

    [Theory]
    [InlineData("protocol[0].drugs.crizotinib.concentration_nM", "protocol_0_drugs_crizotinib_concentration_nM")]
    [InlineData("drugs.crizotinib.targets.ALK.ic50_nM", "drugs_crizotinib_targets_ALK_ic50_nM")]
    [InlineData("a..b[3]", "a_b_3")]
    public void ColumnNamesNeedNoQuotingInSql(string path, string column) => Assert.Equal(column, SweepColumnNames.ForPath(path));
}
