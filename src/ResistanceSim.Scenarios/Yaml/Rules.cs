using System.Globalization;

namespace ResistanceSim.Scenarios.Yaml;

/// <summary>The numeric constraints scenario parameters use (ranges are documented in docs/scenario-reference.md and checked).</summary>
public static class Rules
{
    /// <summary>&gt; 0 (rates, capacities, concentrations that must be present).</summary>
    public static Rule Positive { get; } = new("> 0", v => v > 0) { Bounds = NumericBounds.Above(0, exclusive: true) };

    /// <summary>&gt;= 0 (rates and doses that may be zero).</summary>
    public static Rule NonNegative { get; } = new(">= 0", v => v >= 0) { Bounds = NumericBounds.Above(0, exclusive: false) };

    /// <summary>In [0, 1].</summary>
    public static Rule Probability { get; } = new("in [0, 1]", v => v is >= 0 and <= 1) { Bounds = new(0, false, 1, false) };

    /// <summary>Neither infinite nor NaN.</summary>
    public static Rule Finite { get; } = new("finite", double.IsFinite);

    /// <summary>&gt;= <paramref name="minimum"/>.</summary>
    public static Rule AtLeast(double minimum) => new($">= {Format(minimum)}", v => v >= minimum) { Bounds = NumericBounds.Above(minimum, exclusive: false) };

    /// <summary>&lt;= <paramref name="maximum"/>.</summary>
    public static Rule AtMost(double maximum) => new($"<= {Format(maximum)}", v => v <= maximum) { Bounds = NumericBounds.Below(maximum, exclusive: false) };

    /// <summary>&gt; <paramref name="bound"/>.</summary>
    public static Rule GreaterThan(double bound) => new($"> {Format(bound)}", v => v > bound) { Bounds = NumericBounds.Above(bound, exclusive: true) };

    /// <summary>&lt; <paramref name="bound"/>.</summary>
    public static Rule LessThan(double bound) => new($"< {Format(bound)}", v => v < bound) { Bounds = NumericBounds.Below(bound, exclusive: true) };

    /// <summary>Between <paramref name="low"/> and <paramref name="high"/>, written as an interval: <c>in [1, 4)</c>.</summary>
    public static Rule InRange(double low, double high, bool lowInclusive = true, bool highInclusive = true)
    {
        if (!(low <= high)) throw new ArgumentException($"Empty range: {Format(low)} > {Format(high)}.", nameof(high));
        string text = $"in {(lowInclusive ? '[' : '(')}{Format(low)}, {Format(high)}{(highInclusive ? ']' : ')')}";
        return new Rule(text, v => (lowInclusive ? v >= low : v > low) && (highInclusive ? v <= high : v < high))
        {
            Bounds = new NumericBounds(low, !lowInclusive, high, !highInclusive),
        };
    }

    /// <summary>A custom constraint: "… must be <paramref name="requirement"/>".</summary>
    public static Rule Must(string requirement, Func<double, bool> isSatisfiedBy) => new(requirement, isSatisfiedBy);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
