using System.Text;

namespace ResistanceSim.Parquet.Tests;

/// <summary>Seeded random tables covering every writable type, with optional nulls.</summary>
internal static class RandomTables
{
    private static readonly string[] Words = ["", "a", "Z", "ü", "日本語", "🙂 emoji", "tab\tand\nnewline", "quote'\""];

    public static ParquetSchema AllTypes(bool nullable) => new(
        ParquetColumn.Boolean("flag", nullable),
        ParquetColumn.Int32("i32", nullable),
        ParquetColumn.Int32("i8", nullable, IntWidth.Int8),
        ParquetColumn.Int32("i16", nullable, IntWidth.Int16),
        ParquetColumn.Int64("i64", nullable),
        ParquetColumn.Int64("i64_low", nullable, annotate: true),
        ParquetColumn.Float("f32", nullable),
        ParquetColumn.Double("f64", nullable),
        ParquetColumn.Double("f64_low", nullable),
        ParquetColumn.String("text", nullable),
        ParquetColumn.String("word", nullable),
        ParquetColumn.StringList("tags", nullable));

    /// <summary>A table for <see cref="AllTypes"/>; about a fifth of the values are null when nullable.</summary>
    public static TableData Create(int rows, bool nullable, int seed)
    {
        var random = new Random(seed);
        ParquetSchema schema = AllTypes(nullable);
        object?[][] columns = [.. schema.Columns.Select(_ => new object?[rows])];
        for (int r = 0; r < rows; r++)
        {
            columns[0][r] = random.Next(2) == 0;
            columns[1][r] = random.Next(int.MinValue, int.MaxValue);
            columns[2][r] = random.Next(sbyte.MinValue, sbyte.MaxValue + 1);
            columns[3][r] = random.Next(short.MinValue, short.MaxValue + 1);
            columns[4][r] = random.NextInt64(long.MinValue, long.MaxValue);
            columns[5][r] = (long)random.Next(5) - 2;
            columns[6][r] = (float)((random.NextDouble() - 0.5) * 1e6);
            columns[7][r] = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-300, 300));
            columns[8][r] = random.Next(10) * 0.1;
            columns[9][r] = RandomText(random, random.Next(0, 40));
            columns[10][r] = Words[random.Next(Words.Length)];
            columns[11][r] = Enumerable.Range(0, random.Next(0, 4)).Select(_ => Words[random.Next(Words.Length)]).ToArray();
            if (nullable)
            {
                foreach (object?[] column in columns)
                {
                    if (random.Next(5) == 0)
                    {
                        column[r] = null;
                    }
                }
            }
        }

        return new TableData(schema, columns);
    }

    /// <summary>Random valid Unicode text (ASCII, Latin-1, CJK and astral characters; never lone surrogates).</summary>
    public static string RandomText(Random random, int length)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < length; i++)
        {
            int kind = random.Next(4);
            int codePoint = kind switch
            {
                0 => random.Next(0x20, 0x7F),
                1 => random.Next(0xA0, 0x100),
                2 => random.Next(0x4E00, 0x9FFF),
                _ => random.Next(0x1F300, 0x1F5FF),
            };
            builder.Append(char.ConvertFromUtf32(codePoint));
        }

        return builder.ToString();
    }

    /// <summary>Exact equality of read-back values: doubles and floats compare bit patterns (NaN, -0.0).</summary>
    public static void AssertSameValues(object?[] expected, object?[] actual, string column)
    {
        Assert.True(expected.Length == actual.Length, $"{column}: {expected.Length} rows expected, {actual.Length} read");
        for (int i = 0; i < expected.Length; i++)
        {
            object? e = Normalize(expected[i]);
            object? a = Normalize(actual[i]);
            if (e is object?[] el && a is object?[] al)
            {
                Assert.True(el.SequenceEqual(al), $"{column} row {i}: [{string.Join(",", el)}] != [{string.Join(",", al)}]");
            }
            else
            {
                Assert.True(Equals(e, a), $"{column} row {i}: expected {e ?? "null"}, read {a ?? "null"}");
            }
        }
    }

    private static object? Normalize(object? value) => value switch
    {
        double d => BitConverter.DoubleToInt64Bits(d),
        float f => BitConverter.SingleToInt32Bits(f),
        string[] list => list.Cast<object?>().ToArray(),
        _ => value,
    };
}
