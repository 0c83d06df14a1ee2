using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Observation;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Output.Reading;
using ResistanceSim.Output.Tables;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Output;

/// <summary>
/// <c>totals.expected_cells</c> (issue #5): the ode engine's unrounded mean field, of which
/// <c>total_cells</c> is the rounding; null for every stochastic engine.
/// </summary>
public class ExpectedCellsColumnTests
{
    private const double Birth = 1.0, Death = 0.7, InitialCells = 1e6;

    [Fact]
    public void OdeWritesTheUnroundedExponentialAndRoundsItIntoTotalCells()
    {
        var scenario = Exponential(EngineKind.Ode);
        var (batch, expected, total, day) = TotalsOfOneRun(scenario, new OdeMethod());
        Assert.True(batch.RowCount >= 27, $"{batch.RowCount} samples");
        for (int r = 0; r < batch.RowCount; r++)
        {
            double closedForm = InitialCells * Math.Exp((Birth - Death) * batch.Double(day)[r]);
            Assert.True(batch.Valid(expected)[r], $"row {r} is null");
            double value = batch.Double(expected)[r];
            Assert.True(Math.Abs(value - closedForm) <= 1e-8 * closedForm,
                $"day {batch.Double(day)[r]}: expected_cells {value:R}, N0·e^(rt) {closedForm:R}, rel. error {Math.Abs(value / closedForm - 1):E2}");
            // One genotype: the clone count is the rounding of the expected count.
            Assert.Equal((long)Math.Round(value, MidpointRounding.AwayFromZero), batch.Int64(total)[r]);
        }
        Assert.NotEqual((double)batch.Int64(total)[batch.RowCount - 1], batch.Double(expected)[batch.RowCount - 1]);
    }

    [Theory]
    [MemberData(nameof(StochasticEngines))]
    public void StochasticEnginesLeaveItNull(string engine)
    {
        var info = Algorithms.All.Single(a => a.Name == engine);
        var scenario = Exponential(info.Kind);
        scenario = scenario with { Population = scenario.Population with { Initial = [new InitialClone([], 1_000)] } };   // small enough for the exact engine
        var (batch, expected, _, _) = TotalsOfOneRun(scenario, info.Create());
        Assert.True(batch.RowCount > 1);
        for (int r = 0; r < batch.RowCount; r++) Assert.False(batch.Valid(expected)[r], $"row {r} of {engine} has a value");
    }

    [Theory]
    [InlineData("parquet")]
    [InlineData("csv")]
    public void TheSinksWriteValuesAndNullsThatReadBack(string format)
    {
        using var temp = new TempDirectory();
        double roundingBound = 0.5 * ReachableGenotypes(Repository.Scenario("quickstart.yaml"));
        foreach (string engine in new[] { "ode", "tau" })
        {
            string outDir = Path.Combine(temp.Path, engine);
            Assert.Equal(0, Support.Cli.Run("run", Repository.Scenario("quickstart.yaml"), "--out", outDir, "--engine", engine,
                "--replicates", "1", "--format", format, "--no-plots").ExitCode);
            var totals = RunTableReader.Read(Path.Combine(outDir, "quickstart"), "totals");
            Assert.True(totals.RowCount > 1);
            for (int r = 0; r < totals.RowCount; r++)
            {
                if (engine == "tau")
                {
                    Assert.Null(totals["expected_cells", r]);
                    continue;
                }
                double expected = totals.Double("expected_cells", r), rounded = totals.Long("total_cells", r);
                Assert.True(Math.Abs(expected - rounded) <= roundingBound, $"row {r}: expected {expected:R}, total {rounded}");
            }
        }
    }

    /// <summary>Each reachable genotype's count is rounded separately, by at most half a cell.</summary>
    private static int ReachableGenotypes(string scenarioPath)
    {
        var scenario = ResistanceSim.Scenarios.ScenarioLoader.Load(scenarioPath).Scenario;
        var ode = new OdeMethod();
        Simulator.Run(new SimulationRun(scenario), ode, new WorkUnit(0, 0, 0), observer: null);
        return ode.Genotypes.Count;
    }

    public static TheoryData<string> StochasticEngines() => [.. Algorithms.Stochastic.Select(a => a.Name)];

    private static Scenario Exponential(EngineKind engine)
    {
        var scenario = ReferenceScenarios.LinearBirthDeath(Birth, Death, (long)InitialCells, 10, engine: engine);
        return scenario with
        {
            Engine = scenario.Engine with { OdeRelativeTolerance = 1e-11, OdeAbsoluteTolerance = 1e-6 },
            Sampling = scenario.Sampling with { EveryDays = 0.37 },
        };
    }

    /// <summary>The totals table of one run, filled as the sinks receive it, with the indices of its expected, total and day columns.</summary>
    private static (TableBatch Batch, int Expected, int Total, int Day) TotalsOfOneRun(Scenario scenario, ISimulationAlgorithm engine)
    {
        var result = new WorkUnitResult(scenario.Catalog.All.Count, scenario.DrugList.Count);
        Simulator.Run(new SimulationRun(scenario), engine, new WorkUnit(0, 0, 0), new TableRecorder(result));
        var table = new TotalsTable(scenario);
        var batch = new TableBatch(table.Columns);
        table.Fill(result, batch);
        int Column(string name) => table.Columns.ToList().FindIndex(c => c.Name == name);
        return (batch, Column("expected_cells"), Column("total_cells"), Column("time_days"));
    }
}
