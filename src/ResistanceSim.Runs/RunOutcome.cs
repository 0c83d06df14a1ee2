using ResistanceSim.Output.Shards;
using ResistanceSim.Runs.Reporting;

namespace ResistanceSim.Runs;

/// <summary>What a run into a run directory did: where it wrote, how much, and the short summary to show.</summary>
public sealed class RunOutcome
{
    private readonly RunSummaryPrinter? _summary;

    internal RunOutcome(string scenarioName, string runDirectory, ShardSpec shard, bool alreadyComplete, int workUnits, TimeSpan elapsed,
        TrialResults.Readout? trial, RunSummaryPrinter? summary)
    {
        ScenarioName = scenarioName;
        RunDirectory = runDirectory;
        Shard = shard;
        AlreadyComplete = alreadyComplete;
        WorkUnits = workUnits;
        Elapsed = elapsed;
        Trial = trial;
        _summary = summary;
    }

    /// <summary>The scenario's name.</summary>
    public string ScenarioName { get; }

    /// <summary>The run directory (<c>&lt;output root&gt;/&lt;scenario name&gt;</c>).</summary>
    public string RunDirectory { get; }

    /// <summary>The shard that ran.</summary>
    public ShardSpec Shard { get; }

    /// <summary>True when an earlier run had already published this shard, so nothing ran.</summary>
    public bool AlreadyComplete { get; }

    /// <summary>Work units of the shard.</summary>
    public int WorkUnits { get; }

    /// <summary>Wall time of the run, publishing included.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The trial readout of a whole cohort run; null otherwise.</summary>
    public TrialResults.Readout? Trial { get; }

    /// <summary>
    /// Writes the short table shown after a run: the trial's arms ranked by median PFS for a cohort, else one line per
    /// work unit (per sweep point for a sweep), the first 20 of them.
    /// </summary>
    public void WriteSummary(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Trial is not null)
        {
            output.WriteLine();
            TrialResults.Print(output, Trial);
            output.WriteLine();
        }
        else _summary?.Write(output);
    }
}
