using System.CommandLine;
using ResistanceSim.Cli.Commands;
using ResistanceSim.Engine.Running;
using ResistanceSim.Output;
using ResistanceSim.Output.Locking;
using ResistanceSim.Output.Reading;
using ResistanceSim.Runs;
using ResistanceSim.Scenarios.Diagnostics;

namespace ResistanceSim.Cli;

/// <summary>
/// The <c>resistancesim</c> command tree (README, "Commands") and its error policy: parse errors, scenario errors, a run the
/// Runs library refuses (<see cref="RunRequestException"/>), a run directory in use or not published exit 2 with every problem listed; I/O errors (disk full, permission
/// denied, read-only file system) 74 with one line naming the path and the cause; cancellation 130;
/// anything else 1 (with the stack trace: it is a bug). I/O errors show their stack trace only with <c>--verbose</c>.
/// </summary>
public static class CommandLine
{
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        var context = new CommandContext(output, error, cancellation);
        FaultInjection.StopRequested = cancellation;
        var verbose = new Option<bool>("--verbose") { Description = "On an error, also print the stack trace.", Recursive = true };
        var root = new RootCommand("ResistanceSim: stochastic simulation of drug resistance in ALK-positive lung cancer.")
        {
            RunCommand.Create(context),
            ValidateCommand.Create(context),
            PlotCommand.Create(context),
            BenchCommand.Create(context),
            CalibrateCommand.Create(context),
            SchemaCommand.Create(context),
            QueryCommand.Create(context),
            ScenariosCommand.Create(context),
            ServeCommand.Create(context),
            verbose,
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors) error.WriteLine($"error: {problem.Message}");
            error.WriteLine("Run 'resistancesim --help' for usage.");
            return ExitCodes.BadInput;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, cancellation);
        }
        catch (ScenarioValidationException e)
        {
            WriteDiagnostics(error, e.Diagnostics);
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is UsageException or RunRequestException or RunDirectoryInUseException or RunIncompleteException or ImpossiblePatientException)
        {
            error.WriteLine($"error: {OneLine(e.Message)}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // .NET's messages for errno failures name the path and the cause ("No space left on device : '/out/…'").
            error.WriteLine($"I/O error: {OneLine(e.Message)}");
            if (parsed.GetValue(verbose)) error.WriteLine(e);
            return ExitCodes.IoError;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            error.WriteLine("Stopped.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            error.WriteLine($"internal error: {OneLine(e.Message)}");
            error.WriteLine(e);   // a bug: the stack trace belongs in the report
            return ExitCodes.InternalError;
        }
    }

    /// <summary>Warnings that do not stop the command, one line each.</summary>
    public static void WriteWarnings(TextWriter error, IEnumerable<Diagnostic> warnings)
    {
        ArgumentNullException.ThrowIfNull(error);
        foreach (var warning in warnings) error.WriteLine(warning.ToString());
    }

    public static void WriteDiagnostics(TextWriter error, IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics.OrderBy(d => d.Location)) error.WriteLine(d.ToString());
        int errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        error.WriteLine(errors == 1 ? "1 error; nothing was written." : $"{errors} errors; nothing was written.");
    }

    /// <summary>A message as one line: a value containing a newline must not split an error over two lines.</summary>
    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}

/// <summary>What every command needs from its host: where to write and when to stop.</summary>
public sealed record CommandContext(TextWriter Output, TextWriter Error, CancellationToken Cancellation);
