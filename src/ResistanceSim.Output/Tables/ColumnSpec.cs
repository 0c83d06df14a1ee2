namespace ResistanceSim.Output.Tables;

public enum ColumnType
{
    Int32,
    Int64,
    Double,
    String,
    Boolean,
    /// <summary>A list of strings: a Parquet LIST column; in CSV the items joined with '+'.</summary>
    StringList,
}

/// <summary>One column of an output table: its name, type, whether it can be null, its unit and meaning (docs/output-schema.md).</summary>
public sealed record ColumnSpec(string Name, ColumnType Type, bool Nullable, string Unit, string Description);
