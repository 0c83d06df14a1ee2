namespace ResistanceSim.Parquet;

/// <summary>
/// One top-level column: a primitive value, optionally nullable, or a list of primitive values
/// (the standard 3-level LIST structure). Create columns for writing with the factory methods;
/// the reader describes what it finds with the same type.
/// </summary>
public sealed class ParquetColumn
{
    private ParquetColumn(
        string name,
        ParquetPhysicalType physicalType,
        ParquetLogicalType logicalType,
        bool isNullable,
        bool isList,
        bool elementsNullable,
        int typeLength = 0,
        bool isSupported = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        PhysicalType = physicalType;
        LogicalType = logicalType;
        IsNullable = isNullable;
        IsList = isList;
        ElementsNullable = elementsNullable;
        TypeLength = typeLength;
        IsSupported = isSupported;
        ValueKind = KindOf(physicalType, logicalType);
    }

    public string Name { get; }

    public ParquetPhysicalType PhysicalType { get; }

    public ParquetLogicalType LogicalType { get; }

    /// <summary>Whether a row may hold null (for a list column: whether the list itself may be null).</summary>
    public bool IsNullable { get; }

    public bool IsList { get; }

    /// <summary>For list columns: whether list elements may be null (always false for lists this library writes).</summary>
    public bool ElementsNullable { get; }

    /// <summary>Byte length of FIXED_LEN_BYTE_ARRAY values (12 for INT96), otherwise 0.</summary>
    public int TypeLength { get; }

    /// <summary>The .NET type of the values (list elements for list columns).</summary>
    public ParquetValueKind ValueKind { get; }

    /// <summary>False for nested structures other than a list of primitives (structs, maps), which the reader reports but cannot read.</summary>
    public bool IsSupported { get; }

    public static ParquetColumn Boolean(string name, bool nullable = false) =>
        new(name, ParquetPhysicalType.Boolean, ParquetLogicalType.None, nullable, isList: false, elementsNullable: false);

    /// <summary>An INT32 column; <paramref name="logical"/> annotates it as signed INT(8|16|32) (e.g. SMALLINT for Int16).</summary>
    public static ParquetColumn Int32(string name, bool nullable = false, IntWidth? logical = null)
    {
        if (logical is IntWidth.Int64)
        {
            throw new ArgumentException("An INT32 column cannot carry a 64-bit integer annotation.", nameof(logical));
        }

        return new(name, ParquetPhysicalType.Int32, IntegerAnnotation(logical), nullable, isList: false, elementsNullable: false);
    }

    /// <summary>An INT64 column; <paramref name="annotate"/> adds the INT(64, signed) logical type.</summary>
    public static ParquetColumn Int64(string name, bool nullable = false, bool annotate = false) =>
        new(name, ParquetPhysicalType.Int64, annotate ? ParquetLogicalType.Integer(64) : ParquetLogicalType.None, nullable, isList: false, elementsNullable: false);

    public static ParquetColumn Float(string name, bool nullable = false) =>
        new(name, ParquetPhysicalType.Float, ParquetLogicalType.None, nullable, isList: false, elementsNullable: false);

    public static ParquetColumn Double(string name, bool nullable = false) =>
        new(name, ParquetPhysicalType.Double, ParquetLogicalType.None, nullable, isList: false, elementsNullable: false);

    /// <summary>A UTF-8 string column (BYTE_ARRAY with logical type STRING and converted type UTF8).</summary>
    public static ParquetColumn String(string name, bool nullable = false) =>
        new(name, ParquetPhysicalType.ByteArray, ParquetLogicalType.String, nullable, isList: false, elementsNullable: false);

    /// <summary>A list of non-null strings; the list itself may be null when <paramref name="nullable"/>.</summary>
    public static ParquetColumn StringList(string name, bool nullable = false) =>
        new(name, ParquetPhysicalType.ByteArray, ParquetLogicalType.String, nullable, isList: true, elementsNullable: false);

    internal static ParquetColumn FromFile(
        string name,
        ParquetPhysicalType physicalType,
        ParquetLogicalType logicalType,
        bool isNullable,
        bool isList,
        bool elementsNullable,
        int typeLength) =>
        new(name, physicalType, logicalType, isNullable, isList, elementsNullable, typeLength);

    internal static ParquetColumn Unsupported(string name) =>
        new(name, ParquetPhysicalType.ByteArray, new ParquetLogicalType(ParquetLogicalKind.Other), isNullable: true, isList: false, elementsNullable: false, isSupported: false);

    public override string ToString()
    {
        string type = LogicalType.Kind == ParquetLogicalKind.None ? PhysicalType.ToString() : $"{PhysicalType}/{LogicalType.Kind}";
        return $"{Name}: {(IsList ? $"list<{type}>" : type)}{(IsNullable ? "?" : "")}";
    }

    private static ParquetLogicalType IntegerAnnotation(IntWidth? width) =>
        width is { } w ? ParquetLogicalType.Integer((int)w) : ParquetLogicalType.None;

    private static ParquetValueKind KindOf(ParquetPhysicalType physical, ParquetLogicalType logical) => physical switch
    {
        ParquetPhysicalType.Boolean => ParquetValueKind.Boolean,
        ParquetPhysicalType.Int32 => ParquetValueKind.Int32,
        ParquetPhysicalType.Int64 => ParquetValueKind.Int64,
        ParquetPhysicalType.Float => ParquetValueKind.Float,
        ParquetPhysicalType.Double => ParquetValueKind.Double,
        ParquetPhysicalType.ByteArray when logical.Kind is ParquetLogicalKind.String or ParquetLogicalKind.Enum or ParquetLogicalKind.Json
            => ParquetValueKind.String,
        _ => ParquetValueKind.Bytes,
    };
}
