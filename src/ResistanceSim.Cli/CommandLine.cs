using System.CommandLine;
using Microsoft.Extensions.Logging;
using ResistanceSim.Cli.Commands;
using ResistanceSim.Scenarios.Diagnostics;

namespace ResistanceSim.Cli;

/// <summary>
/// The <c>resistancesim</c> command tree (README, "Commands") and its error policy: parse errors and
/// scenario errors exit 2 with every problem listed, cancellation 130, anything else 1.
/// </summary>
public static class CommandLine
{
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, ILogger logger, CancellationToken cancellation)
    {
        var context = new CommandContext(output, error, cancellation);
        var root = new RootCommand("ResistanceSim: stochastic simulation of drug resistance in ALK-positive lung cancer.")
        {
            RunCommand.Create(context),
            ValidateCommand.Create(context),
            PlotCommand.Create(context),
            BenchCommand.Create(context),
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
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            error.WriteLine("Stopped.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            logger.LogError(e, "internal error");
            error.WriteLine($"internal error: {e.Message}");
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
}

/// <summary>What every command needs from its host: where to write and when to stop.</summary>
public sealed record CommandContext(TextWriter Output, TextWriter Error, CancellationToken Cancellation);
