using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace ResistanceSim.Parquet.Conformance;

/// <summary>
/// Reads Parquet files with OUR reader and records what an independent reader must find: row count,
/// DuckDB column type, sum, min, max, null count (per file and per row group) and key/value metadata.
/// Floating-point min/max exclude NaN and sums cover finite values only, matching check.mjs's SQL.
/// </summary>
internal static class ExpectationWriter
{
    public static int DescribeDirectory(string directory, string outputPath)
    {
        string[] files = [.. Directory.EnumerateFiles(directory, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
        using var stream = File.Create(outputPath);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartArray("files");
        foreach (string file in files)
        {
            Describe(file, json);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        return files.Length;
    }

    private static void Describe(string path, Utf8JsonWriter json)
    {
        using ParquetFileReader reader = ParquetFileReader.Open(path);
        json.WriteStartObject();
        json.WriteString("path", path);
        json.WriteNumber("rows", reader.RowCount);
        json.WriteStartObject("key_value_metadata");
        foreach ((string key, string? value) in reader.KeyValueMetadata)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();

        var totals = reader.Schema.Columns.Select(column => new ColumnSummary(column)).ToArray();
        json.WriteStartArray("row_groups");
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            json.WriteStartObject();
            json.WriteNumber("rows", reader.RowGroups[g].RowCount);
            json.WriteStartArray("columns");
            for (int c = 0; c < totals.Length; c++)
            {
                var group = new ColumnSummary(reader.Schema[c]);
                ParquetColumnData data = reader.ReadColumn(g, c);
                group.Add(data);
                totals[c].Add(data);
                json.WriteStartObject();
                json.WriteString("name", reader.Schema[c].Name);
                group.WriteStatistics(json);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("columns");
        foreach (ColumnSummary total in totals)
        {
            json.WriteStartObject();
            total.WriteTotals(json);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private sealed class ColumnSummary(ParquetColumn column)
    {
        private long _nullCount;
        private long _nullSlots;
        private long _elements;
        private BigInteger _integerSum;
        private double _floatSum;
        private object? _min;
        private object? _max;
        private readonly HashSet<string> _distinct = new(StringComparer.Ordinal);

        private string Kind => column.IsList ? "list" : column.ValueKind switch
        {
            ParquetValueKind.Boolean => "bool",
            ParquetValueKind.Int32 or ParquetValueKind.Int64 => "int",
            ParquetValueKind.Float => "float",
            ParquetValueKind.Double => "double",
            ParquetValueKind.String => "string",
            _ => "bytes",
        };

        public void Add(ParquetColumnData data)
        {
            for (int row = 0; row < data.RowCount; row++)
            {
                object? value = data.GetValue(row);
                if (value is null)
                {
                    _nullCount++;
                    _nullSlots++;
                    continue;
                }

                if (value is object?[] list)
                {
                    _elements += list.Length;
                    _nullSlots += list.Length == 0 ? 1 : 0;
                    foreach (object? element in list)
                    {
                        if (element is null)
                        {
                            _nullSlots++;
                        }
                        else
                        {
                            AddScalar(element);
                        }
                    }
                }
                else
                {
                    AddScalar(value);
                }
            }
        }

        public void WriteStatistics(Utf8JsonWriter json)
        {
            json.WriteNumber("null_count", _nullSlots);
            WriteBound(json, "min", _min);
            WriteBound(json, "max", _max);
            bool exact = _min is not string min || (Encoding.UTF8.GetByteCount(min) <= 16 && Encoding.UTF8.GetByteCount((string)_max!) <= 16);
            json.WriteBoolean("exact", exact);
        }

        public void WriteTotals(Utf8JsonWriter json)
        {
            json.WriteString("name", column.Name);
            json.WriteString("kind", Kind);
            json.WriteString("duckdb_type", DuckDbType());
            json.WriteNumber("null_count", _nullCount);
            WriteBound(json, "min", _min);
            WriteBound(json, "max", _max);
            switch (Kind)
            {
                case "int":
                case "bool":
                    json.WriteString("sum", _integerSum.ToString(CultureInfo.InvariantCulture));
                    break;
                case "float":
                case "double":
                    json.WriteString("sum", _floatSum.ToString("R", CultureInfo.InvariantCulture));
                    break;
                case "string":
                    json.WriteNumber("distinct", _distinct.Count);
                    break;
                case "list":
                    json.WriteNumber("elements", _elements);
                    break;
            }
        }

        private void AddScalar(object value)
        {
            switch (value)
            {
                case bool b:
                    _integerSum += b ? 1 : 0;
                    break;
                case int i:
                    _integerSum += i;
                    break;
                case long l:
                    _integerSum += l;
                    break;
                case float f:
                    if (float.IsNaN(f))
                    {
                        return;
                    }

                    _floatSum += float.IsFinite(f) ? f : 0;
                    break;
                case double d:
                    if (double.IsNaN(d))
                    {
                        return;
                    }

                    _floatSum += double.IsFinite(d) ? d : 0;
                    break;
                case string s:
                    _distinct.Add(s);
                    break;
            }

            if (_min is null || Compare(value, _min) < 0)
            {
                _min = value;
            }

            if (_max is null || Compare(value, _max) > 0)
            {
                _max = value;
            }
        }

        private static int Compare(object left, object right) => (left, right) switch
        {
            (string a, string b) => Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b)),
            (byte[] a, byte[] b) => a.AsSpan().SequenceCompareTo(b),
            (IComparable a, _) => a.CompareTo(right),
            _ => 0,
        };

        private static void WriteBound(Utf8JsonWriter json, string name, object? value)
        {
            switch (value)
            {
                case null:
                    json.WriteNull(name);
                    break;
                case bool b:
                    json.WriteString(name, b ? "true" : "false");
                    break;
                case float f:
                    json.WriteString(name, ((double)f).ToString("R", CultureInfo.InvariantCulture));
                    break;
                case double d:
                    json.WriteString(name, d.ToString("R", CultureInfo.InvariantCulture));
                    break;
                case byte[] bytes:
                    json.WriteString(name, Convert.ToHexString(bytes));
                    break;
                case IFormattable formattable:
                    json.WriteString(name, formattable.ToString(null, CultureInfo.InvariantCulture));
                    break;
                default:
                    json.WriteString(name, value.ToString());
                    break;
            }
        }

        private string DuckDbType()
        {
            string element = column.ValueKind switch
            {
                ParquetValueKind.Boolean => "BOOLEAN",
                ParquetValueKind.Int32 or ParquetValueKind.Int64 => IntegerType(),
                ParquetValueKind.Float => "FLOAT",
                ParquetValueKind.Double => "DOUBLE",
                ParquetValueKind.String => "VARCHAR",
                _ => "BLOB",
            };
            return column.IsList ? element + "[]" : element;
        }

        private string IntegerType()
        {
            ParquetLogicalType logical = column.LogicalType;
            int bits = logical.Kind == ParquetLogicalKind.Integer ? logical.BitWidth : column.PhysicalType == ParquetPhysicalType.Int32 ? 32 : 64;
            string name = bits switch { 8 => "TINYINT", 16 => "SMALLINT", 32 => "INTEGER", _ => "BIGINT" };
            return logical.Kind == ParquetLogicalKind.Integer && !logical.IsSigned ? "U" + name : name;
        }
    }
}
