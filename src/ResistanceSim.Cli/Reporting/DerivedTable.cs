using ResistanceSim.Output;
using ResistanceSim.Output.Sinks;
using ResistanceSim.Output.Tables;

namespace ResistanceSim.Cli.Reporting;

/// <summary>Writes a table computed after the run from its other tables (assay fits, trial endpoints) as one part file.</summary>
internal static class DerivedTable
{
    public static void Write(string runDirectory, string table, TableBatch batch, OutputFormat format, Provenance provenance)
    {
        using var sink = TableSinks.Create(format, RunOutput.PartPath(runDirectory, table, format, 0), batch.Columns, provenance);
        sink.Append(batch);
        sink.Commit();
    }
}
