using ResistanceSim.Model;
using ResistanceSim.Output.Shards;
using ResistanceSim.Output.Sinks;
using ResistanceSim.Scenarios.Limits;

namespace ResistanceSim.Runs;

/// <summary>How to run a scenario: values that override the file's, the workers, the table format and what to write.</summary>
public sealed record RunSettings
{
    /// <summary>Replicates instead of the scenario's <c>replicates</c> (null: the file's).</summary>
    public int? Replicates { get; init; }

    /// <summary>
    /// Seed instead of the scenario's <c>seed</c> (null: the file's), as if the file said it: a cohort's patients and a
    /// design's points are drawn from it too. At most <see cref="long.MaxValue"/>, as in a file.
    /// </summary>
    public ulong? Seed { get; init; }

    /// <summary>Engine instead of the scenario's <c>engine</c> (null: the file's).</summary>
    public EngineKind? Engine { get; init; }

    /// <summary>Worker threads (default: every core).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Format of the tables written (Parquet by default).</summary>
    public OutputFormat Format { get; init; } = OutputFormat.Parquet;

    /// <summary>Which shard of the work units to run (the whole run by default).</summary>
    public ShardSpec Shard { get; init; } = ShardSpec.Whole;

    /// <summary>Keep the work units an interrupted run of the same shard finished and run only the rest.</summary>
    public bool Resume { get; init; }

    /// <summary>
    /// Keep finished work units on disk as the run goes (<c>shards/part-K.spool/</c>), so that a killed run can be
    /// resumed. A caller that never resumes (the teaching server) can keep them in memory: the same tables, with far
    /// fewer files created on the way. <see cref="Resume"/> needs it.
    /// </summary>
    public bool Checkpoints { get; init; } = true;

    /// <summary>Draw <c>plots/</c> and <c>report.html</c> after a whole run.</summary>
    public bool Plots { get; init; } = true;

    /// <summary>
    /// With <see cref="Plots"/>, also assemble <c>report.html</c>. A caller that shows only the charts (the teaching
    /// server) can leave it out and write it with <see cref="Reporting.RunReport.Write(string)"/> when someone asks for it.
    /// </summary>
    public bool ReportPage { get; init; } = true;

    /// <summary>A cohort run treats only its first N patients per arm (the same patients as the full run: draws do not depend on the cohort size).</summary>
    public int? Patients { get; init; }

    /// <summary>Runs estimated to need more memory or output than this are refused before anything is written.</summary>
    public ResourceLimits Limits { get; init; } = ResourceLimits.Default;

    /// <summary>How the run directory's lock names this run to another that finds it busy (e.g. the command line).</summary>
    public string LockHolder { get; init; } = "ResistanceSim.Runs";
}
