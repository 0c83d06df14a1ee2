using System.CommandLine;
using ResistanceSim.Scenarios;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Sweeps;

namespace ResistanceSim.Cli.Commands;

/// <summary><c>resistancesim validate &lt;files…&gt;</c>: checks scenarios without running them; every problem of every file is listed.</summary>
public static class ValidateCommand
{
    public static Command Create(CommandContext context)
    {
        var files = new Argument<string[]>("files") { Description = "Scenario YAML files.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check scenario files and report every error with its location.") { files };
        command.SetAction(parse =>
        {
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
                    context.Output.WriteLine($"{file}: ok ({loaded.Scenario.Name}: {loaded.Scenario.Catalog.All.Count} mechanisms, {loaded.Scenario.Drugs.Count} drugs, {loaded.Scenario.Protocol.Phases.Count} protocol phases)");
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
