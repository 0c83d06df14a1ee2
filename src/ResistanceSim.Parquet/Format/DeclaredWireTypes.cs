using ResistanceSim.Parquet.Thrift;

namespace ResistanceSim.Parquet.Format;

/// <summary>
/// The compact-protocol wire type parquet.thrift declares for each field id of the structs the reader
/// decodes, indexed by field id (0 = not declared). A field whose id is unknown or whose wire type
/// differs from its declaration is skipped, as the Thrift specification requires of readers, so files
/// from writers that add fields or encode one differently (e.g. Parquet.Net) still read.
/// </summary>
internal static class DeclaredWireTypes
{
    private const byte I32 = CompactType.I32;
    private const byte I64 = CompactType.I64;
    private const byte Bin = CompactType.Binary;
    private const byte List = CompactType.List;
    private const byte Struct = CompactType.Struct;
    private const byte Bool = CompactType.BooleanTrue;

    public static readonly byte[] FileMetaData = [0, I32, List, I64, List, List, Bin, List, Struct, Bin];

    public static readonly byte[] SchemaElement = [0, I32, I32, I32, Bin, I32, I32, I32, I32, I32, Struct];

    /// <summary>LogicalType is a union of structs (ids 1–17).</summary>
    public static readonly byte[] LogicalType = [0, .. Enumerable.Repeat(Struct, 17)];

    public static readonly byte[] IntType = [0, CompactType.Byte, Bool];

    public static readonly byte[] DecimalType = [0, I32, I32];

    public static readonly byte[] TimeType = [0, Bool, Struct];

    public static readonly byte[] RowGroup = [0, List, I64, I64, List, I64, I64, CompactType.I16];

    public static readonly byte[] ColumnChunk = [0, Bin, I64, Struct];

    public static readonly byte[] ColumnMetaData = [0, I32, List, List, I32, I64, I64, I64, List, I64, I64, I64, Struct];

    public static readonly byte[] Statistics = [0, Bin, Bin, I64, I64, Bin, Bin, Bool, Bool];

    public static readonly byte[] KeyValue = [0, Bin, Bin];

    public static readonly byte[] PageHeader = [0, I32, I32, I32, I32, Struct, Struct, Struct, Struct];

    public static readonly byte[] DataPageHeader = [0, I32, I32, I32, I32, Struct];

    public static readonly byte[] DictionaryPageHeader = [0, I32, I32, Bool];

    public static readonly byte[] DataPageHeaderV2 = [0, I32, I32, I32, I32, I32, I32, Bool, Struct];
}
