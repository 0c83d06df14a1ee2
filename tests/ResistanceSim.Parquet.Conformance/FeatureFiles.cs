using System.Globalization;

namespace ResistanceSim.Parquet.Conformance;

/// <summary>One Parquet file per writer feature: every type × nullability × codec × dictionary setting, lists,
/// several row groups, special values, long strings (truncated statistics), dictionary fallback, empty and single-row tables.</summary>
internal static class FeatureFiles
{
    public static IEnumerable<string> WriteAll(string directory)
    {
        foreach (ParquetCompression codec in new[] { ParquetCompression.Uncompressed, ParquetCompression.Snappy, ParquetCompression.Gzip })
        {
            foreach (bool dictionary in new[] { true, false })
            {
                string name = $"types-{codec.ToString().ToLowerInvariant()}-{(dictionary ? "dictionary" : "plain")}.parquet";
                yield return Write(directory, name, 5_000, new ParquetWriterOptions { Compression = codec, EnableDictionary = dictionary }, AllTypes);
            }
        }

        yield return Write(directory, "multi-rowgroup.parquet", 50_000, new ParquetWriterOptions { RowGroupRows = 10_000, PageSizeBytes = 16 * 1024 }, AllTypes);
        yield return Write(directory, "single-row.parquet", 1, new ParquetWriterOptions(), AllTypes);
        yield return Write(directory, "empty.parquet", 0, new ParquetWriterOptions(), AllTypes);
        yield return Write(directory, "special-values.parquet", 64, new ParquetWriterOptions(), SpecialValues);
        yield return Write(directory, "long-strings.parquet", 300, new ParquetWriterOptions { StatisticsTruncateLength = 16 }, LongStrings);
        yield return Write(directory, "dictionary-fallback.parquet", 20_000, new ParquetWriterOptions { DictionaryPageSizeLimit = 4096, PageSizeBytes = 8 * 1024 }, Fallback);
    }

    private static string Write(string directory, string name, int rows, ParquetWriterOptions options, Func<int, (ParquetSchema, Action<ParquetRowBatch, int, int>)> table)
    {
        (ParquetSchema schema, Action<ParquetRowBatch, int, int> fill) = table(rows);
        options.KeyValueMetadata["resistancesim.feature"] = Path.GetFileNameWithoutExtension(name);
        options.KeyValueMetadata["resistancesim.rows"] = rows.ToString(CultureInfo.InvariantCulture);
        options.KeyValueMetadata["resistancesim.note"] = "µ-check ✓";
        string path = Path.Combine(directory, name);
        ParquetFile.WriteAtomically(path, schema, options, writer =>
        {
            const int batchSize = 1_000;
            for (int start = 0; start < rows; start += batchSize)
            {
                using ParquetRowBatch batch = writer.BeginRowBatch();
                fill(batch, start, Math.Min(batchSize, rows - start));
            }
        });
        return path;
    }

    private static (ParquetSchema, Action<ParquetRowBatch, int, int>) AllTypes(int rows)
    {
        var schema = new ParquetSchema(
            ParquetColumn.Boolean("flag"),
            ParquetColumn.Boolean("flag_null", nullable: true),
            ParquetColumn.Int32("i32"),
            ParquetColumn.Int32("i32_null", nullable: true),
            ParquetColumn.Int32("i8", logical: IntWidth.Int8),
            ParquetColumn.Int32("i16_null", nullable: true, logical: IntWidth.Int16),
            ParquetColumn.Int32("i32_annotated", logical: IntWidth.Int32),
            ParquetColumn.Int64("i64"),
            ParquetColumn.Int64("i64_null", nullable: true),
            ParquetColumn.Int64("i64_annotated", annotate: true),
            ParquetColumn.Float("f32"),
            ParquetColumn.Float("f32_null", nullable: true),
            ParquetColumn.Double("f64"),
            ParquetColumn.Double("f64_null", nullable: true),
            ParquetColumn.String("label"),
            ParquetColumn.String("label_null", nullable: true),
            ParquetColumn.String("unique_text"),
            ParquetColumn.StringList("tags"),
            ParquetColumn.StringList("tags_null", nullable: true));
        string[] words = ["alpha", "beta", "gamma", "δέλτα", "ε", "日本", "emoji 🙂", ""];
        return (schema, (batch, start, count) =>
        {
            var random = new Random(start + 17);
            int[] ints = new int[count];
            long[] longs = new long[count];
            float[] floats = new float[count];
            double[] doubles = new double[count];
            bool[] bools = new bool[count];
            bool[] valid = new bool[count];
            string?[] labels = new string?[count];
            string?[] nullableLabels = new string?[count];
            string?[] unique = new string?[count];
            IReadOnlyList<string>?[] tags = new IReadOnlyList<string>?[count];
            IReadOnlyList<string>?[] nullableTags = new IReadOnlyList<string>?[count];
            for (int i = 0; i < count; i++)
            {
                int row = start + i;
                valid[i] = row % 7 != 3;
                bools[i] = random.Next(3) == 0;
                labels[i] = words[row % words.Length];
                nullableLabels[i] = valid[i] ? words[random.Next(words.Length)] : null;
                unique[i] = "row-" + row.ToString("D7", CultureInfo.InvariantCulture) + "-ÿ";
                tags[i] = [.. Enumerable.Range(0, row % 4).Select(k => words[(row + k) % words.Length])];
                nullableTags[i] = row % 5 == 0 ? null : row % 5 == 1 ? [] : [words[row % 3], "x"];
            }

            batch.AppendBoolean(0, bools);
            batch.AppendBoolean(1, bools, valid);
            Fill(ints, i => random.Next(-1_000_000, 1_000_000));
            batch.AppendInt32(2, ints);
            Fill(ints, i => random.Next(0, 50) - 25);
            batch.AppendInt32(3, ints, valid);
            Fill(ints, i => random.Next(-128, 128));
            batch.AppendInt32(4, ints);
            Fill(ints, i => random.Next(-32768, 32768));
            batch.AppendInt32(5, ints, valid);
            Fill(ints, i => (start + i) % 10);
            batch.AppendInt32(6, ints);
            Fill(longs, i => random.NextInt64(long.MinValue / 4, long.MaxValue / 4));
            batch.AppendInt64(7, longs);
            Fill(longs, i => (start + i) / 100);
            batch.AppendInt64(8, longs, valid);
            Fill(longs, i => (start + i) * 1_000_003L);
            batch.AppendInt64(9, longs);
            Fill(floats, i => (float)(random.NextDouble() * 100 - 50));
            batch.AppendFloat(10, floats);
            Fill(floats, i => (start + i) % 13 * 0.25f);
            batch.AppendFloat(11, floats, valid);
            Fill(doubles, i => random.NextDouble() * 1e6 - 5e5);
            batch.AppendDouble(12, doubles);
            Fill(doubles, i => (start + i) % 50 * 0.5);
            batch.AppendDouble(13, doubles, valid);
            batch.AppendString(14, labels);
            batch.AppendString(15, nullableLabels);
            batch.AppendString(16, unique);
            batch.AppendStringList(17, tags);
            batch.AppendStringList(18, nullableTags);
        });
    }

    private static (ParquetSchema, Action<ParquetRowBatch, int, int>) SpecialValues(int rows)
    {
        var schema = new ParquetSchema(
            ParquetColumn.Int64("i64_extremes"),
            ParquetColumn.Int32("i32_extremes"),
            ParquetColumn.Double("f64_special", nullable: true),
            ParquetColumn.Float("f32_special"));
        long[] longValues = [long.MinValue, long.MaxValue, 0, -1, 1];
        int[] intValues = [int.MinValue, int.MaxValue, 0, -1, 1];
        double[] doubleValues = [double.NaN, 0.0, -0.0, double.Epsilon, double.MaxValue, -double.MaxValue, 1.0 / 3];
        float[] floatValues = [float.NaN, -0.0f, 1.5f, -2.25f, float.MaxValue];
        return (schema, (batch, start, count) =>
        {
            batch.AppendInt64(0, [.. Enumerable.Range(start, count).Select(i => longValues[i % longValues.Length])]);
            batch.AppendInt32(1, [.. Enumerable.Range(start, count).Select(i => intValues[i % intValues.Length])]);
            batch.AppendDouble(2, [.. Enumerable.Range(start, count).Select(i => doubleValues[i % doubleValues.Length])], [.. Enumerable.Range(start, count).Select(i => i % 9 != 8)]);
            batch.AppendFloat(3, [.. Enumerable.Range(start, count).Select(i => floatValues[i % floatValues.Length])]);
        });
    }

    private static (ParquetSchema, Action<ParquetRowBatch, int, int>) LongStrings(int rows)
    {
        var schema = new ParquetSchema(ParquetColumn.String("text"), ParquetColumn.String("text_null", nullable: true));
        return (schema, (batch, start, count) =>
        {
            string?[] text = [.. Enumerable.Range(start, count).Select(i => new string((char)('a' + (i % 26)), 10 + (i % 40)) + "é€𝄞" + new string('z', i % 100))];
            string?[] nullable = [.. Enumerable.Range(start, count).Select(i => i % 3 == 0 ? null : "ü" + new string('ÿ', 5 + (i % 30)))];
            batch.AppendString(0, text);
            batch.AppendString(1, nullable);
        });
    }

    private static (ParquetSchema, Action<ParquetRowBatch, int, int>) Fallback(int rows)
    {
        var schema = new ParquetSchema(ParquetColumn.String("grows"), ParquetColumn.Int64("grows_i64"));
        return (schema, (batch, start, count) =>
        {
            // Repeats for a while (dictionary wins on the first page), then every value is new (dictionary overflows).
            batch.AppendString(0, [.. Enumerable.Range(start, count).Select(i => "value-" + (i < 3000 ? i % 20 : i).ToString(CultureInfo.InvariantCulture))]);
            batch.AppendInt64(1, [.. Enumerable.Range(start, count).Select(i => (long)(i < 3000 ? i % 20 : i))]);
        });
    }

    private static void Fill<T>(T[] values, Func<int, T> make)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = make(i);
        }
    }
}
