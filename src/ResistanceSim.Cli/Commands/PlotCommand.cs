using System.CommandLine;
using ResistanceSim.Runs.Reporting;
using ResistanceSim.Parquet;

namespace ResistanceSim.Cli.Commands;

/// <summary>
/// <c>resistancesim plot &lt;run-dir&gt;</c>: redraws plots/ and report.html from the tables a run directory's
/// manifest lists, without rerunning. It holds the directory's lock while it writes, so it never draws a run
/// that is still publishing.
/// </summary>
public static class PlotCommand
{
    public static Command Create(CommandContext context)
    {
        var runDirectory = new Argument<string>("run-dir") { Description = "A run directory written by 'resistancesim run' (e.g. output/quickstart)." };
        var command = new Command("plot", "Redraw a run's plots and report from its tables.") { runDirectory };
        command.SetAction(parse =>
        {
            string directory = parse.GetValue(runDirectory)!;
            if (!Directory.Exists(directory)) throw new UsageException($"run directory '{directory}' does not exist");
            using var runLock = ResistanceSim.Output.Locking.RunDirectoryLock.Acquire(directory, ResistanceSim.Output.Shards.ShardSpec.Whole, $"resistancesim plot {directory}");
            if (!File.Exists(Path.Combine(directory, "scenario.yaml")) || !Directory.Exists(Path.Combine(directory, "totals")))
                throw new UsageException($"'{directory}' is not a run directory (it needs scenario.yaml and totals/)");
            IReadOnlyList<string> written;
            try
            {
                written = RunReport.Write(directory);
            }
            catch (ParquetFormatException e)
            {
                // A damaged table is bad input, not a fault of ours: one line naming file, column and offset.
                // Every table is read before any chart is written, so nothing is left half-redrawn.
                context.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.BadInput;
            }

            foreach (var file in written) context.Output.WriteLine($"Wrote {file}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
