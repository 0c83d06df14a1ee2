namespace ResistanceSim.Scenarios.Yaml;

/// <summary>
/// The largest value a scenario number may take, by the unit in its key's name (units are part of every key:
/// <c>_per_day</c>, <c>days</c>, <c>_cells</c>, <c>_nM</c>). <see cref="ValueReader"/> applies it to every number it
/// reads, on top of the key's own rule, so a binder (and every key added later) gets the bound without asking.
/// The bounds keep runs finite and the samplers exact; docs/scenario-reference.md ("Limits") states them.
/// </summary>
public static class UnitRanges
{
    /// <summary>True if a key (the last part of a path, without indexes) is in a unit.</summary>
    public delegate bool KeyMatch(ReadOnlySpan<char> key);

    /// <summary>One unit: the keys it covers, their largest value and the words naming it in messages.</summary>
    public sealed record UnitRange(string Quantity, double Maximum, KeyMatch Covers);

    /// <summary>In the order they are tried; the first that covers a key applies.</summary>
    public static IReadOnlyList<UnitRange> All { get; } =
    [
        // 1e5 days ≈ 274 years: longer than any history to diagnosis (default 100 years) and any culture.
        new("times in days", 1e5, key => key is "days" || key.EndsWith("_days", StringComparison.Ordinal)),
        new("durations in hours", 1e4, key => key is "hours"),
        // Counts above 2^52 ≈ 4.5e15 lose exactness in the samplers (docs/decisions.md, Randomness).
        new("cell counts", 1e15, key => key is "cells" || key.EndsWith("_cells", StringComparison.Ordinal) || key.StartsWith("cells_per_", StringComparison.Ordinal)),
        // About one event per cell per second: far above any measured division or death rate, and room for the fast
        // phenotype switching that stiff-system tests use (thousands per day); a bound, not a biology.
        new("rates per day or hour", 1e5, key => key.EndsWith("_per_day", StringComparison.Ordinal) || key.EndsWith("_per_hour", StringComparison.Ordinal)),
        // 10 mM: far above the solubility of any kinase inhibitor.
        new("concentrations in nM", 1e7, key => key.EndsWith("_nM", StringComparison.Ordinal)),
    ];

    /// <summary>The range covering the last key of <paramref name="path"/> (<c>protocol[0].days</c> → <c>days</c>), or null.</summary>
    public static UnitRange? For(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var key = LastKey(path);   // every number a binder reads is checked here, so without allocating
        for (int i = 0; i < All.Count; i++)
            if (All[i].Covers(key)) return All[i];
        return null;
    }

    /// <summary><c>assays[0].days[2]</c> → <c>days</c>; <c>population.b0_per_day</c> → <c>b0_per_day</c>.</summary>
    private static ReadOnlySpan<char> LastKey(string path)
    {
        int end = path.Length;
        while (end > 0 && path[end - 1] == ']')
        {
            int open = path.LastIndexOf('[', end - 1);
            if (open < 0) break;
            end = open;
        }
        var withoutIndex = path.AsSpan(0, end);
        return withoutIndex[(withoutIndex.LastIndexOf('.') + 1)..];
    }
}
