using Spectre.Console;

namespace ResistanceSim.Cli.Terminal;

/// <summary>
/// A Spectre.Console progress bar with rate and remaining time, for interactive terminals. Spectre draws a bar only
/// while a callback runs, and the run reports its units as events, so the bar lives on its own thread from
/// <see cref="Start"/> until <see cref="Dispose"/>, which waits for its last frame before anything else is printed.
/// </summary>
public sealed class SpectreProgressReporter : IProgressReporter
{
    private readonly ManualResetEventSlim _started = new();
    private readonly ManualResetEventSlim _finished = new();
    private Thread? _display;
    private ProgressTask? _task;

    public void Start(string description, int total)
    {
        _display = new Thread(() => AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                _task = context.AddTask(Markup.Escape(description), maxValue: total);
                _started.Set();
                _finished.Wait();
            })) { IsBackground = true, Name = "progress bar" };
        _display.Start();
        _started.Wait();
    }

    public void UnitDone() => _task?.Increment(1);

    public void Dispose()
    {
        _finished.Set();
        _display?.Join();
        _started.Dispose();
        _finished.Dispose();
    }
}
