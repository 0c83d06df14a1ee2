using ResistanceSim.Output.Tables;

namespace ResistanceSim.Output.Sinks;

/// <summary>Opens the sink for a table file in the requested format.</summary>
public static class TableSinks
{
    public static ITableSink Create(OutputFormat format, string path, IReadOnlyList<ColumnSpec> columns, Provenance provenance) => format switch
    {
        OutputFormat.Csv => new CsvTableSink(path, columns),
        OutputFormat.Parquet => new ParquetTableSink(path, columns, provenance),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
