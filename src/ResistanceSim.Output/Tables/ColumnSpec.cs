namespace ResistanceSim.Output.Tables;

public enum ColumnType { Int32, Int64, Double, String, Boolean }

/// <summary>One column of an output table: its name, type, whether it can be null, its unit and meaning (docs/output-schema.md).</summary>
public sealed record ColumnSpec(string Name, ColumnType Type, bool Nullable, string Unit, string Description);
