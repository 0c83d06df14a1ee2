using ResistanceSim.Output.Reading;
using ResistanceSim.Runs.Reporting;

namespace ResistanceSim.Runs;

/// <summary>A finished run's tables, read into memory, and its trial readout.</summary>
public sealed class RunResults
{
    private RunResults(string scenarioYaml, IReadOnlyDictionary<string, TableData> tables, TrialResults.Readout? trial)
    {
        ScenarioYaml = scenarioYaml;
        Tables = tables;
        Trial = trial;
    }

    /// <summary>The resolved scenario that produced the tables (<c>scenario.yaml</c>).</summary>
    public string ScenarioYaml { get; }

    /// <summary>Every published table by name (<c>totals</c>, <c>summary</c>, <c>clones</c>, <c>assay_fits</c>, <c>endpoints</c>, …), in name order.</summary>
    public IReadOnlyDictionary<string, TableData> Tables { get; }

    /// <summary>The trial readout of a cohort run; null otherwise.</summary>
    public TrialResults.Readout? Trial { get; }

    /// <summary>Reads the tables a finished run directory's manifest lists (a whole run, or every shard of a sharded one).</summary>
    /// <exception cref="RunIncompleteException">The run has not published its tables (still running, interrupted, shards missing).</exception>
    public static RunResults Read(string runDirectory)
    {
        ArgumentNullException.ThrowIfNull(runDirectory);
        var files = RunFiles.Published(runDirectory);
        var tables = new SortedDictionary<string, TableData>(StringComparer.Ordinal);
        foreach (string table in files.Tables) tables[table] = RunTableReader.Read(files, table);
        return new RunResults(File.ReadAllText(Path.Combine(runDirectory, "scenario.yaml")), tables, TrialResults.Read(files));
    }
}
