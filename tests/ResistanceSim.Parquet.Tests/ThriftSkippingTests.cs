using ResistanceSim.Parquet.Format;
using ResistanceSim.Parquet.IO;
using ResistanceSim.Parquet.Thrift;

namespace ResistanceSim.Parquet.Tests;

/// <summary>
/// Thrift requires a reader to skip a field whose id it does not know or whose wire type is not the
/// declared one. Footers are built here field by field so each case is exactly the one named.
/// </summary>
public class ThriftSkippingTests
{
    [Fact]
    public void UnknownBinaryFieldIsSkippedExactly()
    {
        // An unknown field id 20 carrying 9 bytes, then created_by: a skip one byte off would misread it.
        FileMetaData file = Decode(w =>
        {
            WriteRequiredFields(w);
            w.WriteBinaryField(20, "123456789"u8);
            w.WriteStringField(21, "also unknown");
        }, w => w.WriteStringField(6, "writer 1.0"));
        Assert.Equal("writer 1.0", file.CreatedBy);
        Assert.Equal(7, file.NumRows);
    }

    [Fact]
    public void KnownFieldWithAnotherWireTypeIsSkipped()
    {
        // created_by (6) declared as a string, written as an i32; key_value_metadata (5) as a binary.
        FileMetaData file = Decode(w =>
        {
            WriteRequiredFields(w);
            w.WriteBinaryField(5, "not a list"u8);
            w.WriteI32Field(6, 42);
        });
        Assert.Null(file.CreatedBy);
        Assert.Empty(file.KeyValueMetadata);
        Assert.Equal(7, file.NumRows);
    }

    [Fact]
    public void ListWithAnotherElementTypeIsSkipped()
    {
        // key_value_metadata (5) as a list of i32 rather than of KeyValue structs.
        FileMetaData file = Decode(w =>
        {
            WriteRequiredFields(w);
            w.BeginListField(5, CompactType.I32, 3);
            w.WriteI32(1);
            w.WriteI32(2);
            w.WriteI32(3);
            w.WriteStringField(6, "after the list");
        });
        Assert.Empty(file.KeyValueMetadata);
        Assert.Equal("after the list", file.CreatedBy);
    }

    [Fact]
    public void RequiredFieldWithAnotherWireTypeIsMissingAndRefusedAtItsOffset()
    {
        var buffer = new ByteBuffer();
        var w = new ThriftCompactWriter(buffer);
        w.BeginStruct();
        w.WriteI32Field(1, 2);
        WriteSchema(w);
        w.WriteStringField(3, "seven"); // num_rows must be an i64
        w.BeginListField(4, CompactType.Struct, 0);
        w.EndStruct();
        byte[] bytes = buffer.WrittenSpan.ToArray();

        var error = Assert.Throws<ParquetFormatException>(() => MetadataReader.ReadFileMetaData(new ThriftCompactReader(bytes, 0, bytes.Length, fileOffsetOfData: 1000)));
        Assert.Contains("missing a required field", error.Reason, StringComparison.Ordinal);
        Assert.Null(error.Offset); // a missing field has no byte of its own: the footer's offset is given by the file reader
    }

    [Fact]
    public void GarbageTypeReportsTheFileOffsetOfTheThriftByte()
    {
        byte[] bytes = [0x15, 0x04, 0x1F, 0x00]; // version = 2, then field 2 with the undefined type 15
        var error = Assert.Throws<ParquetFormatException>(() => MetadataReader.ReadFileMetaData(new ThriftCompactReader(bytes, 0, bytes.Length, fileOffsetOfData: 1000)));
        Assert.Contains("type 15", error.Reason, StringComparison.Ordinal);
        Assert.Equal(1003, error.Offset); // just after the bad header byte at 1002
    }

    private static FileMetaData Decode(Action<ThriftCompactWriter> fields, Action<ThriftCompactWriter>? more = null)
    {
        var buffer = new ByteBuffer();
        var w = new ThriftCompactWriter(buffer);
        w.BeginStruct();
        fields(w);
        more?.Invoke(w);
        w.EndStruct();
        byte[] bytes = buffer.WrittenSpan.ToArray();
        return MetadataReader.ReadFileMetaData(new ThriftCompactReader(bytes, 0, bytes.Length, fileOffsetOfData: 0));
    }

    private static void WriteRequiredFields(ThriftCompactWriter w)
    {
        w.WriteI32Field(1, 2);
        WriteSchema(w);
        w.WriteI64Field(3, 7);
        w.BeginListField(4, CompactType.Struct, 0);
    }

    private static void WriteSchema(ThriftCompactWriter w)
    {
        w.BeginListField(2, CompactType.Struct, 2);
        w.BeginStruct();
        w.WriteStringField(4, "schema");
        w.WriteI32Field(5, 1);
        w.EndStruct();
        w.BeginStruct();
        w.WriteI32Field(1, (int)ParquetPhysicalType.Int64);
        w.WriteI32Field(3, (int)Repetition.Required);
        w.WriteStringField(4, "x");
        w.WriteBinaryField(10, "logical type as bytes"u8); // LogicalType is a struct: skipped
        w.EndStruct();
    }
}
