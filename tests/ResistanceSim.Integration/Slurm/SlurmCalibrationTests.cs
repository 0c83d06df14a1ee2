namespace ResistanceSim.Integration.Slurm;

/// <summary>
/// Submits deploy/slurm/calibrate.sbatch to a real single-node Slurm as a 3-task job array on a small calibration of
/// scenarios/calibration/synthetic-culture.yaml: the tasks cooperate through their journals on one shared directory,
/// each finishes, and the calibrated preset and posterior equal those of a single-process run.
/// </summary>
public class SlurmCalibrationTests
{
    [Fact]
    public void AJobArrayOfThreeShardsGivesTheSingleProcessPosterior()
    {
        using var cluster = new LocalSlurmCluster();
        string file = Path.Combine(cluster.Folder, "fit.yaml");
        string scenario = Path.Combine(cluster.Repository, "scenarios", "calibration", "synthetic-culture.yaml");
        File.WriteAllText(file, $$"""
            name: slurm-fit
            seed: 9
            scenarios:
              culture: { file: '{{scenario}}' }
            parameters:
              population.b0_per_day: { uniform: { min: 0.4, max: 0.8 } }
              population.drug_death_per_day: { uniform: { min: 0.5, max: 1.5 } }
            targets:
              - { name: cells day 10, scenario: culture, metric: log10_cells, day: 10, published: 7.17, tolerance: 0.1 }
              - { name: cells day 30, scenario: culture, metric: log10_cells, day: 30, published: 3.4, tolerance: 0.3 }
            abc: { particles: 8, generations: 3 }
            """);
        string sharded = Path.Combine(cluster.Folder, "sharded"), single = Path.Combine(cluster.Folder, "single");
        cluster.SubmitArray("calibrate.sbatch", 3, file, sharded);

        var reference = LocalSlurmCluster.Run("dotnet", [cluster.Cli, "calibrate", file, "--out", single, "--threads", "2"]);
        Assert.True(reference.ExitCode == 0, reference.Error);
        for (int k = 0; k < 3; k++)
            Assert.True(File.Exists(Path.Combine(sharded, "slurm-fit", "journal", $"shard-{k}-of-3.csv")), $"shard {k} journaled nothing\n{cluster.TaskLogs()}");
        Assert.Equal(File.ReadAllText(Path.Combine(single, "slurm-fit", "calibrated.yaml")), File.ReadAllText(Path.Combine(sharded, "slurm-fit", "calibrated.yaml")));
        var expected = ResistanceSim.Output.Reading.RunTableReader.Read(
            ResistanceSim.Output.Reading.RunFiles.Pending(Path.Combine(single, "slurm-fit"), [Path.Combine(single, "slurm-fit", "posterior", "part-00000.parquet")]), "posterior");
        var actual = ResistanceSim.Output.Reading.RunTableReader.Read(
            ResistanceSim.Output.Reading.RunFiles.Pending(Path.Combine(sharded, "slurm-fit"), [Path.Combine(sharded, "slurm-fit", "posterior", "part-00000.parquet")]), "posterior");
        Assert.Equal(expected.RowCount, actual.RowCount);
        foreach (string column in expected.ColumnNames)
            for (int r = 0; r < expected.RowCount; r++)
                Assert.Equal(expected.Double(column, r), actual.Double(column, r));
    }
}
