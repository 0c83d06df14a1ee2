using ResistanceSim.Model;
using ResistanceSim.Output.Shards;
using ResistanceSim.Output.Sinks;
using ResistanceSim.Scenarios.Limits;

namespace ResistanceSim.Cli.Commands;

/// <summary>What <c>resistancesim run</c> was asked to do, after parsing.</summary>
public sealed record RunOptions(
    string ScenarioPath, string OutputRoot, int? Replicates, ulong? Seed, int Threads, EngineKind? Engine, OutputFormat Format)
{
    /// <summary>Write plots/ and report.html after the run (off with <c>--no-plots</c>).</summary>
    public bool Plots { get; init; } = true;

    /// <summary><c>--shard K/N</c> (whole run by default).</summary>
    public ShardSpec Shard { get; init; } = ShardSpec.Whole;

    /// <summary><c>--resume</c>: keep the work units an earlier run of the same shard finished.</summary>
    public bool Resume { get; init; }

    /// <summary><c>--patients N</c>: a cohort run treats only its first N patients per arm (a subset of the full trial: draws do not depend on the cohort size).</summary>
    public int? Patients { get; init; }

    /// <summary><c>--max-memory</c>, <c>--max-output</c>: runs estimated to need more are refused before anything is written.</summary>
    public ResourceLimits Limits { get; init; } = ResourceLimits.Default;
}
