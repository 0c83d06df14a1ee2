using System.Diagnostics;

namespace ResistanceSim.Integration.Slurm;

/// <summary>
/// A real single-node Slurm (munged, slurmctld, slurmd on localhost) brought up by deploy/slurm/local-cluster.sh in a
/// temporary folder, with the built CLI to submit; disposing stops the daemons and removes the folder.
/// </summary>
internal sealed class LocalSlurmCluster : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private readonly string _script;

    public LocalSlurmCluster()
    {
        Repository = RepositoryRoot();
        Folder = Path.Combine(Path.GetTempPath(), "resistancesim-slurm-" + Guid.NewGuid().ToString("N")[..8]);
        _script = Path.Combine(Repository, "deploy", "slurm", "local-cluster.sh");
        Cli = Path.Combine(AppContext.BaseDirectory, "resistancesim.dll");
        Assert.True(File.Exists(Cli), $"{Cli} is missing: the integration project must reference ResistanceSim.Cli");
        ExternalTool.Require("sbatch", "apt-get install -y slurm-wlm munge");
        var started = Run(_script, ["start", Folder]);
        Assert.True(started.ExitCode == 0, $"Slurm did not start ({_script} start exited {started.ExitCode}):\n{started.Output}\n{started.Error}");
    }

    public string Repository { get; }

    /// <summary>The cluster's folder (its slurm.conf, the task logs, and room for outputs).</summary>
    public string Folder { get; }

    /// <summary>The built resistancesim.dll.</summary>
    public string Cli { get; }

    /// <summary>Submits <paramref name="sbatchScript"/> as an array of <paramref name="tasks"/> one-CPU tasks and waits for it.</summary>
    public void SubmitArray(string sbatchScript, int tasks, params string[] arguments)
    {
        var environment = new Dictionary<string, string>
        {
            ["SLURM_CONF"] = Path.Combine(Folder, "slurm.conf"),
            ["RESISTANCESIM"] = $"dotnet {Cli}",
            ["THREADS"] = "1",
        };
        var submitted = Run("sbatch", ["--wait", $"--array=0-{tasks - 1}", "--cpus-per-task=1", "--mem=300M", $"--output={Folder}/task-%a.log",
            "--chdir", Folder, Path.Combine(Repository, "deploy", "slurm", sbatchScript), .. arguments], environment);
        Assert.True(submitted.ExitCode == 0, $"the job array failed (sbatch exit {submitted.ExitCode}):\n{submitted.Error}\n{TaskLogs()}");
    }

    /// <summary>Every task's log, for failure messages.</summary>
    public string TaskLogs() =>
        string.Join('\n', Directory.GetFiles(Folder, "*.log").Order(StringComparer.Ordinal).Select(f => $"---- {f}\n{File.ReadAllText(f)}"));

    public static (int ExitCode, string Output, string Error) Run(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
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

    public void Dispose()
    {
        Run(_script, ["stop", Folder]);
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ResistanceSim.sln"))) return dir.FullName;
        throw new InvalidOperationException("ResistanceSim.sln not found above " + AppContext.BaseDirectory);
    }
}
