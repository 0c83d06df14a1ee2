using System.Globalization;
using ResistanceSim.Runs;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Limits;

namespace ResistanceSim.Server;

/// <summary>
/// What one browser request may ask of a shared laptop: teaching-sized runs only. A run over a limit is refused with
/// a message before it is queued, and so is a run whose resource estimate exceeds <see cref="Resources"/>; a run still
/// going after <see cref="MaxWallTime"/> is stopped.
/// </summary>
public sealed record ServerLimits
{
    /// <summary>Most cells at the start of a run (all initial clones).</summary>
    public long MaxInitialCells { get; init; } = 10_000_000;

    /// <summary>Longest simulated time, days (a virtual trial follows patients for four years).</summary>
    public double MaxDays { get; init; } = 1_500;

    /// <summary>Most replicates.</summary>
    public int MaxReplicates { get; init; } = 200;

    /// <summary>Most work units (arms × sweep points or patients × replicates).</summary>
    public long MaxWorkUnits { get; init; } = 400;

    /// <summary>A run is stopped after this long.</summary>
    public TimeSpan MaxWallTime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest request body (a scenario's YAML is a few kB).</summary>
    public long MaxRequestBytes { get; init; } = 256 * 1024;

    /// <summary>
    /// Memory and tables a run may be estimated to need. They are the server's, not a student's to raise, so their
    /// messages (at the request and when the run holds to them) name no command-line option.
    /// </summary>
    public ResourceLimits Resources
    {
        get;
        init => field = value with { SetOnTheCommandLine = false };
    } = new(512L << 20, 256L << 20) { SetOnTheCommandLine = false };

    /// <summary>Runs executing at once; more wait in the queue.</summary>
    public int ConcurrentRuns { get; init; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Threads each run simulates on: the cores shared between the runs going at once.</summary>
    public int ThreadsPerRun => Math.Max(1, Environment.ProcessorCount / ConcurrentRuns);

    /// <summary>Runs that may wait; a request beyond them is refused as busy.</summary>
    public int QueueCapacity { get; init; } = 32;

    /// <summary>Finished runs kept for charts, downloads and comparison; the oldest are deleted beyond this.</summary>
    public int RunsKept { get; init; } = 200;

    /// <summary>
    /// Most bytes the finished runs' folders may hold together; the oldest are deleted beyond it, as beyond
    /// <see cref="RunsKept"/>. A teaching run writes tens of kB, so the count is the usual bound; this one holds when a
    /// class runs large trials, and it sizes the in-memory file system the folders need (<see cref="Jobs.RunFolderRoot"/>).
    /// </summary>
    public long RunFolderBytesKept { get; init; } = 1L << 30;

    /// <summary>Room the run folders need: the finished runs kept plus the tables of every run going at once.</summary>
    public long RunFolderBytesNeeded => RunFolderBytesKept + ConcurrentRuns * Resources.MaxOutputBytes;

    /// <summary>A running run's partial population chart is redrawn at most this often (a class of pages follows each run).</summary>
    public TimeSpan LiveChartInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Why <paramref name="scenario"/> is refused, one message per limit exceeded (none: accepted).</summary>
    public IReadOnlyList<string> Problems(RunnableScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var model = scenario.Model;
        var problems = new List<string>();
        void Over(string what, double value, double limit)
        {
            if (value > limit) problems.Add(string.Create(CultureInfo.InvariantCulture, $"{what} is {value:G4}, more than this server allows per run ({limit:G4})"));
        }
        Over("the initial population (cells)", model.Population.InitialCells, MaxInitialCells);
        Over("stop.days", model.Stop.Days, MaxDays);
        Over("replicates", model.Replicates, MaxReplicates);
        Over("the number of work units (arms × points or patients × replicates)", scenario.WorkUnits, MaxWorkUnits);
        // The estimate the run itself enforces (RunPipeline), on the threads it will have: refused here, a too-big run
        // never takes a place in the queue.
        problems.AddRange(Resources.Check(scenario.EstimateResources(ThreadsPerRun), SourceLocation.StartOf(scenario.Origin))
            .Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Message));
        return problems;
    }
}
