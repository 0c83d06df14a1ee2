using ResistanceSim.Parquet.Format;

namespace ResistanceSim.Parquet;

/// <summary>Translates between <see cref="ParquetSchema"/> and the flattened SchemaElement list in the footer.</summary>
internal static class SchemaMapping
{
    public static List<SchemaElement> ToElements(ParquetSchema schema)
    {
        var elements = new List<SchemaElement> { new() { Name = "schema", NumChildren = schema.Columns.Count } };
        foreach (ParquetColumn column in schema.Columns)
        {
            Repetition repetition = column.IsNullable ? Repetition.Optional : Repetition.Required;
            if (!column.IsList)
            {
                elements.Add(Leaf(column, column.Name, repetition));
                continue;
            }

            // Standard 3-level list (LogicalTypes.md "Lists"): <name> (LIST) / repeated group list / element.
            elements.Add(new SchemaElement
            {
                Name = column.Name,
                RepetitionType = repetition,
                NumChildren = 1,
                ConvertedType = ConvertedType.List,
                LogicalType = new ParquetLogicalType(ParquetLogicalKind.List),
            });
            elements.Add(new SchemaElement { Name = "list", RepetitionType = Repetition.Repeated, NumChildren = 1 });
            elements.Add(Leaf(column, "element", column.ElementsNullable ? Repetition.Optional : Repetition.Required));
        }

        return elements;
    }

    /// <summary>Interprets the footer's schema: flat primitives and lists of primitives are readable, other nesting is reported as unsupported.</summary>
    public static (ParquetSchema Schema, IReadOnlyList<ColumnLayout> Layouts, int LeafCount) FromElements(IReadOnlyList<SchemaElement> elements)
    {
        if (elements.Count == 0)
        {
            throw new ParquetFormatException("The schema is empty.");
        }

        int position = 0;
        SchemaNode root = ParseNode(elements, ref position, depth: 0);
        if (position != elements.Count)
        {
            throw new ParquetFormatException("The schema's child counts do not match its element list.");
        }

        var columns = new List<ParquetColumn>();
        var layouts = new List<ColumnLayout>();
        int leafIndex = 0;
        foreach (SchemaNode field in root.Children)
        {
            ColumnLayout layout = Interpret(field, leafIndex);
            columns.Add(layout.Column);
            layouts.Add(layout);
            leafIndex += layout.LeafCount;
        }

        ParquetSchema schema;
        try
        {
            schema = new ParquetSchema(columns);
        }
        catch (ArgumentException e)
        {
            throw new ParquetFormatException($"The schema is invalid: {e.Message}", e);
        }

        return (schema, layouts, leafIndex);
    }

    private static SchemaElement Leaf(ParquetColumn column, string name, Repetition repetition)
    {
        var element = new SchemaElement { Name = name, Type = column.PhysicalType, RepetitionType = repetition };
        ParquetLogicalType logical = column.LogicalType;
        if (logical.Kind == ParquetLogicalKind.String)
        {
            element.ConvertedType = ConvertedType.Utf8;
            element.LogicalType = logical;
        }
        else if (logical.Kind == ParquetLogicalKind.Integer)
        {
            element.ConvertedType = logical.BitWidth switch
            {
                8 => ConvertedType.Int8,
                16 => ConvertedType.Int16,
                32 => ConvertedType.Int32,
                _ => ConvertedType.Int64,
            };
            element.LogicalType = logical;
        }

        return element;
    }

    private static SchemaNode ParseNode(IReadOnlyList<SchemaElement> elements, ref int position, int depth)
    {
        if (depth > 32)
        {
            throw new ParquetFormatException("The schema is nested too deeply.");
        }

        if (position >= elements.Count)
        {
            throw new ParquetFormatException("The schema ends before all declared children.");
        }

        SchemaElement element = elements[position++];
        var node = new SchemaNode(element);
        int childCount = element.NumChildren ?? 0;
        if (childCount < 0 || childCount > elements.Count - position)
        {
            throw new ParquetFormatException($"Schema element '{element.Name}' declares {childCount} children.");
        }

        if (childCount == 0 && element.Type is null && depth > 0)
        {
            throw new ParquetFormatException($"Schema element '{element.Name}' has neither a type nor children.");
        }

        for (int i = 0; i < childCount; i++)
        {
            node.Children.Add(ParseNode(elements, ref position, depth + 1));
        }

        return node;
    }

    private static ColumnLayout Interpret(SchemaNode field, int leafIndex)
    {
        SchemaElement element = field.Element;
        Repetition repetition = element.RepetitionType ?? Repetition.Optional;
        if (field.IsPrimitive)
        {
            if (repetition == Repetition.Repeated)
            {
                // A bare repeated primitive is a required list of required elements.
                return new ColumnLayout(FromLeaf(element, element.Name, isNullable: false, isList: true, elementsNullable: false), leafIndex, 1, 1, 1, [element.Name]);
            }

            bool nullable = repetition == Repetition.Optional;
            return new ColumnLayout(FromLeaf(element, element.Name, nullable, isList: false, elementsNullable: false), leafIndex, 1, nullable ? 1 : 0, 0, [element.Name]);
        }

        if (TryInterpretList(field, leafIndex, out ColumnLayout? list))
        {
            return list;
        }

        return new ColumnLayout(ParquetColumn.Unsupported(element.Name), leafIndex, field.LeafCount(), 0, 0, [element.Name]);
    }

    private static bool TryInterpretList(SchemaNode field, int leafIndex, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ColumnLayout? layout)
    {
        layout = null;
        SchemaElement outer = field.Element;
        bool isListAnnotated = outer.LogicalType?.Kind == ParquetLogicalKind.List || outer.ConvertedType == ConvertedType.List;
        Repetition outerRepetition = outer.RepetitionType ?? Repetition.Optional;
        if (!isListAnnotated || field.Children.Count != 1 || outerRepetition == Repetition.Repeated)
        {
            return false;
        }

        SchemaNode repeated = field.Children[0];
        if (repeated.Element.RepetitionType != Repetition.Repeated)
        {
            return false;
        }

        bool listNullable = outerRepetition == Repetition.Optional;
        int outerDefinition = listNullable ? 1 : 0;
        if (repeated.IsPrimitive)
        {
            // Legacy 2-level list: the repeated field is the element itself.
            ParquetColumn column = FromLeaf(repeated.Element, outer.Name, listNullable, isList: true, elementsNullable: false);
            layout = new ColumnLayout(column, leafIndex, 1, outerDefinition + 1, 1, [outer.Name, repeated.Element.Name]);
            return true;
        }

        if (repeated.Children.Count != 1 || !repeated.Children[0].IsPrimitive)
        {
            return false;
        }

        SchemaElement element = repeated.Children[0].Element;
        Repetition elementRepetition = element.RepetitionType ?? Repetition.Optional;
        if (elementRepetition == Repetition.Repeated)
        {
            return false;
        }

        bool elementsNullable = elementRepetition == Repetition.Optional;
        ParquetColumn listColumn = FromLeaf(element, outer.Name, listNullable, isList: true, elementsNullable);
        layout = new ColumnLayout(listColumn, leafIndex, 1, outerDefinition + 1 + (elementsNullable ? 1 : 0), 1, [outer.Name, repeated.Element.Name, element.Name]);
        return true;
    }

    private static ParquetColumn FromLeaf(SchemaElement leaf, string name, bool isNullable, bool isList, bool elementsNullable)
    {
        ParquetPhysicalType type = leaf.Type ?? throw new ParquetFormatException($"Schema leaf '{leaf.Name}' has no physical type.");
        int typeLength = type switch
        {
            ParquetPhysicalType.Int96 => 12,
            ParquetPhysicalType.FixedLenByteArray => leaf.TypeLength is > 0 and <= 1 << 20
                ? leaf.TypeLength.Value
                : throw new ParquetFormatException($"FIXED_LEN_BYTE_ARRAY column '{leaf.Name}' has invalid length {leaf.TypeLength}."),
            _ => 0,
        };
        return ParquetColumn.FromFile(name, type, LogicalTypeOf(leaf), isNullable, isList, elementsNullable, typeLength);
    }

    private static ParquetLogicalType LogicalTypeOf(SchemaElement leaf)
    {
        if (leaf.LogicalType is { } logical)
        {
            return logical;
        }

        return leaf.ConvertedType switch
        {
            null => ParquetLogicalType.None,
            ConvertedType.Utf8 => ParquetLogicalType.String,
            ConvertedType.Enum => new ParquetLogicalType(ParquetLogicalKind.Enum),
            ConvertedType.Json => new ParquetLogicalType(ParquetLogicalKind.Json),
            ConvertedType.Date => new ParquetLogicalType(ParquetLogicalKind.Date),
            ConvertedType.Decimal => new ParquetLogicalType(ParquetLogicalKind.Decimal, Scale: leaf.Scale ?? 0, Precision: leaf.Precision ?? 0),
            ConvertedType.TimestampMillis => new ParquetLogicalType(ParquetLogicalKind.Timestamp, TimeUnit: "MILLIS", IsAdjustedToUtc: true),
            ConvertedType.TimestampMicros => new ParquetLogicalType(ParquetLogicalKind.Timestamp, TimeUnit: "MICROS", IsAdjustedToUtc: true),
            ConvertedType.Int8 => ParquetLogicalType.Integer(8),
            ConvertedType.Int16 => ParquetLogicalType.Integer(16),
            ConvertedType.Int32 => ParquetLogicalType.Integer(32),
            ConvertedType.Int64 => ParquetLogicalType.Integer(64),
            ConvertedType.UInt8 => ParquetLogicalType.Integer(8, isSigned: false),
            ConvertedType.UInt16 => ParquetLogicalType.Integer(16, isSigned: false),
            ConvertedType.UInt32 => ParquetLogicalType.Integer(32, isSigned: false),
            ConvertedType.UInt64 => ParquetLogicalType.Integer(64, isSigned: false),
            _ => new ParquetLogicalType(ParquetLogicalKind.Other),
        };
    }

    private sealed class SchemaNode(SchemaElement element)
    {
        public SchemaElement Element { get; } = element;

        public List<SchemaNode> Children { get; } = [];

        public bool IsPrimitive => Children.Count == 0;

        public int LeafCount() => IsPrimitive ? 1 : Children.Sum(child => child.LeafCount());
    }
}
