namespace ResistanceSim.Plotting.Colors;

/// <summary>
/// Assigns colours to named categories (mechanism families, arms) so that the same name gets the
/// same colour in every chart of a report (names compare case-insensitively): explicit colours first, then Okabe–Ito hues in the
/// order names are first seen.
/// </summary>
public sealed class CategoryColors
{
    private readonly Dictionary<string, RgbColor> _assigned = new(StringComparer.OrdinalIgnoreCase);
    private int _next;

    /// <summary>Creates an assignment, optionally with fixed colours for some names.</summary>
    public CategoryColors(IReadOnlyDictionary<string, RgbColor>? fixedColors = null)
    {
        if (fixedColors is not null)
        {
            foreach (var (name, color) in fixedColors)
            {
                _assigned[name] = color;
            }
        }
    }

    /// <summary>The colour of <paramref name="category"/>, assigning the next free hue if new.</summary>
    public RgbColor this[string category]
    {
        get
        {
            if (!_assigned.TryGetValue(category, out var color))
            {
                color = Palette.Series(_next++);
                _assigned[category] = color;
            }

            return color;
        }
    }
}
