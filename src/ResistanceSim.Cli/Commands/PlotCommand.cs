using System.CommandLine;
using ResistanceSim.Cli.Reporting;
using ResistanceSim.Output.Locking;
using ResistanceSim.Output.Shards;

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
            if (!File.Exists(Path.Combine(directory, "scenario.yaml")))
                throw new UsageException($"'{directory}' is not a run directory (it needs scenario.yaml, tables and manifest.json)");
            using var runLock = RunDirectoryLock.Acquire(directory, ShardSpec.Whole, $"resistancesim plot {directory}");
            foreach (var file in RunReport.Write(directory)) context.Output.WriteLine($"Wrote {file}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
