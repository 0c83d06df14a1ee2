using ResistanceSim.Parquet.Thrift;

namespace ResistanceSim.Parquet.Format;

/// <summary>
/// Decodes the metadata structs from the Thrift compact protocol. Fields with an unknown id, and
/// fields or list elements whose wire type differs from parquet.thrift's declaration
/// (<see cref="DeclaredWireTypes"/>), are skipped as the Thrift specification requires; a required
/// field that is absent after that is corruption.
/// </summary>
internal static class MetadataReader
{
    public static FileMetaData ReadFileMetaData(ThriftCompactReader r)
    {
        var file = new FileMetaData();
        bool sawVersion = false, sawSchema = false, sawRows = false, sawRowGroups = false;
        r.BeginStruct();
        while (r.ReadDeclaredField(DeclaredWireTypes.FileMetaData, out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    file.Version = r.ReadI32();
                    sawVersion = true;
                    break;
                case 2:
                    sawSchema = ReadStructList(r, file.Schema, ReadSchemaElement);
                    break;
                case 3:
                    file.NumRows = r.ReadI64();
                    sawRows = true;
                    break;
                case 4:
                    sawRowGroups = ReadStructList(r, file.RowGroups, ReadRowGroup);
                    break;
                case 5:
                    ReadStructList(r, file.KeyValueMetadata, ReadKeyValue);
                    break;
                case 6:
                    file.CreatedBy = r.ReadString();
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }

        r.EndStruct();
        RequireFields("FileMetaData", sawVersion && sawSchema && sawRows && sawRowGroups);
        return file;
    }

    public static PageHeader ReadPageHeader(ThriftCompactReader r)
    {
        var header = new PageHeader();
        bool sawType = false, sawUncompressed = false, sawCompressed = false;
        r.BeginStruct();
        while (r.ReadDeclaredField(DeclaredWireTypes.PageHeader, out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    header.Type = (PageType)r.ReadI32();
                    sawType = true;
                    break;
                case 2:
                    header.UncompressedPageSize = r.ReadI32();
                    sawUncompressed = true;
                    break;
                case 3:
                    header.CompressedPageSize = r.ReadI32();
                    sawCompressed = true;
                    break;
                case 5:
                    header.DataPageHeader = ReadStruct(r, ReadDataPageHeader);
                    break;
                case 7:
                    header.DictionaryPageHeader = ReadStruct(r, ReadDictionaryPageHeader);
                    break;
                case 8:
                    header.DataPageHeaderV2 = ReadStruct(r, ReadDataPageHeaderV2);
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }

        r.EndStruct();
        RequireFields("PageHeader", sawType && sawUncompressed && sawCompressed);
        if (header.UncompressedPageSize < 0 || header.CompressedPageSize < 0)
        {
            throw new ParquetFormatException("Page header has a negative size.");
        }

        return header;
    }

    private static SchemaElement ReadSchemaElement(ThriftCompactReader r)
    {
        var element = new SchemaElement();
        bool sawName = false;
        while (r.ReadDeclaredField(DeclaredWireTypes.SchemaElement, out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    int physical = r.ReadI32();
                    if (physical is < 0 or > 7)
                    {
                        throw new ParquetFormatException($"Unknown physical type {physical}.");
                    }

                    element.Type = (ParquetPhysicalType)physical;
                    break;
                case 2:
                    element.TypeLength = r.ReadI32();
                    break;
                case 3:
                    int repetition = r.ReadI32();
                    if (repetition is < 0 or > 2)
                    {
                        throw new ParquetFormatException($"Unknown repetition type {repetition}.");
                    }

                    element.RepetitionType = (Repetition)repetition;
                    break;
                case 4:
                    element.Name = r.ReadString();
                    sawName = true;
                    break;
                case 5:
                    element.NumChildren = r.ReadI32();
                    break;
                case 6:
                    element.ConvertedType = r.ReadI32();
                    break;
                case 7:
                    element.Scale = r.ReadI32();
                    break;
                case 8:
                    element.Precision = r.ReadI32();
                    break;
                case 9:
                    element.FieldId = r.ReadI32();
                    break;
                case 10:
                    element.LogicalType = ReadStruct(r, ReadLogicalType);
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }

        RequireFields("SchemaElement", sawName);
        return element;
    }

    private static ParquetLogicalType ReadLogicalType(ThriftCompactReader r)
    {
        ParquetLogicalType result = new(ParquetLogicalKind.Other);
        while (r.ReadDeclaredField(DeclaredWireTypes.LogicalType, out short id, out byte type))
        {
            result = id switch
            {
                1 => Empty(r, ParquetLogicalKind.String),
                2 => Empty(r, ParquetLogicalKind.Map),
                3 => Empty(r, ParquetLogicalKind.List),
                4 => Empty(r, ParquetLogicalKind.Enum),
                5 => ReadNested(r, ReadDecimal),
                6 => Empty(r, ParquetLogicalKind.Date),
                7 => ReadNested(r, inner => ReadTimeLike(inner, ParquetLogicalKind.Time)),
                8 => ReadNested(r, inner => ReadTimeLike(inner, ParquetLogicalKind.Timestamp)),
                10 => ReadNested(r, ReadInteger),
                11 => Empty(r, ParquetLogicalKind.Unknown),
                12 => Empty(r, ParquetLogicalKind.Json),
                13 => Empty(r, ParquetLogicalKind.Bson),
                14 => Empty(r, ParquetLogicalKind.Uuid),
                15 => Empty(r, ParquetLogicalKind.Float16),
                _ => Empty(r, ParquetLogicalKind.Other),
            };
        }

        return result;

        static ParquetLogicalType Empty(ThriftCompactReader r, ParquetLogicalKind kind)
        {
            r.Skip(CompactType.Struct);
            return new ParquetLogicalType(kind);
        }

        static ParquetLogicalType ReadNested(ThriftCompactReader r, Func<ThriftCompactReader, ParquetLogicalType> read)
        {
            r.BeginStruct();
            ParquetLogicalType value = read(r);
            r.EndStruct();
            return value;
        }
    }

    private static ParquetLogicalType ReadInteger(ThriftCompactReader r)
    {
        int bitWidth = 0;
        bool signed = true;
        while (r.ReadDeclaredField(DeclaredWireTypes.IntType, out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    bitWidth = r.ReadByte();
                    break;
                case 2:
                    signed = r.ReadBoolFieldValue();
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }

        return ParquetLogicalType.Integer(bitWidth, signed);
    }

    private static ParquetLogicalType ReadDecimal(ThriftCompactReader r)
    {
        int scale = 0, precision = 0;
        while (r.ReadDeclaredField(DeclaredWireTypes.DecimalType, out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    scale = r.ReadI32();
                    break;
                case 2:
                    precision = r.ReadI32();
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }

        return new ParquetLogicalType(ParquetLogicalKind.Decimal, Scale: scale, Precision: precision);
    }

    private static ParquetLogicalType ReadTimeLike(ThriftCompactReader r, ParquetLogicalKind kind)
    {
        bool utc = false;
        string? unit = null;
        while (r.ReadDeclaredField(DeclaredWireTypes.TimeType, out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    utc = r.ReadBoolFieldValue();
                    break;
                case 2:
                    r.BeginStruct();
                    while (r.ReadFieldHeader(out short unitId, out byte unitType))
                    {
                        unit = unitId switch { 1 => "MILLIS", 2 => "MICROS", 3 => "NANOS", _ => unit };
                        r.Skip(unitType);
                    }

                    r.EndStruct();
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }

        return new ParquetLogicalType(kind, TimeUnit: unit, IsAdjustedToUtc: utc);
    }

    private static RowGroup ReadRowGroup(ThriftCompactReader r)
    {
        var rowGroup = new RowGroup();
        bool sawColumns = false, sawRows = false;
        while (r.ReadDeclaredField(DeclaredWireTypes.RowGroup, out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    sawColumns = ReadStructList(r, rowGroup.Columns, ReadColumnChunk);
                    break;
                case 2:
                    rowGroup.TotalByteSize = r.ReadI64();
                    break;
                case 3:
                    rowGroup.NumRows = r.ReadI64();
                    sawRows = true;
                    break;
                case 5:
                    rowGroup.FileOffset = r.ReadI64();
                    break;
                case 6:
                    rowGroup.TotalCompressedSize = r.ReadI64();
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }

        RequireFields("RowGroup", sawColumns && sawRows);
        return rowGroup;
    }

    private static ColumnChunk ReadColumnChunk(ThriftCompactReader r)
    {
        var chunk = new ColumnChunk();
        while (r.ReadDeclaredField(DeclaredWireTypes.ColumnChunk, out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    chunk.FilePath = r.ReadString();
                    break;
                case 2:
                    chunk.FileOffset = r.ReadI64();
                    break;
                case 3:
                    chunk.MetaData = ReadStruct(r, ReadColumnMetaData);
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }

        return chunk;
    }

    private static ColumnMetaData ReadColumnMetaData(ThriftCompactReader r)
    {
        var meta = new ColumnMetaData();
        bool sawType = false, sawCodec = false, sawValues = false, sawDataOffset = false, sawSizes = false;
        while (r.ReadDeclaredField(DeclaredWireTypes.ColumnMetaData, out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    meta.Type = (ParquetPhysicalType)r.ReadI32();
                    sawType = true;
                    break;
                case 2:
                    ReadList(r, CompactType.I32, meta.Encodings, inner => (ParquetEncoding)inner.ReadI32());
                    break;
                case 3:
                    ReadList(r, CompactType.Binary, meta.PathInSchema, inner => inner.ReadString());
                    break;
                case 4:
                    meta.Codec = (ParquetCompression)r.ReadI32();
                    sawCodec = true;
                    break;
                case 5:
                    meta.NumValues = r.ReadI64();
                    sawValues = true;
                    break;
                case 6:
                    meta.TotalUncompressedSize = r.ReadI64();
                    break;
                case 7:
                    meta.TotalCompressedSize = r.ReadI64();
                    sawSizes = true;
                    break;
                case 9:
                    meta.DataPageOffset = r.ReadI64();
                    sawDataOffset = true;
                    break;
                case 11:
                    meta.DictionaryPageOffset = r.ReadI64();
                    break;
                case 12:
                    meta.Statistics = ReadStruct(r, ReadStatistics);
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }

        RequireFields("ColumnMetaData", sawType && sawCodec && sawValues && sawDataOffset && sawSizes);
        return meta;
    }

    private static Statistics ReadStatistics(ThriftCompactReader r)
    {
        var statistics = new Statistics();
        while (r.ReadDeclaredField(DeclaredWireTypes.Statistics, out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    statistics.Max = r.ReadBinary();
                    break;
                case 2:
                    statistics.Min = r.ReadBinary();
                    break;
                case 3:
                    statistics.NullCount = r.ReadI64();
                    break;
                case 4:
                    statistics.DistinctCount = r.ReadI64();
                    break;
                case 5:
                    statistics.MaxValue = r.ReadBinary();
                    break;
                case 6:
                    statistics.MinValue = r.ReadBinary();
                    break;
                case 7:
                    statistics.IsMaxValueExact = r.ReadBoolFieldValue();
                    break;
                case 8:
                    statistics.IsMinValueExact = r.ReadBoolFieldValue();
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }

        return statistics;
    }

    private static KeyValue ReadKeyValue(ThriftCompactReader r)
    {
        var kv = new KeyValue();
        bool sawKey = false;
        while (r.ReadDeclaredField(DeclaredWireTypes.KeyValue, out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    kv.Key = r.ReadString();
                    sawKey = true;
                    break;
                case 2:
                    kv.Value = r.ReadString();
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }

        RequireFields("KeyValue", sawKey);
        return kv;
    }

    private static DataPageHeader ReadDataPageHeader(ThriftCompactReader r)
    {
        var header = new DataPageHeader();
        bool sawValues = false, sawEncoding = false;
        while (r.ReadDeclaredField(DeclaredWireTypes.DataPageHeader, out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    header.NumValues = r.ReadI32();
                    sawValues = true;
                    break;
                case 2:
                    header.Encoding = (ParquetEncoding)r.ReadI32();
                    sawEncoding = true;
                    break;
                case 3:
                    header.DefinitionLevelEncoding = (ParquetEncoding)r.ReadI32();
                    break;
                case 4:
                    header.RepetitionLevelEncoding = (ParquetEncoding)r.ReadI32();
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }

        RequireFields("DataPageHeader", sawValues && sawEncoding);
        return header;
    }

    private static DictionaryPageHeader ReadDictionaryPageHeader(ThriftCompactReader r)
    {
        var header = new DictionaryPageHeader();
        bool sawValues = false;
        while (r.ReadDeclaredField(DeclaredWireTypes.DictionaryPageHeader, out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    header.NumValues = r.ReadI32();
                    sawValues = true;
                    break;
                case 2:
                    header.Encoding = (ParquetEncoding)r.ReadI32();
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }

        RequireFields("DictionaryPageHeader", sawValues);
        return header;
    }

    private static DataPageHeaderV2 ReadDataPageHeaderV2(ThriftCompactReader r)
    {
        var header = new DataPageHeaderV2();
        bool sawValues = false, sawRows = false, sawEncoding = false;
        while (r.ReadDeclaredField(DeclaredWireTypes.DataPageHeaderV2, out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    header.NumValues = r.ReadI32();
                    sawValues = true;
                    break;
                case 2:
                    header.NumNulls = r.ReadI32();
                    break;
                case 3:
                    header.NumRows = r.ReadI32();
                    sawRows = true;
                    break;
                case 4:
                    header.Encoding = (ParquetEncoding)r.ReadI32();
                    sawEncoding = true;
                    break;
                case 5:
                    header.DefinitionLevelsByteLength = r.ReadI32();
                    break;
                case 6:
                    header.RepetitionLevelsByteLength = r.ReadI32();
                    break;
                case 7:
                    header.IsCompressed = r.ReadBoolFieldValue();
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }

        RequireFields("DataPageHeaderV2", sawValues && sawRows && sawEncoding);
        return header;
    }

    private static T ReadStruct<T>(ThriftCompactReader r, Func<ThriftCompactReader, T> read)
    {
        r.BeginStruct();
        T value = read(r);
        r.EndStruct();
        return value;
    }

    /// <summary>Reads a list of structs; false (and the list skipped) when its elements are not structs.</summary>
    private static bool ReadStructList<T>(ThriftCompactReader r, List<T> into, Func<ThriftCompactReader, T> read) =>
        ReadList(r, CompactType.Struct, into, inner => ReadStruct(inner, read));

    /// <summary>Reads a list whose elements have the declared wire type; false (and the list skipped) otherwise.</summary>
    private static bool ReadList<T>(ThriftCompactReader r, byte elementType, List<T> into, Func<ThriftCompactReader, T> read)
    {
        int count = r.ReadListHeader(out byte actualType);
        if (actualType != elementType)
        {
            r.SkipListElements(count, actualType);
            return false;
        }

        for (int i = 0; i < count; i++)
        {
            into.Add(read(r));
        }

        return true;
    }

    private static void RequireFields(string structName, bool allPresent)
    {
        if (!allPresent)
        {
            throw new ParquetFormatException($"Thrift {structName} is missing a required field.");
        }
    }
}
