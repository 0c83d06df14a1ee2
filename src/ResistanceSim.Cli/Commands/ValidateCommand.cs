using System.CommandLine;
using ResistanceSim.Runs;
using ResistanceSim.Scenarios;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Limits;
using ResistanceSim.Scenarios.Sweeps;

namespace ResistanceSim.Cli.Commands;

/// <summary><c>resistancesim validate &lt;files…&gt;</c>: checks scenarios without running them; every problem of every file is listed.</summary>
public static class ValidateCommand
{
    public static Command Create(CommandContext context)
    {
        var files = new Argument<string[]>("files") { Description = "Scenario YAML files.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check scenario files and report every error with its location.") { files };
        var limitOptions = new ResourceLimitOptions();
        limitOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var limits = limitOptions.Read(parse);
            var problems = new List<Diagnostic>();
            foreach (var file in parse.GetValue(files)!)
            {
                if (!File.Exists(file))
                {
                    problems.Add(new Diagnostic(SourceLocation.StartOf(file), "", $"file does not exist", DiagnosticSeverity.Error));
                    continue;
                }
                try
                {
                    var loaded = SweepLoader.Load(file);
                    long workUnits = loaded.PointsPerArm.Sum() * (long)loaded.Scenario.Replicates;
                    // Validation assumes a run on every core, as `run` does by default.
                    var estimate = ResourceEstimate.Of(loaded.Scenario, workUnits, Environment.ProcessorCount);
                    var warnings = ResourceLimitCheck.Enforce(limits, estimate, file);
                    context.Output.WriteLine($"{file}: ok ({loaded.Scenario.Name}: {loaded.Scenario.Catalog.All.Count} mechanisms, {loaded.Scenario.Drugs.Count} drugs, {loaded.Scenario.Protocol.Phases.Count} protocol phases; {estimate.Factors()}: {estimate.Sizes()})");
                    CommandLine.WriteWarnings(context.Error, warnings);
                }
                catch (ScenarioValidationException e)
                {
                    problems.AddRange(e.Diagnostics);
                }
            }
            if (problems.Count == 0) return ExitCodes.Ok;
            CommandLine.WriteDiagnostics(context.Error, problems);
            return ExitCodes.BadInput;
        });
        return command;
    }
}
