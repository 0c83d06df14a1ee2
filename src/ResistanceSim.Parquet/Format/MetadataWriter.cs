using ResistanceSim.Parquet.Thrift;

namespace ResistanceSim.Parquet.Format;

/// <summary>Serializes the metadata structs with the Thrift compact protocol (field ids from parquet.thrift).</summary>
internal static class MetadataWriter
{
    public static void Write(ThriftCompactWriter w, FileMetaData file)
    {
        w.BeginStruct();
        w.WriteI32Field(1, file.Version);
        w.BeginListField(2, CompactType.Struct, file.Schema.Count);
        foreach (SchemaElement element in file.Schema)
        {
            Write(w, element);
        }

        w.WriteI64Field(3, file.NumRows);
        w.BeginListField(4, CompactType.Struct, file.RowGroups.Count);
        foreach (RowGroup rowGroup in file.RowGroups)
        {
            Write(w, rowGroup);
        }

        if (file.KeyValueMetadata.Count > 0)
        {
            w.BeginListField(5, CompactType.Struct, file.KeyValueMetadata.Count);
            foreach (KeyValue kv in file.KeyValueMetadata)
            {
                w.BeginStruct();
                w.WriteStringField(1, kv.Key);
                if (kv.Value is not null)
                {
                    w.WriteStringField(2, kv.Value);
                }

                w.EndStruct();
            }
        }

        if (file.CreatedBy is not null)
        {
            w.WriteStringField(6, file.CreatedBy);
        }

        if (file.ColumnOrderCount > 0)
        {
            // TYPE_ORDER (union field 1) tells readers min_value/max_value follow the logical type's order.
            w.BeginListField(7, CompactType.Struct, file.ColumnOrderCount);
            for (int i = 0; i < file.ColumnOrderCount; i++)
            {
                w.BeginStruct();
                w.WriteEmptyStructField(1);
                w.EndStruct();
            }
        }

        w.EndStruct();
    }

    public static void Write(ThriftCompactWriter w, PageHeader header)
    {
        w.BeginStruct();
        w.WriteI32Field(1, (int)header.Type);
        w.WriteI32Field(2, header.UncompressedPageSize);
        w.WriteI32Field(3, header.CompressedPageSize);
        if (header.DataPageHeader is { } data)
        {
            w.BeginStructField(5);
            w.WriteI32Field(1, data.NumValues);
            w.WriteI32Field(2, (int)data.Encoding);
            w.WriteI32Field(3, (int)data.DefinitionLevelEncoding);
            w.WriteI32Field(4, (int)data.RepetitionLevelEncoding);
            w.EndStruct();
        }

        if (header.DictionaryPageHeader is { } dictionary)
        {
            w.BeginStructField(7);
            w.WriteI32Field(1, dictionary.NumValues);
            w.WriteI32Field(2, (int)dictionary.Encoding);
            w.WriteBoolField(3, false);
            w.EndStruct();
        }

        w.EndStruct();
    }

    private static void Write(ThriftCompactWriter w, SchemaElement element)
    {
        w.BeginStruct();
        if (element.Type is { } type)
        {
            w.WriteI32Field(1, (int)type);
        }

        if (element.TypeLength is { } typeLength)
        {
            w.WriteI32Field(2, typeLength);
        }

        if (element.RepetitionType is { } repetition)
        {
            w.WriteI32Field(3, (int)repetition);
        }

        w.WriteStringField(4, element.Name);
        if (element.NumChildren is { } children)
        {
            w.WriteI32Field(5, children);
        }

        if (element.ConvertedType is { } converted)
        {
            w.WriteI32Field(6, converted);
        }

        if (element.LogicalType is { } logical && logical.Kind != ParquetLogicalKind.None)
        {
            w.BeginStructField(10);
            WriteLogicalType(w, logical);
            w.EndStruct();
        }

        w.EndStruct();
    }

    private static void WriteLogicalType(ThriftCompactWriter w, ParquetLogicalType logical)
    {
        switch (logical.Kind)
        {
            case ParquetLogicalKind.String:
                w.WriteEmptyStructField(1);
                break;
            case ParquetLogicalKind.List:
                w.WriteEmptyStructField(3);
                break;
            case ParquetLogicalKind.Integer:
                w.BeginStructField(10);
                w.WriteByteField(1, (sbyte)logical.BitWidth);
                w.WriteBoolField(2, logical.IsSigned);
                w.EndStruct();
                break;
            default:
                throw new NotSupportedException($"Writing logical type {logical.Kind} is not supported.");
        }
    }

    private static void Write(ThriftCompactWriter w, RowGroup rowGroup)
    {
        w.BeginStruct();
        w.BeginListField(1, CompactType.Struct, rowGroup.Columns.Count);
        foreach (ColumnChunk chunk in rowGroup.Columns)
        {
            Write(w, chunk);
        }

        w.WriteI64Field(2, rowGroup.TotalByteSize);
        w.WriteI64Field(3, rowGroup.NumRows);
        if (rowGroup.FileOffset is { } fileOffset)
        {
            w.WriteI64Field(5, fileOffset);
        }

        if (rowGroup.TotalCompressedSize is { } compressed)
        {
            w.WriteI64Field(6, compressed);
        }

        if (rowGroup.Ordinal is { } ordinal)
        {
            w.WriteI16Field(7, ordinal);
        }

        w.EndStruct();
    }

    private static void Write(ThriftCompactWriter w, ColumnChunk chunk)
    {
        w.BeginStruct();
        w.WriteI64Field(2, chunk.FileOffset);
        if (chunk.MetaData is { } meta)
        {
            w.BeginStructField(3);
            Write(w, meta);
            w.EndStruct();
        }

        w.EndStruct();
    }

    private static void Write(ThriftCompactWriter w, ColumnMetaData meta)
    {
        w.WriteI32Field(1, (int)meta.Type);
        w.BeginListField(2, CompactType.I32, meta.Encodings.Count);
        foreach (ParquetEncoding encoding in meta.Encodings)
        {
            w.WriteI32((int)encoding);
        }

        w.BeginListField(3, CompactType.Binary, meta.PathInSchema.Count);
        foreach (string part in meta.PathInSchema)
        {
            w.WriteString(part);
        }

        w.WriteI32Field(4, (int)meta.Codec);
        w.WriteI64Field(5, meta.NumValues);
        w.WriteI64Field(6, meta.TotalUncompressedSize);
        w.WriteI64Field(7, meta.TotalCompressedSize);
        w.WriteI64Field(9, meta.DataPageOffset);
        if (meta.DictionaryPageOffset is { } dictionaryOffset)
        {
            w.WriteI64Field(11, dictionaryOffset);
        }

        if (meta.Statistics is { } statistics)
        {
            w.BeginStructField(12);
            Write(w, statistics);
            w.EndStruct();
        }

        if (meta.EncodingStats.Count > 0)
        {
            w.BeginListField(13, CompactType.Struct, meta.EncodingStats.Count);
            foreach (PageEncodingStats stats in meta.EncodingStats)
            {
                w.BeginStruct();
                w.WriteI32Field(1, (int)stats.PageType);
                w.WriteI32Field(2, (int)stats.Encoding);
                w.WriteI32Field(3, stats.Count);
                w.EndStruct();
            }
        }
    }

    private static void Write(ThriftCompactWriter w, Statistics statistics)
    {
        if (statistics.Max is { } max)
        {
            w.WriteBinaryField(1, max);
        }

        if (statistics.Min is { } min)
        {
            w.WriteBinaryField(2, min);
        }

        if (statistics.NullCount is { } nullCount)
        {
            w.WriteI64Field(3, nullCount);
        }

        if (statistics.DistinctCount is { } distinct)
        {
            w.WriteI64Field(4, distinct);
        }

        if (statistics.MaxValue is { } maxValue)
        {
            w.WriteBinaryField(5, maxValue);
        }

        if (statistics.MinValue is { } minValue)
        {
            w.WriteBinaryField(6, minValue);
        }

        if (statistics.IsMaxValueExact is { } maxExact)
        {
            w.WriteBoolField(7, maxExact);
        }

        if (statistics.IsMinValueExact is { } minExact)
        {
            w.WriteBoolField(8, minExact);
        }
    }
}
