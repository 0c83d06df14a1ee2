using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Running;
using ResistanceSim.Output.Shards;
using ResistanceSim.Output.Tables;
using ResistanceSim.Scenarios.Sweeps;

namespace ResistanceSim.Tests.Trials;

/// <summary>
/// The arms of a cohort share each patient's untreated history (<see cref="SharedHistories"/>): every table is
/// bit-identical to growing the history in every arm, each history is grown once, and none is kept longer than needed.
/// </summary>
public class SharedHistoryTests
{
    private const string PriorLine = """
          prior_lines:
            - { phase: continuous, days: 420, drugs: { egfri: { concentration_nM: 300 } }, until: progression }
          variability:
        """;

    private const string UnequalArms = """
        arms:
          - name: tki
            protocol: [{ phase: continuous, days: 420, drugs: { tki: { concentration_nM: 300 } } }]
          - name: tki_egfri
            patients: 7
            protocol: [{ phase: continuous, days: 420, drugs: { tki: { concentration_nM: 300 }, egfri: { concentration_nM: 300 } } }]
          - name: egfri
            patients: 9
            protocol: [{ phase: continuous, days: 420, drugs: { egfri: { concentration_nM: 300 } } }]

        """;

    [Theory]
    [InlineData("hybrid", "two arms")]
    [InlineData("exact", "two arms")]
    [InlineData("tau", "two arms")]
    [InlineData("hybrid", "arms of unequal size")]
    [InlineData("hybrid", "a prior line")]
    public void ArmsThatShareHistoriesWriteTheSameTablesAsArmsThatGrowTheirOwn(string engine, string cohort)
    {
        string yaml = TrialScenarios.Header.Replace("engine: hybrid", "engine: " + engine, StringComparison.Ordinal) + cohort switch
        {
            "two arms" => TrialScenarios.Cohort + TrialScenarios.TwoArms,
            "arms of unequal size" => TrialScenarios.Cohort + UnequalArms,
            "a prior line" => TrialScenarios.Cohort.Replace("  variability:", PriorLine, StringComparison.Ordinal) + TrialScenarios.TwoArms,
            _ => throw new ArgumentOutOfRangeException(nameof(cohort)),
        };
        var alone = Run(yaml, share: false);
        var shared = Run(yaml, share: true);
        Assert.True(shared.Histories!.HistoriesReused > 0, "no arm resumed from another arm's history");
        Assert.Equal(alone.Tables, shared.Tables);
    }

    [Fact]
    public void EachPatientsHistoryIsGrownOnceAndDroppedAfterItsLastArm()
    {
        var histories = Run(TrialScenarios.Header + TrialScenarios.Cohort + UnequalArms, share: true).Histories!;
        Assert.Equal(12, histories.HistoriesGrown);
        Assert.Equal(7 + 9, histories.HistoriesReused);
        Assert.Equal(0, histories.HistoriesHeld);
        Assert.True(histories.PeakBytes > 0);
    }

    [Fact]
    public void PatientsOverTheBudgetGrowTheirHistoryInEveryArmWithTheSameResults()
    {
        string yaml = TrialScenarios.Header + TrialScenarios.Cohort + TrialScenarios.TwoArms;
        var overBudget = Run(yaml, share: true, budgetBytes: 0);
        Assert.Equal(0, overBudget.Histories!.HistoriesReused);
        Assert.Equal(24, overBudget.Histories.HistoriesGrown);
        Assert.Equal(Run(yaml, share: false).Tables, overBudget.Tables);
    }

    [Fact]
    public void NothingIsSharedWithoutTwoUnitsOfAPatient()
    {
        var loaded = TrialScenarios.Load(TrialScenarios.Header + TrialScenarios.Cohort + TrialScenarios.TwoArms);
        var all = new WorkUnitRange(loaded.PointsPerArm, replicates: 1);
        var (first, count) = new ShardSpec(0, 2).Range(all.Total);   // the first arm's patients only
        Assert.Null(SharedHistories.ForCohort(loaded.Scenario, new WorkUnitRange(loaded.PointsPerArm, 1, first, count)));
        Assert.NotNull(SharedHistories.ForCohort(loaded.Scenario, new WorkUnitRange(loaded.PointsPerArm, 1, first, count + 1)));   // and patient 0's second arm
        Assert.Null(SharedHistories.ForCohort(loaded.Scenario with { Cohort = null }, all));
    }

    /// <summary>Runs every unit of the cohort and encodes each one's rows of every table, in unit order, exactly.</summary>
    private static (byte[] Tables, SharedHistories? Histories) Run(string yaml, bool share, long budgetBytes = SharedHistories.DefaultBudgetBytes)
    {
        var loaded = TrialScenarios.Load(yaml);
        var scenario = loaded.Scenario;
        var units = new WorkUnitRange(loaded.PointsPerArm, replicates: 1);
        var histories = share ? SharedHistories.ForCohort(scenario, units, budgetBytes) : null;
        var tables = RunTables.For(scenario, loaded.Sweep);
        var batches = tables.Select(t => new TableBatch(t.Columns)).ToArray();
        using var bytes = new MemoryStream();
        using var writer = new BinaryWriter(bytes);
        BatchRunner.Run(scenario, unit => loaded.ScenarioFor(unit.Arm, unit.Point), units, threads: 2,
            Algorithms.All.First(a => a.Kind == scenario.Engine.Engine), s => new SimulationRun(s), result =>
            {
                for (int t = 0; t < tables.Count; t++)
                {
                    tables[t].Fill(result, batches[t]);
                    BatchSpool.Write(writer, t, batches[t]);
                }
            }, CancellationToken.None, histories);
        writer.Flush();
        return (bytes.ToArray(), histories);
    }
}
