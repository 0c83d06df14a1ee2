using System.CommandLine;
using ResistanceSim.Cli.Calibration;
using ResistanceSim.Output.Shards;

namespace ResistanceSim.Cli.Commands;

/// <summary><c>resistancesim calibrate &lt;calibration.yaml&gt; [--out DIR] [--threads N] [--budget N] [--shard K/N] [--resume] [--check [--reduced]]</c></summary>
public static class CalibrateCommand
{
    public static Command Create(CommandContext context)
    {
        var file = new Argument<string>("calibration") { Description = "Calibration YAML file (docs/calibration.md)." };
        var output = new Option<string>("--out") { Description = "Output root; the calibration goes to <out>/<name>/.", DefaultValueFactory = _ => "output" };
        var threads = new Option<int>("--threads") { Description = "Parameter sets evaluated at once (default: all cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var budget = new Option<int?>("--budget") { Description = "Most parameter sets to evaluate in all (a quick look); the last complete generation is reported." };
        var shard = new Option<string?>("--shard") { Description = "Be shard K of N sharing the output directory, e.g. --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT." };
        var resume = new Option<bool>("--resume") { Description = "Replay the evaluations an interrupted calibration journaled and continue it." };
        var check = new Option<bool>("--check") { Description = "Fit nothing: run each scenario as it stands (full cohorts) and print every target against its published value." };
        var reduced = new Option<bool>("--reduced") { Description = "With --check: run the calibration's reduced cohorts instead of full ones." };
        var command = new Command("calibrate", "Fit free parameters of scenarios to published targets by ABC-SMC.") { file, output, threads, budget, shard, resume, check, reduced };
        command.SetAction(parse =>
        {
            int threadCount = parse.GetValue(threads);
            if (threadCount < 1) throw new UsageException($"--threads must be >= 1 ({threadCount} supplied)");
            if (parse.GetValue(check))
            {
                if (parse.GetValue(budget) is not null || parse.GetValue(shard) is not null || parse.GetValue(resume))
                    throw new UsageException("--check runs the scenarios once: it takes no --budget, --shard or --resume");
                return CalibrationCheck.Execute(new CalibrationCheckOptions(parse.GetValue(file)!, parse.GetValue(output)!, threadCount, parse.GetValue(reduced)), context);
            }
            if (parse.GetValue(reduced)) throw new UsageException("--reduced applies only with --check");
            int? budgetCount = parse.GetValue(budget);
            if (budgetCount is < 1) throw new UsageException($"--budget must be >= 1 ({budgetCount} supplied)");
            var shardSpec = ShardSpec.Whole;
            if (parse.GetValue(shard) is { } shardText && !ShardSpec.TryParse(shardText, out shardSpec, out string? shardError))
                throw new UsageException(shardError!);
            return CalibrationRunner.Execute(new CalibrationOptions(parse.GetValue(file)!, parse.GetValue(output)!, threadCount, shardSpec, parse.GetValue(resume), budgetCount), context);
        });
        return command;
    }
}
