namespace ResistanceSim.Plotting.Layout;

/// <summary>
/// Estimates rendered text width without a font engine, from the Helvetica advance widths
/// (Adobe AFM, 1/1000 em; Arial and Liberation Sans share these metrics). Used to size margins
/// and to decide when tick labels must be thinned or rotated.
/// </summary>
public static class TextMetrics
{
    // Advance widths of printable ASCII 32..126 (Helvetica.afm, Adobe Core14 fonts).
    private static readonly short[] AsciiWidths =
    [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space .. /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 .. ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ .. O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P .. _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` .. o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,      // p .. ~
    ];

    /// <summary>Estimated width in pixels of <paramref name="text"/> at <paramref name="fontSize"/> px.</summary>
    /// <param name="bold">Bold text is about 7% wider.</param>
    public static double Width(string text, double fontSize, bool bold = false)
    {
        double units = 0;
        foreach (char c in text)
        {
            units += CharWidth(c);
        }

        // A 5% safety margin: a slightly generous estimate never causes overlaps.
        return units / 1000.0 * fontSize * (bold ? 1.07 : 1.0) * 1.05;
    }

    /// <summary>Line height used for stacked text (1.25 em).</summary>
    public static double LineHeight(double fontSize) => fontSize * 1.25;

    /// <summary>
    /// <paramref name="text"/> shortened with an ellipsis to fit <paramref name="width"/> pixels;
    /// empty when not even one character fits.
    /// </summary>
    public static string FitWithEllipsis(string text, double width, double fontSize, bool bold = false)
    {
        if (Width(text, fontSize, bold) <= width)
        {
            return text;
        }

        for (int length = text.Length - 1; length >= 1; length--)
        {
            string candidate = text[..length].TrimEnd() + "\u2026";
            if (Width(candidate, fontSize, bold) <= width)
            {
                return candidate;
            }
        }

        return string.Empty;
    }

    /// <summary>
    /// Breaks <paramref name="text"/> at spaces into at most <paramref name="maxLines"/> lines of at
    /// most <paramref name="width"/> pixels; text that does not fit ends in an ellipsis.
    /// </summary>
    public static IReadOnlyList<string> WrapLines(string text, double width, double fontSize, int maxLines, bool bold = false)
    {
        var lines = new List<string>();
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string current = string.Empty;
        for (int w = 0; w < words.Length; w++)
        {
            string candidate = current.Length == 0 ? words[w] : current + " " + words[w];
            if (current.Length == 0 || Width(candidate, fontSize, bold) <= width)
            {
                current = candidate;
                continue;
            }

            if (lines.Count == maxLines - 1)
            {
                current = string.Join(' ', words[w..].Prepend(current)); // the rest goes on the last line, shortened
                break;
            }

            lines.Add(FitWithEllipsis(current, width, fontSize, bold));
            current = words[w];
        }

        lines.Add(FitWithEllipsis(current, width, fontSize, bold));
        return lines;
    }

    private static int CharWidth(char c) => c switch
    {
        >= ' ' and <= '~' => AsciiWidths[c - ' '],
        '\u2212' or '\u00b1' or '\u00d7' => 584, // minus, plus-minus, times
        '\u2070' or '\u00b9' or '\u00b2' or '\u00b3' or (>= '\u2074' and <= '\u207b') => 350, // superscripts
        '\u00b5' or '\u03bc' => 556,
        '\u2013' => 556,
        '\u2014' => 1000,
        '\u2026' => 1000,
        _ => 600,
    };
}
