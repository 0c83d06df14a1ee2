namespace ResistanceSim.Parquet;

/// <summary>
/// Where a top-level column lives among the row group's column chunks, and the definition and
/// repetition levels that describe its nulls and lists (Dremel encoding).
/// </summary>
internal sealed record ColumnLayout(
    ParquetColumn Column,
    int FirstLeafIndex,
    int LeafCount,
    int MaxDefinitionLevel,
    int MaxRepetitionLevel,
    IReadOnlyList<string> LeafPath)
{
    /// <summary>For list columns: the definition level meaning "the list exists but this slot is no element" (empty list).</summary>
    public int EmptyListDefinitionLevel => Column.IsNullable ? 1 : 0;

    public static ColumnLayout ForWriting(ParquetColumn column, int leafIndex)
    {
        if (column.IsList)
        {
            int maxDefinition = (column.IsNullable ? 1 : 0) + 1 + (column.ElementsNullable ? 1 : 0);
            return new ColumnLayout(column, leafIndex, 1, maxDefinition, 1, [column.Name, "list", "element"]);
        }

        return new ColumnLayout(column, leafIndex, 1, column.IsNullable ? 1 : 0, 0, [column.Name]);
    }
}
