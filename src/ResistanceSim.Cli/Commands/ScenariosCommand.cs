using System.CommandLine;
using ResistanceSim.Scenarios.Bundled;

namespace ResistanceSim.Cli.Commands;

/// <summary>
/// <c>resistancesim scenarios list</c> and <c>resistancesim scenarios copy NAME DIR [--force]</c>: the scenarios bundled
/// with the tool (<see cref="BundledScenarios"/>), and a copy of one with the presets it includes, so it runs and can be
/// edited from DIR (<see cref="ScenarioCopyPlan"/>). An unknown NAME, or files that exist already without
/// <c>--force</c>, exit 2 and write nothing.
/// </summary>
public static class ScenariosCommand
{
    public static Command Create(CommandContext context)
    {
        var list = new Command("list", "List the bundled scenarios by name.");
        list.SetAction(_ =>
        {
            foreach (string name in BundledScenarios.Names()) context.Output.WriteLine(name);
            return ExitCodes.Ok;
        });

        var name = new Argument<string>("name") { Description = "A bundled scenario, as 'resistancesim scenarios list' names it (e.g. quickstart)." };
        var directory = new Argument<string>("dir") { Description = "The folder to copy it into (created if missing)." };
        var force = new Option<bool>("--force") { Description = "Overwrite files that exist already." };
        var copy = new Command("copy", "Copy a bundled scenario and the presets it includes into a folder.") { name, directory, force };
        copy.SetAction(parse => Copy(parse.GetValue(name)!, parse.GetValue(directory)!, parse.GetValue(force), context));

        return new Command("scenarios", "The scenarios bundled with the tool: list them, or copy one to run and edit.") { list, copy };
    }

    private static int Copy(string name, string destination, bool force, CommandContext context)
    {
        string scenario = BundledScenarios.Find(name) ?? throw new UsageException(UnknownName(name));
        var files = ScenarioCopyPlan.For(scenario, destination);
        var existing = files.Where(f => File.Exists(f.Target)).Select(f => Shown(f.Target, destination)).ToList();
        if (existing.Count > 0 && !force)
            throw new UsageException($"{string.Join(", ", existing)} already exist{(existing.Count == 1 ? "s" : "")}; nothing was copied (--force overwrites)");
        foreach (var file in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file.Target)!);
            File.WriteAllText(file.Target, file.Text);
        }
        context.Output.WriteLine($"Copied {name} to {destination}: {string.Join(", ", files.Select(f => Path.GetRelativePath(destination, f.Target)))}");
        context.Output.WriteLine($"Run it with: resistancesim run {Path.Combine(destination, name + ".yaml")}");
        return ExitCodes.Ok;
    }

    /// <summary>A target as the user named its folder (<c>q/presets/drugs.yaml</c>, not the absolute path).</summary>
    private static string Shown(string target, string destination) => Path.Combine(destination, Path.GetRelativePath(destination, target));

    private static string UnknownName(string name)
    {
        var names = BundledScenarios.Names();
        return names.Count == 0
            ? $"no bundled scenario named '{name}': this build has none beside the executable ({BundledScenarios.Root})"
            : $"no bundled scenario named '{name}'; the bundled scenarios are: {string.Join(", ", names)}";
    }
}
