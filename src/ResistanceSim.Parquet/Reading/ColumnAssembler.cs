namespace ResistanceSim.Parquet.Reading;

/// <summary>Turns decoded levels and values back into rows (the reverse of Dremel shredding for flat and list columns).</summary>
internal static class ColumnAssembler
{
    public static ParquetColumnData Assemble<T>(ColumnLayout layout, DecodedChunk<T> chunk, long rowCount)
    {
        return layout.Column.IsList ? AssembleList(layout, chunk, rowCount) : AssembleFlat(layout, chunk, rowCount);
    }

    private static ParquetValues<T> AssembleFlat<T>(ColumnLayout layout, DecodedChunk<T> chunk, long rowCount)
    {
        if (chunk.LevelCount != rowCount)
        {
            throw new ParquetFormatException($"Column '{layout.Column.Name}' has {chunk.LevelCount} values for {rowCount} rows.");
        }

        if (chunk.DefinitionLevels is null)
        {
            if (chunk.Values.Length != rowCount)
            {
                throw new ParquetFormatException($"Column '{layout.Column.Name}' decoded {chunk.Values.Length} values for {rowCount} rows.");
            }

            return new ParquetValues<T>(layout.Column, chunk.Values, null);
        }

        var values = new T[rowCount];
        var validity = new bool[rowCount];
        int next = 0;
        int max = layout.MaxDefinitionLevel;
        for (int row = 0; row < rowCount; row++)
        {
            if (chunk.DefinitionLevels[row] == max)
            {
                values[row] = chunk.Values[next++];
                validity[row] = true;
            }
        }

        return new ParquetValues<T>(layout.Column, values, validity);
    }

    private static ParquetListValues<T> AssembleList<T>(ColumnLayout layout, DecodedChunk<T> chunk, long rowCount)
    {
        int[] definitions = chunk.DefinitionLevels ?? throw new ParquetFormatException("List column without definition levels.");
        int[] repetitions = chunk.RepetitionLevels ?? throw new ParquetFormatException("List column without repetition levels.");
        int emptyLevel = layout.EmptyListDefinitionLevel;
        int maxLevel = layout.MaxDefinitionLevel;
        bool listsNullable = layout.Column.IsNullable;
        bool elementsNullable = layout.Column.ElementsNullable;

        int rowsFound = 0;
        for (int i = 0; i < chunk.LevelCount; i++)
        {
            rowsFound += repetitions[i] == 0 ? 1 : 0;
        }

        if (rowsFound != rowCount)
        {
            throw new ParquetFormatException($"List column '{layout.Column.Name}' has {rowsFound} rows where {rowCount} are expected.");
        }

        var offsets = new int[rowCount + 1];
        bool[]? validity = listsNullable ? new bool[rowCount] : null;
        int elementCount = 0;
        for (int i = 0; i < chunk.LevelCount; i++)
        {
            if (definitions[i] > emptyLevel)
            {
                elementCount++;
            }
        }

        var elements = new T[elementCount];
        bool[]? elementValidity = elementsNullable ? new bool[elementCount] : null;
        int row = -1, element = 0, value = 0;
        for (int i = 0; i < chunk.LevelCount; i++)
        {
            if (repetitions[i] == 0)
            {
                row++;
                if (row >= rowCount)
                {
                    throw new ParquetFormatException($"List column '{layout.Column.Name}' has more rows than its row group.");
                }

                offsets[row] = element;
                if (validity is not null)
                {
                    validity[row] = definitions[i] >= emptyLevel;
                }
            }
            else if (row < 0)
            {
                throw new ParquetFormatException($"List column '{layout.Column.Name}' starts with a continuation level.");
            }

            if (definitions[i] > emptyLevel)
            {
                if (definitions[i] == maxLevel)
                {
                    if (value >= chunk.Values.Length)
                    {
                        throw new ParquetFormatException($"List column '{layout.Column.Name}' has fewer values than its levels say.");
                    }

                    elements[element] = chunk.Values[value++];
                    if (elementValidity is not null)
                    {
                        elementValidity[element] = true;
                    }
                }

                element++;
            }
        }

        if (row != rowCount - 1)
        {
            throw new ParquetFormatException($"List column '{layout.Column.Name}' has {row + 1} rows where {rowCount} are expected.");
        }

        offsets[rowCount] = element;
        return new ParquetListValues<T>(layout.Column, offsets, validity, elements, elementValidity);
    }
}
