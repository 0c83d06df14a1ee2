namespace ResistanceSim.Integration.Faults;

/// <summary>
/// The run the fault tests interrupt: the bundled quickstart (5 work units, so 5 checkpointed chunks and
/// 4 tables to publish) on one thread without plots, into a folder of its own.
/// </summary>
public sealed class FaultScenario : IDisposable
{
    public FaultScenario()
    {
        Root = Path.Combine(Path.GetTempPath(), "resistancesim-faults-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public static string ScenarioPath
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ResistanceSim.sln"))) return Path.Combine(dir.FullName, "scenarios", "quickstart.yaml");
            throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The arguments of <c>run</c> into <paramref name="outputRoot"/> with <paramref name="extra"/> options.</summary>
    public static string[] RunArgs(string outputRoot, params string[] extra) =>
        ["run", ScenarioPath, "--out", outputRoot, "--threads", "1", "--no-plots", .. extra];

    /// <summary>The run directory under <paramref name="outputRoot"/>.</summary>
    public static string RunDirectoryIn(string outputRoot) => Path.Combine(outputRoot, "quickstart");

    /// <summary>An uninterrupted run with <paramref name="extra"/> options into a fresh folder; returns its run directory.</summary>
    public string Reference(string name, params string[] extra)
    {
        string root = Path.Combine(Root, name);
        var result = CliProcess.Run(RunArgs(root, extra));
        Assert.True(result.ExitCode == 0, result.ToString());
        return RunDirectoryIn(root);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
