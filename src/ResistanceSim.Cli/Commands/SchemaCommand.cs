using System.CommandLine;
using ResistanceSim.Scenarios.Schema;

namespace ResistanceSim.Cli.Commands;

/// <summary>
/// <c>resistancesim schema [--include-file]</c>: writes the JSON Schema of scenario files (or, with <c>--include-file</c>,
/// of the preset files scenarios include) to standard output, generated from the keys the validator accepts
/// (docs/editor-setup.md). The repository keeps both at its root: resistancesim.schema.json and
/// resistancesim.include.schema.json.
/// </summary>
public static class SchemaCommand
{
    public static Command Create(CommandContext context)
    {
        var includeFile = new Option<bool>("--include-file")
        {
            Description = "Describe a file that scenarios include (presets/): the same keys, none of them required.",
        };
        var command = new Command("schema", "Write the JSON Schema of scenario files (draft 2020-12) to standard output.") { includeFile };
        command.SetAction(parse =>
        {
            var target = parse.GetValue(includeFile) ? SchemaTarget.IncludedFile : SchemaTarget.Scenario;
            context.Output.Write(ScenarioJsonSchema.Write(target));
            return ExitCodes.Ok;
        });
        return command;
    }
}
