namespace ResistanceSim.Parquet.Format;

/// <summary>The legacy converted types this library writes or interprets (parquet.thrift <c>ConvertedType</c>).</summary>
internal static class ConvertedType
{
    public const int Utf8 = 0;
    public const int Map = 1;
    public const int MapKeyValue = 2;
    public const int List = 3;
    public const int Enum = 4;
    public const int Decimal = 5;
    public const int Date = 6;
    public const int TimestampMillis = 9;
    public const int TimestampMicros = 10;
    public const int UInt8 = 11;
    public const int UInt16 = 12;
    public const int UInt32 = 13;
    public const int UInt64 = 14;
    public const int Int8 = 15;
    public const int Int16 = 16;
    public const int Int32 = 17;
    public const int Int64 = 18;
    public const int Json = 19;
}
