using System.CommandLine;
using ResistanceSim.Output.Shards;

namespace ResistanceSim.Cli.Commands;

/// <summary><c>--threads N</c>, <c>--shard K/N</c> and <c>--resume</c>, shared by <c>run</c> and <c>calibrate</c>: one parsing, one set of errors.</summary>
public sealed class WorkerOptions(string threadsDescription, string shardDescription, string resumeDescription)
{
    private readonly Option<int> _threads = new("--threads") { Description = threadsDescription, DefaultValueFactory = _ => Environment.ProcessorCount };
    private readonly Option<string?> _shard = new("--shard") { Description = shardDescription };
    private readonly Option<bool> _resume = new("--resume") { Description = resumeDescription };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_threads);
        command.Options.Add(_shard);
        command.Options.Add(_resume);
    }

    public int Threads(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        int threads = parse.GetValue(_threads);
        return threads >= 1 ? threads : throw new UsageException($"--threads must be >= 1 ({threads} supplied)");
    }

    /// <summary>The parsed <c>--shard</c>, or <see cref="ShardSpec.Whole"/> without it.</summary>
    public ShardSpec Shard(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.GetValue(_shard) is not { } text) return ShardSpec.Whole;
        return ShardSpec.TryParse(text, out var shard, out string? error) ? shard : throw new UsageException(error!);
    }

    public bool IsSharded(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetValue(_shard) is not null;
    }

    public bool Resume(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetValue(_resume);
    }
}
