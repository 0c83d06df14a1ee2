using System.CommandLine;
using ResistanceSim.Runs;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Limits;

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
                var loaded = RunnableScenario.Load(file);
                if (loaded.Scenario is not { } runnable)
                {
                    problems.AddRange(loaded.Diagnostics);
                    continue;
                }
                try
                {
                    var scenario = runnable.Model;
                    // Validation assumes a run on every core, as `run` does by default.
                    var estimate = runnable.EstimateResources(Environment.ProcessorCount);
                    var warnings = ResourceLimitCheck.Enforce(limits, estimate, file);
                    context.Output.WriteLine($"{file}: ok ({scenario.Name}: {scenario.Catalog.All.Count} mechanisms, {scenario.Drugs.Count} drugs, {scenario.Protocol.Phases.Count} protocol phases; {estimate.Factors()}: {estimate.Sizes()})");
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
