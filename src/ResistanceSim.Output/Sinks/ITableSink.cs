using ResistanceSim.Output.Tables;

namespace ResistanceSim.Output.Sinks;

/// <summary>Receives one table's rows, batch by batch, and publishes the file only on <see cref="Commit"/>; disposing uncommitted discards it.</summary>
public interface ITableSink : IDisposable
{
    void Append(TableBatch batch);

    void Commit();
}

public enum OutputFormat { Parquet, Csv }

public static class OutputFormats
{
    public static string Extension(OutputFormat format) => format == OutputFormat.Csv ? "csv" : "parquet";
}
