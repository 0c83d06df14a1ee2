using System.CommandLine;
using ResistanceSim.Runs.Calibration;

namespace ResistanceSim.Cli.Commands;

/// <summary><c>resistancesim calibrate &lt;calibration.yaml&gt; [--out DIR] [--threads N] [--budget N] [--shard K/N] [--resume] [--check [--reduced | --new-patients N]]</c></summary>
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
        var newPatients = new Option<int?>("--new-patients")
        {
            Description = "With --check: full cohorts of draw N of new patients (1, 2, …), the patients a preset chosen on new patients was run on; draws past preset_draws are patients no step has seen.",
            HelpName = "N",
        };
        var command = new Command("calibrate", "Fit free parameters of scenarios to published targets by ABC-SMC.") { file, output, budget, check, reduced, newPatients };
        workers.AddTo(command);
        command.SetAction(parse =>
        {
            int threadCount = workers.Threads(parse);
            if (parse.GetValue(check))
            {
                if (parse.GetValue(budget) is not null || workers.IsSharded(parse) || workers.Resume(parse))
                    throw new UsageException("--check runs the scenarios once: it takes no --budget, --shard or --resume");
                int? draw = parse.GetValue(newPatients);
                if (draw is < 1) throw new UsageException($"--new-patients must be >= 1 ({draw} supplied)");
                if (draw is not null && parse.GetValue(reduced)) throw new UsageException("--new-patients runs full cohorts: it takes no --reduced");
                CalibrationCheck.Execute(new CalibrationCheckOptions(parse.GetValue(file)!, parse.GetValue(output)!, threadCount, parse.GetValue(reduced))
                {
                    NewPatientsDraw = draw,
                }, Log(context));
                return ExitCodes.Ok;
            }
            if (parse.GetValue(reduced)) throw new UsageException("--reduced applies only with --check");
            if (parse.GetValue(newPatients) is not null) throw new UsageException("--new-patients applies only with --check");
            int? budgetCount = parse.GetValue(budget);
            if (budgetCount is < 1) throw new UsageException($"--budget must be >= 1 ({budgetCount} supplied)");
            CalibrationRunner.Execute(new CalibrationOptions(parse.GetValue(file)!, parse.GetValue(output)!, threadCount, workers.Shard(parse), workers.Resume(parse), budgetCount), Log(context));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static CalibrationLog Log(CommandContext context) => new(context.Output, context.Error, context.Cancellation);
}
