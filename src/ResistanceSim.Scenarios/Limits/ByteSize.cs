using System.Globalization;

namespace ResistanceSim.Scenarios.Limits;

/// <summary>Sizes as people write them: <c>16G</c>, <c>500M</c>, <c>2T</c>, <c>1048576</c> (binary units: 1K = 1024 bytes).</summary>
public static class ByteSize
{
    private static readonly (char Suffix, long Factor)[] Units = [('K', 1L << 10), ('M', 1L << 20), ('G', 1L << 30), ('T', 1L << 40)];

    /// <summary>Parses a positive size; false (with the reason) for anything else.</summary>
    public static bool TryParse(string text, out long bytes, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        bytes = 0;
        problem = null;
        string trimmed = text.Trim();
        if (trimmed.EndsWith("iB", StringComparison.OrdinalIgnoreCase) || trimmed.EndsWith('B') || trimmed.EndsWith('b'))
            trimmed = trimmed.TrimEnd('B', 'b').TrimEnd('i');
        long factor = 1;
        if (trimmed.Length > 0 && Array.FindIndex(Units, u => char.ToUpperInvariant(trimmed[^1]) == u.Suffix) is int unit and >= 0)
        {
            factor = Units[unit].Factor;
            trimmed = trimmed[..^1];
        }
        if (!double.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double number)
            || !(number > 0) || number * factor >= long.MaxValue)
        {
            problem = $"must be a positive size such as 16G, 500M or 1048576 ('{text}' supplied)";
            return false;
        }
        bytes = (long)Math.Ceiling(number * factor);
        return true;
    }

    /// <summary>Three significant figures in the largest unit that keeps the number at least 1: <c>1.50 GiB</c>.</summary>
    public static string Format(double bytes)
    {
        if (bytes < 1024) return string.Create(CultureInfo.InvariantCulture, $"{bytes:0} B");
        int unit = Math.Min((int)Math.Floor(Math.Log(bytes, 1024)), Units.Length);
        double value = bytes / Math.Pow(1024, unit);
        return string.Create(CultureInfo.InvariantCulture, $"{value:G3} {Units[unit - 1].Suffix}iB");
    }
}
