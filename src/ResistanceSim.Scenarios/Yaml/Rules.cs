using System.Collections.Concurrent;
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

    /// <summary>&gt;= 0 and finite (factors and sizes that may be zero).</summary>
    public static Rule NonNegativeFinite { get; } = NonNegative & Finite;

    /// <summary>&gt; 0 and finite.</summary>
    public static Rule PositiveFinite { get; } = Positive & Finite;

    /// <summary>&gt; 0, or <c>.inf</c> (a half-life without decay).</summary>
    public static Rule PositiveOrInfinite { get; } = Positive.OrInfinite();

    /// <summary>&gt;= <paramref name="minimum"/>.</summary>
    public static Rule AtLeast(double minimum) => Built(new(Kind.AtLeast, minimum, 0));

    /// <summary>&lt;= <paramref name="maximum"/>.</summary>
    public static Rule AtMost(double maximum) => Built(new(Kind.AtMost, 0, maximum));

    /// <summary>&gt; <paramref name="bound"/>.</summary>
    public static Rule GreaterThan(double bound) => Built(new(Kind.GreaterThan, bound, 0));

    /// <summary>&lt; <paramref name="bound"/>.</summary>
    public static Rule LessThan(double bound) => Built(new(Kind.LessThan, 0, bound));

    /// <summary>Between <paramref name="low"/> and <paramref name="high"/>, written as an interval: <c>in [1, 4)</c>.</summary>
    public static Rule InRange(double low, double high, bool lowInclusive = true, bool highInclusive = true)
    {
        if (!(low <= high)) throw new ArgumentException($"Empty range: {Format(low)} > {Format(high)}.", nameof(high));
        var kind = (lowInclusive, highInclusive) switch
        {
            (true, true) => Kind.Closed,
            (true, false) => Kind.ClosedOpen,
            (false, true) => Kind.OpenClosed,
            _ => Kind.Open,
        };
        return Built(new(kind, low, high));
    }

    /// <summary>A custom constraint: "… must be <paramref name="requirement"/>".</summary>
    public static Rule Must(string requirement, Func<double, bool> isSatisfiedBy) => new(requirement, isSatisfiedBy);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // Binders ask for these rules at every number they read (Rules.AtLeast(1) for each dose of each patient), and a
    // rule's words are formatted when it is made; rules are immutable, so one per kind and bounds is kept. Bounded, as a
    // caller of this public API could pass any value: past the bound, rules are made afresh as before.
    private const int MostRulesKept = 1024;
    private static readonly ConcurrentDictionary<Bounded, Rule> Kept = new();

    private enum Kind { AtLeast, AtMost, GreaterThan, LessThan, Closed, ClosedOpen, OpenClosed, Open }

    /// <summary>A rule's kind and bounds: a lower bound in <see cref="Low"/>, an upper in <see cref="High"/>, 0 where the kind has none.</summary>
    private readonly record struct Bounded(Kind Kind, double Low, double High);

    private static Rule Built(Bounded key)
    {
        if (Kept.TryGetValue(key, out var rule)) return rule;
        rule = Make(key);
        return Kept.Count < MostRulesKept ? Kept.GetOrAdd(key, rule) : rule;
    }

    private static Rule Make(Bounded rule)
    {
        double low = rule.Low, high = rule.High;
        return rule.Kind switch
        {
            Kind.AtLeast => new($">= {Format(low)}", v => v >= low) { Bounds = NumericBounds.Above(low, exclusive: false) },
            Kind.AtMost => new($"<= {Format(high)}", v => v <= high) { Bounds = NumericBounds.Below(high, exclusive: false) },
            Kind.GreaterThan => new($"> {Format(low)}", v => v > low) { Bounds = NumericBounds.Above(low, exclusive: true) },
            Kind.LessThan => new($"< {Format(high)}", v => v < high) { Bounds = NumericBounds.Below(high, exclusive: true) },
            _ => Interval(low, high, lowInclusive: rule.Kind is Kind.Closed or Kind.ClosedOpen, highInclusive: rule.Kind is Kind.Closed or Kind.OpenClosed),
        };
    }

    private static Rule Interval(double low, double high, bool lowInclusive, bool highInclusive)
    {
        string text = $"in {(lowInclusive ? '[' : '(')}{Format(low)}, {Format(high)}{(highInclusive ? ']' : ')')}";
        return new Rule(text, v => (lowInclusive ? v >= low : v > low) && (highInclusive ? v <= high : v < high))
        {
            Bounds = new NumericBounds(low, !lowInclusive, high, !highInclusive),
        };
    }
}
