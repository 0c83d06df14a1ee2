using ResistanceSim.Output.Tables;

namespace ResistanceSim.Output.Sinks;

/// <summary>Opens the sink for a table file in the requested format.</summary>
public static class TableSinks
{
    public static bool Supports(OutputFormat format) => format == OutputFormat.Csv;

    public static ITableSink Create(OutputFormat format, string path, IReadOnlyList<ColumnSpec> columns, Provenance provenance) => format switch
    {
        OutputFormat.Csv => new CsvTableSink(path, columns),
        _ => throw new NotSupportedException($"Output format {format} is not available in this build."),
    };
}
