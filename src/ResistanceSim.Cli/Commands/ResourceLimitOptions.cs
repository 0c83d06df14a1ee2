using System.CommandLine;
using ResistanceSim.Scenarios.Limits;

namespace ResistanceSim.Cli.Commands;

/// <summary><c>--max-memory</c> and <c>--max-output</c>, shared by <c>run</c> and <c>validate</c> (the library's
/// <see cref="ResistanceSim.Runs.ResourceLimitCheck"/> holds a scenario's <see cref="ResourceEstimate"/> against them).</summary>
public sealed class ResourceLimitOptions
{
    private readonly Option<string?> _maxMemory = new("--max-memory")
    {
        Description = $"Refuse runs estimated to need more memory than this (default {ByteSize.Format(ResourceLimits.Default.MaxMemoryBytes)}; e.g. 4G).",
    };

    private readonly Option<string?> _maxOutput = new("--max-output")
    {
        Description = $"Refuse runs estimated to write more tables than this (default {ByteSize.Format(ResourceLimits.Default.MaxOutputBytes)}; e.g. 500M).",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_maxMemory);
        command.Options.Add(_maxOutput);
    }

    public ResourceLimits Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new ResourceLimits(
            Size(parse.GetValue(_maxMemory), "--max-memory", ResourceLimits.Default.MaxMemoryBytes),
            Size(parse.GetValue(_maxOutput), "--max-output", ResourceLimits.Default.MaxOutputBytes));
    }

    private static long Size(string? text, string option, long defaultValue)
    {
        if (text is null) return defaultValue;
        return ByteSize.TryParse(text, out long bytes, out string? problem) ? bytes : throw new UsageException($"{option} {problem}");
    }
}
