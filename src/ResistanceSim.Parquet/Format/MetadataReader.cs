using ResistanceSim.Parquet.Thrift;

namespace ResistanceSim.Parquet.Format;

/// <summary>
/// Decodes the metadata structs from the Thrift compact protocol. Unknown fields are skipped;
/// a field whose wire type does not match parquet.thrift is treated as corruption.
/// </summary>
internal static class MetadataReader
{
    public static FileMetaData ReadFileMetaData(ThriftCompactReader r)
    {
        var file = new FileMetaData();
        bool sawVersion = false, sawSchema = false, sawRows = false, sawRowGroups = false;
        r.BeginStruct();
        while (r.ReadFieldHeader(out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    file.Version = ReadI32(r, type);
                    sawVersion = true;
                    break;
                case 2:
                    ReadStructList(r, type, file.Schema, ReadSchemaElement);
                    sawSchema = true;
                    break;
                case 3:
                    file.NumRows = ReadI64(r, type);
                    sawRows = true;
                    break;
                case 4:
                    ReadStructList(r, type, file.RowGroups, ReadRowGroup);
                    sawRowGroups = true;
                    break;
                case 5:
                    ReadStructList(r, type, file.KeyValueMetadata, ReadKeyValue);
                    break;
                case 6:
                    file.CreatedBy = ReadString(r, type);
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
        while (r.ReadFieldHeader(out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    header.Type = (PageType)ReadI32(r, type);
                    sawType = true;
                    break;
                case 2:
                    header.UncompressedPageSize = ReadI32(r, type);
                    sawUncompressed = true;
                    break;
                case 3:
                    header.CompressedPageSize = ReadI32(r, type);
                    sawCompressed = true;
                    break;
                case 5:
                    header.DataPageHeader = ReadStruct(r, type, ReadDataPageHeader);
                    break;
                case 7:
                    header.DictionaryPageHeader = ReadStruct(r, type, ReadDictionaryPageHeader);
                    break;
                case 8:
                    header.DataPageHeaderV2 = ReadStruct(r, type, ReadDataPageHeaderV2);
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
        while (r.ReadFieldHeader(out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    int physical = ReadI32(r, type);
                    if (physical is < 0 or > 7)
                    {
                        throw new ParquetFormatException($"Unknown physical type {physical}.");
                    }

                    element.Type = (ParquetPhysicalType)physical;
                    break;
                case 2:
                    element.TypeLength = ReadI32(r, type);
                    break;
                case 3:
                    int repetition = ReadI32(r, type);
                    if (repetition is < 0 or > 2)
                    {
                        throw new ParquetFormatException($"Unknown repetition type {repetition}.");
                    }

                    element.RepetitionType = (Repetition)repetition;
                    break;
                case 4:
                    element.Name = ReadString(r, type);
                    sawName = true;
                    break;
                case 5:
                    element.NumChildren = ReadI32(r, type);
                    break;
                case 6:
                    element.ConvertedType = ReadI32(r, type);
                    break;
                case 7:
                    element.Scale = ReadI32(r, type);
                    break;
                case 8:
                    element.Precision = ReadI32(r, type);
                    break;
                case 9:
                    element.FieldId = ReadI32(r, type);
                    break;
                case 10:
                    element.LogicalType = ReadStruct(r, type, ReadLogicalType);
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
        while (r.ReadFieldHeader(out short id, out byte type))
        {
            ExpectType(type, CompactType.Struct);
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
        while (r.ReadFieldHeader(out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    ExpectType(type, CompactType.Byte);
                    bitWidth = r.ReadByte();
                    break;
                case 2:
                    signed = ReadBool(r, type);
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
        while (r.ReadFieldHeader(out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    scale = ReadI32(r, type);
                    break;
                case 2:
                    precision = ReadI32(r, type);
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
        while (r.ReadFieldHeader(out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    utc = ReadBool(r, type);
                    break;
                case 2:
                    ExpectType(type, CompactType.Struct);
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
        while (r.ReadFieldHeader(out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    ReadStructList(r, type, rowGroup.Columns, ReadColumnChunk);
                    sawColumns = true;
                    break;
                case 2:
                    rowGroup.TotalByteSize = ReadI64(r, type);
                    break;
                case 3:
                    rowGroup.NumRows = ReadI64(r, type);
                    sawRows = true;
                    break;
                case 5:
                    rowGroup.FileOffset = ReadI64(r, type);
                    break;
                case 6:
                    rowGroup.TotalCompressedSize = ReadI64(r, type);
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
        while (r.ReadFieldHeader(out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    chunk.FilePath = ReadString(r, type);
                    break;
                case 2:
                    chunk.FileOffset = ReadI64(r, type);
                    break;
                case 3:
                    chunk.MetaData = ReadStruct(r, type, ReadColumnMetaData);
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
        while (r.ReadFieldHeader(out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    meta.Type = (ParquetPhysicalType)ReadI32(r, type);
                    sawType = true;
                    break;
                case 2:
                    ExpectType(type, CompactType.List);
                    int count = r.ReadListHeader(out byte elementType);
                    for (int i = 0; i < count; i++)
                    {
                        ExpectType(elementType, CompactType.I32);
                        meta.Encodings.Add((ParquetEncoding)r.ReadI32());
                    }

                    break;
                case 3:
                    ExpectType(type, CompactType.List);
                    int parts = r.ReadListHeader(out byte partType);
                    for (int i = 0; i < parts; i++)
                    {
                        ExpectType(partType, CompactType.Binary);
                        meta.PathInSchema.Add(r.ReadString());
                    }

                    break;
                case 4:
                    meta.Codec = (ParquetCompression)ReadI32(r, type);
                    sawCodec = true;
                    break;
                case 5:
                    meta.NumValues = ReadI64(r, type);
                    sawValues = true;
                    break;
                case 6:
                    meta.TotalUncompressedSize = ReadI64(r, type);
                    break;
                case 7:
                    meta.TotalCompressedSize = ReadI64(r, type);
                    sawSizes = true;
                    break;
                case 9:
                    meta.DataPageOffset = ReadI64(r, type);
                    sawDataOffset = true;
                    break;
                case 11:
                    meta.DictionaryPageOffset = ReadI64(r, type);
                    break;
                case 12:
                    meta.Statistics = ReadStruct(r, type, ReadStatistics);
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
        while (r.ReadFieldHeader(out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    statistics.Max = ReadBinary(r, type);
                    break;
                case 2:
                    statistics.Min = ReadBinary(r, type);
                    break;
                case 3:
                    statistics.NullCount = ReadI64(r, type);
                    break;
                case 4:
                    statistics.DistinctCount = ReadI64(r, type);
                    break;
                case 5:
                    statistics.MaxValue = ReadBinary(r, type);
                    break;
                case 6:
                    statistics.MinValue = ReadBinary(r, type);
                    break;
                case 7:
                    statistics.IsMaxValueExact = ReadBool(r, type);
                    break;
                case 8:
                    statistics.IsMinValueExact = ReadBool(r, type);
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
        while (r.ReadFieldHeader(out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    kv.Key = ReadString(r, type);
                    sawKey = true;
                    break;
                case 2:
                    kv.Value = ReadString(r, type);
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
        while (r.ReadFieldHeader(out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    header.NumValues = ReadI32(r, type);
                    sawValues = true;
                    break;
                case 2:
                    header.Encoding = (ParquetEncoding)ReadI32(r, type);
                    sawEncoding = true;
                    break;
                case 3:
                    header.DefinitionLevelEncoding = (ParquetEncoding)ReadI32(r, type);
                    break;
                case 4:
                    header.RepetitionLevelEncoding = (ParquetEncoding)ReadI32(r, type);
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
        while (r.ReadFieldHeader(out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    header.NumValues = ReadI32(r, type);
                    sawValues = true;
                    break;
                case 2:
                    header.Encoding = (ParquetEncoding)ReadI32(r, type);
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
        while (r.ReadFieldHeader(out short id, out byte type))
        {
            switch (id)
            {
                case 1:
                    header.NumValues = ReadI32(r, type);
                    sawValues = true;
                    break;
                case 2:
                    header.NumNulls = ReadI32(r, type);
                    break;
                case 3:
                    header.NumRows = ReadI32(r, type);
                    sawRows = true;
                    break;
                case 4:
                    header.Encoding = (ParquetEncoding)ReadI32(r, type);
                    sawEncoding = true;
                    break;
                case 5:
                    header.DefinitionLevelsByteLength = ReadI32(r, type);
                    break;
                case 6:
                    header.RepetitionLevelsByteLength = ReadI32(r, type);
                    break;
                case 7:
                    header.IsCompressed = ReadBool(r, type);
                    break;
                default:
                    r.Skip(type);
                    break;
            }
        }

        RequireFields("DataPageHeaderV2", sawValues && sawRows && sawEncoding);
        return header;
    }

    private static T ReadStruct<T>(ThriftCompactReader r, byte type, Func<ThriftCompactReader, T> read)
    {
        ExpectType(type, CompactType.Struct);
        r.BeginStruct();
        T value = read(r);
        r.EndStruct();
        return value;
    }

    private static void ReadStructList<T>(ThriftCompactReader r, byte type, List<T> into, Func<ThriftCompactReader, T> read)
    {
        ExpectType(type, CompactType.List);
        int count = r.ReadListHeader(out byte elementType);
        ExpectType(elementType, CompactType.Struct);
        for (int i = 0; i < count; i++)
        {
            r.BeginStruct();
            into.Add(read(r));
            r.EndStruct();
        }
    }

    private static int ReadI32(ThriftCompactReader r, byte type)
    {
        ExpectType(type, CompactType.I32);
        return r.ReadI32();
    }

    private static long ReadI64(ThriftCompactReader r, byte type)
    {
        ExpectType(type, CompactType.I64);
        return r.ReadI64();
    }

    private static bool ReadBool(ThriftCompactReader r, byte type)
    {
        if (type is not (CompactType.BooleanTrue or CompactType.BooleanFalse))
        {
            throw new ParquetFormatException($"Expected a Thrift bool field but found type {type}.");
        }

        return r.ReadBoolFieldValue();
    }

    private static string ReadString(ThriftCompactReader r, byte type)
    {
        ExpectType(type, CompactType.Binary);
        return r.ReadString();
    }

    private static byte[] ReadBinary(ThriftCompactReader r, byte type)
    {
        ExpectType(type, CompactType.Binary);
        return r.ReadBinary();
    }

    private static void ExpectType(byte actual, byte expected)
    {
        if (actual != expected)
        {
            throw new ParquetFormatException($"Thrift field has wire type {actual} where {expected} was expected.");
        }
    }

    private static void RequireFields(string structName, bool allPresent)
    {
        if (!allPresent)
        {
            throw new ParquetFormatException($"Thrift {structName} is missing a required field.");
        }
    }
}
