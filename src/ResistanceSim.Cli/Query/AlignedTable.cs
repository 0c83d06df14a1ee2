using System.Data.Common;
using System.Globalization;

namespace ResistanceSim.Cli.Query;

/// <summary>
/// Prints a query result as an aligned text table: a header, then one line per row; numbers right-aligned, text
/// left-aligned, NULL for missing values, numbers in the invariant culture (shortest round-trip form). At most
/// <see cref="MaxRows"/> rows are printed; the rest are counted and the count printed.
/// </summary>
public static class AlignedTable
{
    public const int MaxRows = 10_000;

    public static void Write(DbDataReader reader, TextWriter output, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(output);
        int columns = reader.FieldCount;
        var names = Enumerable.Range(0, columns).Select(reader.GetName).ToArray();
        var numeric = Enumerable.Range(0, columns).Select(c => IsNumeric(reader.GetFieldType(c))).ToArray();
        var rows = new List<string[]>();
        long more = 0;
        while (reader.Read())
        {
            cancellation.ThrowIfCancellationRequested();
            if (rows.Count == MaxRows)
            {
                more++;
                continue;
            }
            var row = new string[columns];
            for (int c = 0; c < columns; c++) row[c] = reader.IsDBNull(c) ? "NULL" : Format(reader.GetValue(c));
            rows.Add(row);
        }

        var widths = names.Select((n, c) => rows.Aggregate(n.Length, (w, r) => Math.Max(w, r[c].Length))).ToArray();
        output.WriteLine(Line(names, widths, numeric));
        foreach (var row in rows) output.WriteLine(Line(row, widths, numeric));
        if (more > 0)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"… {more} more rows not shown (write them all with --csv FILE or --parquet FILE)"));
    }

    private static string Line(string[] cells, int[] widths, bool[] numeric) =>
        string.Join("  ", cells.Select((cell, c) => numeric[c] ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd();

    private static string Format(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static bool IsNumeric(Type type) =>
        Type.GetTypeCode(type) is TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
            or TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Single or TypeCode.Double or TypeCode.Decimal
        || type == typeof(System.Numerics.BigInteger) || type == typeof(Int128) || type == typeof(UInt128);
}
