using System.Text;

namespace ResistanceSim.Parquet.Writing;

/// <summary>
/// Min/max of UTF-8 strings in unsigned byte-wise order (which equals code point order), with
/// truncation of long bounds: a truncated min is a prefix (still a lower bound); a truncated max
/// has its last kept code point incremented (still an upper bound).
/// </summary>
internal sealed class StringStatistics
{
    private byte[]? _min;
    private byte[]? _max;

    public void Update(ReadOnlySpan<byte> utf8)
    {
        if (_min is null || utf8.SequenceCompareTo(_min) < 0)
        {
            _min = utf8.ToArray();
        }

        if (_max is null || utf8.SequenceCompareTo(_max) > 0)
        {
            _max = utf8.ToArray();
        }
    }

    public void Reset()
    {
        _min = null;
        _max = null;
    }

    public void WriteTo(Format.Statistics statistics, int truncateLength)
    {
        if (_min is null || _max is null)
        {
            return;
        }

        statistics.MinValue = TruncateMin(_min, truncateLength, out bool minExact);
        statistics.IsMinValueExact = minExact;
        byte[]? max = TruncateMax(_max, truncateLength, out bool maxExact);
        if (max is not null)
        {
            statistics.MaxValue = max;
            statistics.IsMaxValueExact = maxExact;
        }
    }

    private static byte[] TruncateMin(byte[] value, int limit, out bool exact)
    {
        exact = value.Length <= limit;
        return exact ? value : value.AsSpan(0, PrefixLength(value, limit)).ToArray();
    }

    private static byte[]? TruncateMax(byte[] value, int limit, out bool exact)
    {
        exact = value.Length <= limit;
        if (exact)
        {
            return value;
        }

        string prefix = Encoding.UTF8.GetString(value, 0, PrefixLength(value, limit));
        var runes = prefix.EnumerateRunes().ToList();
        for (int i = runes.Count - 1; i >= 0; i--)
        {
            int next = runes[i].Value + 1;
            if (next is >= 0xD800 and <= 0xDFFF)
            {
                next = 0xE000;
            }

            if (next <= 0x10FFFF)
            {
                var builder = new StringBuilder();
                for (int j = 0; j < i; j++)
                {
                    builder.Append(runes[j].ToString());
                }

                builder.Append(new Rune(next).ToString());
                return Encoding.UTF8.GetBytes(builder.ToString());
            }
        }

        return null; // every code point is U+10FFFF: no short upper bound exists
    }

    /// <summary>Longest prefix of at most <paramref name="limit"/> bytes that ends on a UTF-8 character boundary.</summary>
    private static int PrefixLength(byte[] value, int limit)
    {
        int length = Math.Min(limit, value.Length);
        while (length > 0 && length < value.Length && (value[length] & 0xC0) == 0x80)
        {
            length--;
        }

        return length;
    }
}
