using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ResistanceSim.Runs;
using ResistanceSim.Runs.Reporting;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Server.Lessons;

namespace ResistanceSim.Server.Jobs;

/// <summary>
/// The bounded queue of runs: <see cref="ServerLimits.ConcurrentRuns"/> run at once (each on its share of the cores),
/// up to <see cref="ServerLimits.QueueCapacity"/> wait with their position shown, and more are refused. Each run writes
/// into its own folder under a private work root (<see cref="RunFolderRoot"/>), which is deleted with the queue.
/// </summary>
public sealed class RunQueue : IAsyncDisposable
{
    private readonly ServerLimits _limits;
    private readonly ILogger _logger;
    private readonly string _workRoot;
    private readonly LinkedList<RunJob> _waiting = new();
    private readonly Queue<(RunJob Job, long Bytes)> _finished = new();
    private long _finishedBytes;
    private readonly ConcurrentDictionary<string, RunJob> _jobs = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _available = new(0);
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Task[] _workers;
    /// <summary>Answers the lessons' checks of every run: one DuckDB for the server's life, a connection per run.</summary>
    private readonly SharedRunDatabase _databases = new();

    public RunQueue(ServerLimits limits, string workRoot, ILogger<RunQueue> logger)
    {
        _limits = limits ?? throw new ArgumentNullException(nameof(limits));
        _workRoot = workRoot ?? throw new ArgumentNullException(nameof(workRoot));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        Directory.CreateDirectory(_workRoot);
        // A run blocks its worker for seconds to minutes while its simulation threads keep every core busy. On a pool
        // thread it would take one of the few threads that serve requests and stream progress, and a busy CPU makes the
        // thread pool wait seconds before adding another: the page's progress would stall. So each worker owns a thread.
        _workers = [.. Enumerable.Range(0, limits.ConcurrentRuns)
            .Select(_ => Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))];
    }

    /// <summary>Queues a validated scenario; null when the queue is full.</summary>
    public RunJob? TryEnqueue(RunnableScenario scenario, Lesson? lesson)
    {
        var job = new RunJob(scenario, lesson, _workRoot);
        lock (_waiting)
        {
            if (_waiting.Count >= _limits.QueueCapacity) return null;
            _waiting.AddLast(job);
            _jobs[job.Id] = job;
            job.Queued(_waiting.Count);
        }
        job.Stopping.Register(() => Withdraw(job));
        _available.Release();
        return job;
    }

    /// <summary>A run stopped while it waits leaves the queue at once, and the runs behind it move up.</summary>
    private void Withdraw(RunJob job)
    {
        lock (_waiting)
        {
            if (!_waiting.Remove(job)) return;   // already running or done: its worker ends it
            Renumber();
        }
        job.Ended(RunState.Cancelled, "stopped before it started");
        Retire(job);
    }

    /// <summary>Shows every waiting run its 1-based place; call under the <c>_waiting</c> lock.</summary>
    private void Renumber()
    {
        int position = 0;
        foreach (var waiting in _waiting) waiting.Queued(++position);
    }

    /// <summary>The folder every run of this queue writes under.</summary>
    public string WorkRoot => _workRoot;

    /// <summary>Bytes in the folders of the finished runs kept.</summary>
    public long FinishedBytes => Interlocked.Read(ref _finishedBytes);

    /// <summary>
    /// The run with this id, or null (unknown, or deleted to keep <see cref="ServerLimits.RunsKept"/> and
    /// <see cref="ServerLimits.RunFolderBytesKept"/>).
    /// </summary>
    public RunJob? Find(string id) => _jobs.GetValueOrDefault(id);

    private void Work()
    {
        while (true)
        {
            try
            {
                _available.Wait(_shutdown.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            RunJob job;
            lock (_waiting)
            {
                if (_waiting.First is null) continue;   // its run was withdrawn: the release it made has no run left
                job = _waiting.First.Value;
                _waiting.RemoveFirst();
                Renumber();
            }
            Execute(job);
            Retire(job);
        }
    }

    private void Execute(RunJob job)
    {
        if (job.Stopping.IsCancellationRequested)
        {
            job.Ended(RunState.Cancelled, "stopped before it started");
            return;
        }
        using var wallTime = CancellationTokenSource.CreateLinkedTokenSource(job.Stopping, _shutdown.Token);
        wallTime.CancelAfter(_limits.MaxWallTime);
        var settings = new RunSettings
        {
            Threads = _limits.ThreadsPerRun,
            Limits = _limits.Resources,
            LockHolder = "resistancesim serve",
            // The page shows the charts; report.html is written only if the run is downloaded (most runs of a class are not).
            ReportPage = false,
            // Nobody resumes a class's run: its finished units stay in memory, not in spool files on disk.
            Checkpoints = false,
        };
        try
        {
            job.Started(Path.Combine(job.OutputRoot, job.Scenario.Name));
            var reporter = new Reporter(job, new Throttle(_limits.LiveChartInterval, TimeProvider.System));
            var outcome = ScenarioRunner.RunIntoDirectory(job.Scenario, job.OutputRoot, settings, reporter, wallTime.Token);
            string plots = Path.Combine(outcome.RunDirectory, RunReport.PlotsFolder);
            IReadOnlyList<string> charts = Directory.Exists(plots)
                ? [.. Directory.EnumerateFiles(plots, "*.svg").Select(Path.GetFileName).OfType<string>().OrderBy(ChartRank).ThenBy(f => f, StringComparer.Ordinal)]
                : [];
            var checks = job.Lesson is { } lesson ? Checks(lesson, outcome.RunDirectory) : [];
            job.Finished(charts, LatticeFrames.Written(outcome.RunDirectory), checks);
        }
        catch (Exception e) when (e is RunStoppedException or OperationCanceledException)
        {
            job.Ended(RunState.Cancelled, job.Stopping.IsCancellationRequested || _shutdown.IsCancellationRequested
                ? "stopped"
                : $"stopped: the run took longer than this server's limit of {_limits.MaxWallTime.TotalSeconds:0} s");
        }
        catch (ScenarioValidationException e)
        {
            job.Ended(RunState.Failed, string.Join("\n", e.Diagnostics.Select(d => d.Message)));
        }
        catch (RunRequestException e)
        {
            job.Ended(RunState.Failed, e.Message);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "run {Id} failed", job.Id);   // a bug: the page says so, the log has the trace
            job.Ended(RunState.Failed, $"internal error: {e.Message}");
        }
    }

    private IReadOnlyList<AnswerCheck> Checks(Lesson lesson, string runDirectory)
    {
        using var database = _databases.Open(runDirectory);
        return AnswerCheck.Evaluate(lesson.Questions, database);
    }

    /// <summary>The course of the population first, then how it is composed, then measurements and trial readouts.</summary>
    private static int ChartRank(string file) => file switch
    {
        "population.svg" => 0,
        "muller.svg" => 1,
        "pfs-kaplan-meier.svg" => 2,
        _ => 3,
    };

    /// <summary>
    /// Keeps the newest finished runs for comparison and downloads, within <see cref="ServerLimits.RunsKept"/> and
    /// <see cref="ServerLimits.RunFolderBytesKept"/>; deletes the folders of older ones (never the newest).
    /// </summary>
    private void Retire(RunJob job)
    {
        var retired = new List<RunJob>();
        long bytes = FolderBytes(job.OutputRoot);   // the finished run's own folder: measured outside the lock
        lock (_finished)
        {
            _finished.Enqueue((job, bytes));
            _finishedBytes += bytes;
            while (_finished.Count > 1 && (_finished.Count > _limits.RunsKept || _finishedBytes > _limits.RunFolderBytesKept))
            {
                var (oldest, oldestBytes) = _finished.Dequeue();
                _finishedBytes -= oldestBytes;
                retired.Add(oldest);
            }
        }
        foreach (var oldest in retired)
        {
            _jobs.TryRemove(oldest.Id, out _);
            DeleteQuietly(oldest.OutputRoot);
        }
    }

    private static long FolderBytes(string folder) =>
        Directory.Exists(folder) ? new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;

    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync().ConfigureAwait(false);
        foreach (var job in _jobs.Values) job.Cancel("the server stopped");
        await Task.WhenAll(_workers).ConfigureAwait(false);
        _databases.Dispose();
        DeleteQuietly(_workRoot);
        _shutdown.Dispose();
        _available.Dispose();
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A download may still hold a file open; the work root goes with the server.
        }
    }

    /// <summary>
    /// Progress is reported on the running thread: it updates the job (no I/O) and, at most once per
    /// <see cref="ServerLimits.LiveChartInterval"/>, redraws the population chart of the units finished so far.
    /// </summary>
    private sealed class Reporter(RunJob job, Throttle redraw) : IProgress<RunProgress>
    {
        private readonly LivePopulationChart _chart = new(job.Scenario.Name);

        public void Report(RunProgress value)
        {
            job.Progressed(value);
            if (_chart.Add(value) && redraw.TryPass() && _chart.Render() is { } svg) job.Drew(svg);
        }
    }
}
