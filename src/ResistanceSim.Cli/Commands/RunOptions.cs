using ResistanceSim.Model;
using ResistanceSim.Output.Sinks;

namespace ResistanceSim.Cli.Commands;

/// <summary>What <c>resistancesim run</c> was asked to do, after parsing.</summary>
public sealed record RunOptions(
    string ScenarioPath, string OutputRoot, int? Replicates, ulong? Seed, int Threads, EngineKind? Engine, OutputFormat Format, bool Plots = true);
