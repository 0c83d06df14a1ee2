using System.CommandLine;
using ResistanceSim.Runs.Calibration;

namespace ResistanceSim.Cli.Commands;

/// <summary><c>resistancesim calibrate &lt;calibration.yaml&gt; [--out DIR] [--threads N] [--budget N] [--shard K/N] [--resume] [--check [--reduced]]</c></summary>
public static class CalibrateCommand
{
    public static Command Create(CommandContext context)
    {
        var file = new Argument<string>("calibration") { Description = "Calibration YAML file (docs/calibration.md)." };
        var output = new Option<string>("--out") { Description = "Output root; the calibration goes to <out>/<name>/.", DefaultValueFactory = _ => "output" };
        var budget = new Option<int?>("--budget") { Description = "Most parameter sets to evaluate in all (a quick look); the last complete generation is reported." };
        var workers = new WorkerOptions("Parameter sets evaluated at once (default: all cores).",
            "Be shard K of N sharing the output directory, e.g. --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT.",
            "Replay the evaluations an interrupted calibration journaled and continue it.");
        var check = new Option<bool>("--check") { Description = "Fit nothing: run each scenario as it stands (full cohorts) and print every target against its published value." };
        var reduced = new Option<bool>("--reduced") { Description = "With --check: run the calibration's reduced cohorts instead of full ones." };
        var command = new Command("calibrate", "Fit free parameters of scenarios to published targets by ABC-SMC.") { file, output, budget, check, reduced };
        workers.AddTo(command);
        command.SetAction(parse =>
        {
            int threadCount = workers.Threads(parse);
            if (parse.GetValue(check))
            {
                if (parse.GetValue(budget) is not null || workers.IsSharded(parse) || workers.Resume(parse))
                    throw new UsageException("--check runs the scenarios once: it takes no --budget, --shard or --resume");
                CalibrationCheck.Execute(new CalibrationCheckOptions(parse.GetValue(file)!, parse.GetValue(output)!, threadCount, parse.GetValue(reduced)), Log(context));
                return ExitCodes.Ok;
            }
            if (parse.GetValue(reduced)) throw new UsageException("--reduced applies only with --check");
            int? budgetCount = parse.GetValue(budget);
            if (budgetCount is < 1) throw new UsageException($"--budget must be >= 1 ({budgetCount} supplied)");
            CalibrationRunner.Execute(new CalibrationOptions(parse.GetValue(file)!, parse.GetValue(output)!, threadCount, workers.Shard(parse), workers.Resume(parse), budgetCount), Log(context));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static CalibrationLog Log(CommandContext context) => new(context.Output, context.Error, context.Cancellation);
}
