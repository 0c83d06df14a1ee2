using System.Globalization;
using System.Text.RegularExpressions;

namespace ResistanceSim.Scenarios.Yaml;

/// <summary>
/// Resolution of plain scalars under the YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution),
/// extended with underscores between digits (<c>1_000_000</c>, as in YAML 1.1) because cell counts are long.
/// The patterns are checked first so that .NET's more permissive parsers never see e.g. <c>Infinity</c> or <c>1,5</c>.
/// </summary>
public static partial class CoreSchema
{
    /// <summary>Plain scalars that mean null.</summary>
    public static bool IsNull(string text) => text is "" or "~" or "null" or "Null" or "NULL";

    public static bool TryParseBool(string text, out bool value)
    {
        switch (text)
        {
            case "true" or "True" or "TRUE": value = true; return true;
            case "false" or "False" or "FALSE": value = false; return true;
            default: value = false; return false;
        }
    }

    /// <summary>Integers (decimal, <c>0x</c> hex, <c>0o</c> octal) and floats, including <c>.inf</c>/<c>.nan</c>.</summary>
    public static bool TryParseDouble(string text, out double value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = 0;
        if (TryParseSpecialFloat(text, out value)) return true;
        if (TryParseRadixInteger(text, out long radix)) { value = radix; return true; }
        if (!FloatPattern().IsMatch(text)) return false;
        return double.TryParse(WithoutUnderscores(text), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Integers, plus float notation whose exact decimal value is a whole number within range.</summary>
    public static bool TryParseLong(string text, out long value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = 0;
        if (TryParseRadixInteger(text, out value)) return true;
        if (!FloatPattern().IsMatch(text)) return false;
        string digits = WithoutUnderscores(text);
        if (long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)) return true;
        // decimal keeps 28 significant digits, so 1.0e6 or 2.5e3 are read exactly, not via a rounded double.
        if (!decimal.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal exact)) return false;
        if (exact != decimal.Truncate(exact) || exact < long.MinValue || exact > long.MaxValue) return false;
        value = (long)exact;
        return true;
    }

    private static bool TryParseSpecialFloat(string text, out double value)
    {
        switch (text)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF": value = double.PositiveInfinity; return true;
            case "-.inf" or "-.Inf" or "-.INF": value = double.NegativeInfinity; return true;
            case ".nan" or ".NaN" or ".NAN": value = double.NaN; return true;
            default: value = 0; return false;
        }
    }

    private static bool TryParseRadixInteger(string text, out long value)
    {
        value = 0;
        if (text.Length > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'o'))
        {
            string digits = WithoutUnderscores(text[2..]);
            if (text[1] == 'x')
                return HexPattern().IsMatch(digits) && long.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value) && value >= 0;
            if (!OctalPattern().IsMatch(digits)) return false;
            try
            {
                value = Convert.ToInt64(digits, 8);
                return value >= 0;
            }
            catch (OverflowException)
            {
                return false;
            }
        }
        return false;
    }

    private static string WithoutUnderscores(string text) => text.Contains('_', StringComparison.Ordinal) ? text.Replace("_", "", StringComparison.Ordinal) : text;

    // Core-schema float (integers included), with '_' allowed only between two digits.
    [GeneratedRegex(@"^[-+]?(\.[0-9](_?[0-9])*|[0-9](_?[0-9])*(\.([0-9](_?[0-9])*)?)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^[0-9a-fA-F]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HexPattern();

    [GeneratedRegex(@"^[0-7]+$", RegexOptions.CultureInvariant)]
    private static partial Regex OctalPattern();
}
