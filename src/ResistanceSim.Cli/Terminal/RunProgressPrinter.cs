using ResistanceSim.Runs;

namespace ResistanceSim.Cli.Terminal;

/// <summary>
/// A run's reports on the terminal: notices (warnings, notes) as lines on the error stream, the resumed count and the
/// work-unit progress on the output stream. Dispose it before printing after the run, so a live bar is finished first.
/// </summary>
public sealed class RunProgressPrinter(TextWriter output, TextWriter error) : IProgress<RunProgress>, IDisposable
{
    private IProgressReporter? _units;

    public void Report(RunProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        switch (value.Stage)
        {
            case RunStage.Notice:
                error.WriteLine(value.Notice);
                break;
            case RunStage.Started:
                if (value.UnitsAlreadyDone > 0)
                    output.WriteLine($"Resuming: {value.UnitsAlreadyDone} of {value.UnitsAlreadyDone + value.UnitsTotal} work units already done.");
                _units = ProgressReporters.For(output);
                _units.Start(value.Description, value.UnitsTotal);
                break;
            case RunStage.Running:
                _units?.UnitDone();
                break;
            default:
                break;
        }
    }

    public void Dispose()
    {
        _units?.Dispose();
        _units = null;
    }
}
