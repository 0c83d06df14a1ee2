using ResistanceSim.Engine.Observation;

namespace ResistanceSim.Output.Tables;

/// <summary>One table of the run directory (docs/output-schema.md): its columns and how a work unit's result becomes its rows.</summary>
public interface IRunTable
{
    string Name { get; }

    IReadOnlyList<ColumnSpec> Columns { get; }

    void Fill(WorkUnitResult result, TableBatch batch);
}
