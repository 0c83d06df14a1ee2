using System.Diagnostics;

namespace ResistanceSim.Integration.Slurm;

/// <summary>
/// Brings up a real single-node Slurm (munged, slurmctld, slurmd on localhost via deploy/slurm/local-cluster.sh),
/// submits deploy/slurm/sweep.sbatch as a 4-task job array running the built CLI on the bundled sweep
/// (12 points × 8 replicates = 96 units), waits, and checks the shards' tables together equal a single-process
/// run row for row. Needs root, `slurm-wlm` and `munge`; if Slurm cannot start the test fails with the daemons' logs.
/// </summary>
public class SlurmSweepTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private static readonly string[] Tables = ["totals", "clones", "trajectories", "summary", "points"];

    [Fact]
    public void AJobArrayOfFourShardsEqualsTheSingleProcessRun()
    {
        string repository = RepositoryRoot();
        string cluster = Path.Combine(Path.GetTempPath(), "resistancesim-slurm-" + Guid.NewGuid().ToString("N")[..8]);
        string script = Path.Combine(repository, "deploy", "slurm", "local-cluster.sh");
        string scenario = Path.Combine(repository, "scenarios", "sweep-mutation-rate-vs-dose.yaml");
        string cli = Path.Combine(AppContext.BaseDirectory, "resistancesim.dll");
        Assert.True(File.Exists(cli), $"{cli} is missing: the integration project must reference ResistanceSim.Cli");
        ExternalTool.Require("sbatch", "apt-get install -y slurm-wlm munge");
        try
        {
            var started = Run(script, ["start", cluster]);
            Assert.True(started.ExitCode == 0, $"Slurm did not start ({script} start exited {started.ExitCode}):\n{started.Output}\n{started.Error}");
            var environment = new Dictionary<string, string>
            {
                ["SLURM_CONF"] = Path.Combine(cluster, "slurm.conf"),
                ["RESISTANCESIM"] = $"dotnet {cli}",
                ["THREADS"] = "1",
            };
            string sharded = Path.Combine(cluster, "sharded"), single = Path.Combine(cluster, "single");
            var submitted = Run("sbatch", ["--wait", "--array=0-3", "--cpus-per-task=1", "--mem=300M", $"--output={cluster}/task-%a.log",
                "--chdir", cluster, Path.Combine(repository, "deploy", "slurm", "sweep.sbatch"), scenario, sharded], environment);
            Assert.True(submitted.ExitCode == 0, $"the job array failed (sbatch exit {submitted.ExitCode}):\n{submitted.Error}\n{TaskLogs(cluster)}");

            var reference = Run("dotnet", [cli, "run", scenario, "--out", single, "--threads", "2"]);
            Assert.True(reference.ExitCode == 0, reference.Error);
            string run = "sweep-mutation-rate-vs-dose";
            for (int k = 0; k < 4; k++)
                Assert.True(File.Exists(Path.Combine(sharded, run, "summary", $"part-{k:D5}.parquet")), $"shard {k} wrote no summary part\n{TaskLogs(cluster)}");
            foreach (string table in Tables)
                Assert.Equal(Rows(Path.Combine(single, run), table), Rows(Path.Combine(sharded, run), table));
        }
        finally
        {
            Run(script, ["stop", cluster]);
            try { Directory.Delete(cluster, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
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

    private static string TaskLogs(string cluster) =>
        string.Join('\n', Directory.GetFiles(cluster, "*.log").Order(StringComparer.Ordinal).Select(f => $"---- {f}\n{File.ReadAllText(f)}"));

    private static (int ExitCode, string Output, string Error) Run(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new Xunit.Sdk.XunitException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"{program} {string.Join(' ', arguments)} did not finish within {Timeout.TotalMinutes} min");
        }
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ResistanceSim.sln"))) return dir.FullName;
        throw new InvalidOperationException("ResistanceSim.sln not found above " + AppContext.BaseDirectory);
    }
}
