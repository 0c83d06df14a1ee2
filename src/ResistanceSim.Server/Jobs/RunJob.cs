using System.Security.Cryptography;
using ResistanceSim.Runs;
using ResistanceSim.Server.Lessons;

namespace ResistanceSim.Server.Jobs;

/// <summary>
/// One run requested by a page: its validated scenario, its state and progress, and when done the charts and answer
/// checks. Every change bumps <see cref="Version"/> and wakes <see cref="WaitForChangeAsync"/>, which the event stream awaits.
/// </summary>
public sealed class RunJob
{
    private readonly object _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _changed = NewSignal();
    private int _watchers;

    internal RunJob(RunnableScenario scenario, Lesson? lesson, string workRoot)
    {
        Scenario = scenario;
        Lesson = lesson;
        Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        OutputRoot = Path.Combine(workRoot, Id);
    }

    /// <summary>Unguessable id: the run's address (<c>/api/runs/{id}</c>).</summary>
    public string Id { get; }

    /// <summary>The validated scenario, overrides applied.</summary>
    public RunnableScenario Scenario { get; }

    /// <summary>The lesson whose questions are checked on this run, or null.</summary>
    public Lesson? Lesson { get; }

    /// <summary>The output root of this run alone; the run directory is its one subfolder.</summary>
    public string OutputRoot { get; }

    /// <summary>The run directory (set once the run has written it).</summary>
    public string? RunDirectory { get; private set; }

    public RunState State { get; private set; } = RunState.Queued;
    public int UnitsDone { get; private set; }
    public int UnitsTotal { get; private set; }
    public string Stage { get; private set; } = "queued";

    /// <summary>1-based place in the queue while <see cref="RunState.Queued"/>; 0 otherwise.</summary>
    public int QueuePosition { get; private set; }

    /// <summary>Chart files under the run directory's <c>plots/</c>, in drawing order.</summary>
    public IReadOnlyList<string> Charts { get; private set; } = [];

    /// <summary>While the run goes: the population chart of the units finished so far (SVG); null before the first is drawn.</summary>
    public string? LiveChart { get; private set; }

    /// <summary>Counts the live charts drawn, so a page can tell a new one from the last.</summary>
    public int LiveCharts { get; private set; }

    /// <summary>Lattice frames (PNG) under the run directory's <c>plots/</c>, in day order, with their labels; empty without a lattice.</summary>
    public IReadOnlyList<(string File, string Label)> Frames { get; private set; } = [];

    /// <summary>The lesson's checks on this run, in question order.</summary>
    public IReadOnlyList<AnswerCheck> Checks { get; private set; } = [];

    /// <summary>Why the run failed or was stopped.</summary>
    public string? Error { get; private set; }

    /// <summary>Counts changes; an event stream sends the state again whenever it moves.</summary>
    public int Version { get; private set; }

    public bool IsFinished => State is RunState.Done or RunState.Failed or RunState.Cancelled;

    /// <summary>Stops the run when it fires: a page that left, the wall-time limit, or the server stopping.</summary>
    public CancellationToken Stopping => _stop.Token;

    /// <summary>Stops the run (a queued run will not start).</summary>
    public void Cancel(string reason)
    {
        lock (_gate)
        {
            if (IsFinished) return;
            Error ??= reason;
        }
        _stop.Cancel();
    }

    /// <summary>A page is following this run; when the last one leaves before it finishes, the run is stopped.</summary>
    public IDisposable Watch()
    {
        Interlocked.Increment(ref _watchers);
        return new Watcher(this);
    }

    /// <summary>
    /// <paramref name="read"/> of this job with no change in between: what it reads of the state, progress and results
    /// belongs to one <see cref="Version"/> (every change is made under the same lock).
    /// </summary>
    public T Snapshot<T>(Func<RunJob, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_gate) return read(this);
    }

    /// <summary>Completes when <see cref="Version"/> moves past <paramref name="seen"/> (at once if it already has).</summary>
    public Task WaitForChangeAsync(int seen, CancellationToken cancellation)
    {
        Task changed;
        lock (_gate)
        {
            if (Version != seen) return Task.CompletedTask;
            changed = _changed.Task;
        }
        return changed.WaitAsync(cancellation);
    }

    internal void Queued(int position) => Update(() => QueuePosition = position);

    internal void Started(string directory) => Update(() =>
    {
        State = RunState.Running;
        QueuePosition = 0;
        Stage = "starting";
        RunDirectory = directory;
    });

    internal void Progressed(RunProgress progress)
    {
        if (progress.Stage == RunStage.Notice) return;
        Update(() =>
        {
            Stage = progress.Stage.ToString().ToLowerInvariant();
            UnitsDone = progress.UnitsDone;
            UnitsTotal = progress.UnitsTotal;
        });
    }

    internal void Drew(string liveChart) => Update(() =>
    {
        LiveChart = liveChart;
        LiveCharts++;
    });

    internal void Finished(IReadOnlyList<string> charts, IReadOnlyList<(string File, string Label)> frames, IReadOnlyList<AnswerCheck> checks) => Update(() =>
    {
        Charts = charts;
        Frames = frames;
        Checks = checks;
        State = RunState.Done;
        Stage = "done";
    });

    internal void Ended(RunState state, string error) => Update(() =>
    {
        State = state;
        Stage = state.ToString().ToLowerInvariant();
        QueuePosition = 0;
        Error ??= error;
    });

    private void Update(Action change)
    {
        TaskCompletionSource wake;
        lock (_gate)
        {
            change();
            Version++;
            wake = _changed;
            _changed = NewSignal();
        }
        wake.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Watcher(RunJob job) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0 && Interlocked.Decrement(ref job._watchers) == 0 && !job.IsFinished)
                job.Cancel("stopped: the page that started this run was closed");
        }
    }
}
