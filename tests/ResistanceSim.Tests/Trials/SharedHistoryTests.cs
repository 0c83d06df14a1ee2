using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Running;
using ResistanceSim.Output.Shards;
using ResistanceSim.Output.Tables;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Trials;

/// <summary>
/// The arms of a cohort share each patient's untreated history (<see cref="SharedHistories"/>): every table is
/// bit-identical to growing the history in every arm, each history is grown once, and none is kept longer than needed.
/// </summary>
public class SharedHistoryTests
{
    // An adaptive prior line pauses as the tumour shrinks; its oral doses keep acting in the arm (wash-out) and count in
    // its exposure columns, so the schedule's state must carry over too. (The arms dose the drug as well: the exposure columns need its interval from the arm.)
    private const string PriorLine = """
          prior_lines:
            - { phase: adaptive, days: 420, pause_below_fraction: 0.5, resume_at_fraction: 1.0, drugs: { tki: { concentration_nM: 40 }, oral_egfri: { dose_mg: 100, every_hours: 12 } }, until: progression }
          variability:
        """;

    private const string ConstantPriorLine = """
          prior_lines:
            - { phase: continuous, days: 420, drugs: { egfri: { concentration_nM: 300 } }, until: progression }
          variability:
        """;

    // The prior line ends by time before the first scan: every patient progresses on the arm's own drug (which does not
    // control the parental tumour, so each is eligible).
    private const string PriorLineIntoTheArm = """
          prior_lines:
            - { phase: continuous, days: 21, drugs: { egfri: { concentration_nM: 300 } }, until: progression }
          variability:
        """;

    private const string OralEgfrInhibitorArms = """
        arms:
          - name: oral_egfri
            protocol: [{ phase: continuous, days: 420, drugs: { oral_egfri: { dose_mg: 100, every_hours: 12 } } }]
          - name: tki_oral_egfri
            protocol: [{ phase: continuous, days: 420, drugs: { tki: { concentration_nM: 300 }, oral_egfri: { dose_mg: 100, every_hours: 12 } } }]

        """;

    private const string EgfrInhibitorArms = """
        arms:
          - name: egfri_low
            protocol: [{ phase: continuous, days: 420, drugs: { egfri: { concentration_nM: 100 } } }]
          - name: egfri_high
            protocol: [{ phase: continuous, days: 420, drugs: { egfri: { concentration_nM: 300 } } }]

        """;

    // An oral EGFR inhibitor, and a TKI that decays between refreshes; either makes a run re-evaluate rates on the
    // rate-step clock from diagnosis on.
    private const string MoreDrugs = """
        drugs:
          oral_egfri:
            targets:
              EGFR: { ic50_nM: 20, hill: 1.0 }
            pk: { kind: oral_1cpt, bioavailability: 0.5, ka_per_hour: 1.0, cl_f_l_per_hour: 60, v_f_l: 3636, molar_mass_g_per_mol: 450 }
          decaying_tki:
            targets:
              ALK: { ic50_nM: 24, hill: 1.0 }
            pk: { kind: in_vitro, half_life_days: 0.5 }
        """;

    private const string ConstantAndDecayingArms = """
        arms:
          - name: tki
            protocol: [{ phase: continuous, days: 420, drugs: { tki: { concentration_nM: 300 } } }]
          - name: decaying_tki
            protocol: [{ phase: continuous, days: 420, drugs: { decaying_tki: { concentration_nM: 300 } } }]

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
    [InlineData("hybrid", "a prior line that runs into the arm")]
    [InlineData("hybrid", "a prior line and arms on different rate-step clocks")]
    [InlineData("hybrid", "a prior line whose kills stay on the scans")]
    [InlineData("hybrid", "brain metastases followed one by one")]
    [InlineData("tau", "brain metastases followed one by one")]
    public void ArmsThatShareHistoriesWriteTheSameTablesAsArmsThatGrowTheirOwn(string engine, string cohort)
    {
        string yaml = Yaml(cohort).Replace("engine: hybrid", "engine: " + engine, StringComparison.Ordinal);
        var alone = Run(yaml, share: false);
        var shared = Run(yaml, share: true);
        Assert.True(shared.Histories!.HistoriesReused > 0, "no arm resumed from another arm's history");
        Assert.Equal(alone.Tables, shared.Tables);
    }

    [Theory]
    [InlineData("a prior line", 12)]
    [InlineData("a prior line that runs into the arm", 0)]
    [InlineData("a prior line and arms on different rate-step clocks", 0)]
    [InlineData("a prior line whose kills stay on the scans", 12)]
    public void ArmsResumeAfterThePriorLinesOnlyWhereTheyWouldHaveRunThemAlike(string cohort, int throughPriorLines)
    {
        var histories = Run(Yaml(cohort), share: true).Histories!;
        Assert.Equal(12, histories.HistoriesGrown);
        Assert.Equal(12, histories.HistoriesReused);
        Assert.Equal(throughPriorLines, histories.PriorLinesReused);
    }

    [Fact]
    public void EachPatientsHistoryIsGrownOnceAndDroppedAfterItsLastArm()
    {
        var histories = Run(Yaml("arms of unequal size"), share: true).Histories!;
        Assert.Equal(12, histories.HistoriesGrown);
        Assert.Equal(7 + 9, histories.HistoriesReused);
        Assert.Equal(0, histories.HistoriesHeld);
        Assert.True(histories.PeakBytes > 0);
    }

    [Fact]
    public void PatientsOverTheBudgetGrowTheirHistoryInEveryArmWithTheSameResults()
    {
        string yaml = Yaml("two arms");
        var overBudget = Run(yaml, share: true, budgetBytes: 0);
        Assert.Equal(0, overBudget.Histories!.HistoriesReused);
        Assert.Equal(24, overBudget.Histories.HistoriesGrown);
        Assert.Equal(Run(yaml, share: false).Tables, overBudget.Tables);
    }

    [Fact]
    public void RunsShareHistoriesAcrossTheArmsTheirShardHolds()
    {
        using var temp = new TempDirectory();
        var loaded = TrialScenarios.Load(Yaml("two arms"));
        var scenario = loaded.Scenario;
        var units = new WorkUnitRange(loaded.PointsPerArm, replicates: 1);
        var work = new DoneList("test", scenario.Seed, "hybrid", 1, loaded.Sweep.PointCount, "csv", "0/1", units.Count, 0, 0, false);
        using var checkpoints = new ShardCheckpoints(temp.Path, 0, RunTables.For(scenario, loaded.Sweep), work, resume: false);
        var report = ShardRunner.Run(scenario, unit => loaded.ScenarioFor(unit.Arm, unit.Point), units, 2,
            Algorithms.All.First(a => a.Kind == scenario.Engine.Engine), checkpoints, _ => { }, CancellationToken.None);
        Assert.Equal(new ShardRunReport(24, HistoriesReused: 12), report);
    }

    [Fact]
    public void NothingIsSharedWithoutTwoUnitsOfAPatient()
    {
        var loaded = TrialScenarios.Load(Yaml("two arms"));
        var all = new WorkUnitRange(loaded.PointsPerArm, replicates: 1);
        var (first, count) = new ShardSpec(0, 2).Range(all.Total);   // the first arm's patients only
        Assert.Null(SharedHistories.ForCohort(loaded.Scenario, new WorkUnitRange(loaded.PointsPerArm, 1, first, count)));
        Assert.NotNull(SharedHistories.ForCohort(loaded.Scenario, new WorkUnitRange(loaded.PointsPerArm, 1, first, count + 1)));   // and patient 0's second arm
        Assert.Null(SharedHistories.ForCohort(loaded.Scenario with { Cohort = null }, all));
    }

    private static string Yaml(string cohort)
    {
        // The lesions founded before diagnosis are part of the patient's past: a resumed arm founds the next ones.
        if (cohort == "brain metastases followed one by one") return SanctuaryLesionFoundingTests.Yaml(TrialScenarios.TwoArms);
        string WithPriorLine(string priorLine) => TrialScenarios.Cohort.Replace("  variability:", priorLine, StringComparison.Ordinal);
        return TrialScenarios.Header.Replace("drugs:\n", MoreDrugs + "\n", StringComparison.Ordinal) + cohort switch
        {
            "two arms" => TrialScenarios.Cohort + TrialScenarios.TwoArms,
            "arms of unequal size" => TrialScenarios.Cohort + UnequalArms,
            "a prior line" => WithPriorLine(PriorLine) + OralEgfrInhibitorArms,
            "a prior line that runs into the arm" => WithPriorLine(PriorLineIntoTheArm) + EgfrInhibitorArms,
            "a prior line and arms on different rate-step clocks" => WithPriorLine(ConstantPriorLine) + ConstantAndDecayingArms,
            // The killed cells the prior line leaves uncleared are part of the patient's past: the arms' baseline scans read them.
            "a prior line whose kills stay on the scans" => WithPriorLine(PriorLine).Replace("lesions: 1,", "lesions: 1, killed_cells_half_life_days: 30,", StringComparison.Ordinal)
                + OralEgfrInhibitorArms,
            _ => throw new ArgumentOutOfRangeException(nameof(cohort)),
        };
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
