using Spectre.Console;

namespace ResistanceSim.Cli.Terminal;

/// <summary>A Spectre.Console progress bar with rate and remaining time, for interactive terminals.</summary>
public sealed class SpectreProgressReporter : IProgressReporter
{
    public T Track<T>(string description, int total, Func<Action, T> work) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: total);
                return work(() => task.Increment(1));
            });
}
