using ResistanceSim.Output;
using ResistanceSim.Output.Sinks;
using ResistanceSim.Output.Tables;

namespace ResistanceSim.Runs.Reporting;

/// <summary>Writes a table computed after the run from its other tables (assay fits, trial endpoints) as one part file.</summary>
internal static class DerivedTable
{
    /// <returns>The part file written (for the manifest).</returns>
    public static string Write(string runDirectory, string table, TableBatch batch, OutputFormat format, Provenance provenance)
    {
        string path = RunOutput.PartPath(runDirectory, table, format, 0);
        using var sink = TableSinks.Create(format, path, batch.Columns, provenance);
        sink.Append(batch);
        sink.Commit();
        return path;
    }
}
