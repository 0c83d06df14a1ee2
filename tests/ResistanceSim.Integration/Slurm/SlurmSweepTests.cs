namespace ResistanceSim.Integration.Slurm;

/// <summary>
/// Submits deploy/slurm/sweep.sbatch to a real single-node Slurm (<see cref="LocalSlurmCluster"/>) as a 4-task job
/// array running the built CLI on the bundled sweep (12 points × 8 replicates = 96 units), waits, and checks the
/// shards' tables together equal a single-process run row for row. Needs root, `slurm-wlm` and `munge`; if Slurm
/// cannot start the test fails with the daemons' logs.
/// </summary>
public class SlurmSweepTests
{
    private static readonly string[] Tables = ["totals", "clones", "trajectories", "summary", "points"];

    [Fact]
    public void AJobArrayOfFourShardsEqualsTheSingleProcessRun()
    {
        using var cluster = new LocalSlurmCluster();
        string scenario = Path.Combine(cluster.Repository, "scenarios", "sweep-mutation-rate-vs-dose.yaml");
        string sharded = Path.Combine(cluster.Folder, "sharded"), single = Path.Combine(cluster.Folder, "single");
        cluster.SubmitArray("sweep.sbatch", 4, scenario, sharded);

        var reference = LocalSlurmCluster.Run("dotnet", [cluster.Cli, "run", scenario, "--out", single, "--threads", "2"]);
        Assert.True(reference.ExitCode == 0, reference.Error);
        string run = "sweep-mutation-rate-vs-dose";
        for (int k = 0; k < 4; k++)
            Assert.True(File.Exists(Path.Combine(sharded, run, "summary", $"part-{k:D5}.parquet")), $"shard {k} wrote no summary part\n{cluster.TaskLogs()}");
        foreach (string table in Tables)
            Assert.Equal(Rows(Path.Combine(single, run), table), Rows(Path.Combine(sharded, run), table));
    }

    /// <summary>Every row of a table across its part files in part order (Parquet, read back with our reader), as text.</summary>
    private static List<string> Rows(string runDirectory, string table)
    {
        var data = ResistanceSim.Output.Reading.RunTableReader.Read(runDirectory, table);
        var rows = Enumerable.Range(0, data.RowCount)
            .Select(r => string.Join(',', data.ColumnNames.Select(c => data.String(c, r) ?? "null")))
            .Prepend(string.Join(',', data.ColumnNames))
            .ToList();
        Assert.True(rows.Count > 1, $"{table} has no rows");
        return rows;
    }
}
