namespace ResistanceSim.Scenarios.Diagnostics;

/// <summary>
/// "Did you mean …?" for misspelt keys and enumeration values: the known word nearest to the unknown one
/// by Damerau–Levenshtein distance (optimal string alignment: insert, delete, substitute, swap two
/// adjacent letters), compared case-insensitively.
/// </summary>
public static class KeySuggester
{
    /// <summary>
    /// The known word nearest to <paramref name="unknown"/>, or null when none is close enough.
    /// Close enough: distance ≤ max(2, length/3) of the unknown word, and smaller than its length
    /// (otherwise any two short words would "match"). Ties go to the earlier known word.
    /// </summary>
    public static string? Nearest(string unknown, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(unknown);
        ArgumentNullException.ThrowIfNull(known);
        int threshold = Math.Max(2, unknown.Length / 3);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in known)
        {
            int distance = Distance(unknown, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best is not null && bestDistance <= threshold && bestDistance < unknown.Length ? best : null;
    }

    /// <summary><c>"; did you mean 'x'?"</c> when there is a suggestion, otherwise the empty string.</summary>
    public static string DidYouMean(string unknown, IEnumerable<string> known) =>
        Nearest(unknown, known) is { } nearest ? $"; did you mean '{nearest}'?" : "";

    /// <summary>Case-insensitive optimal-string-alignment distance between two words.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        // Three rolling rows (i-2, i-1, i) are enough for the adjacent-swap case.
        var twoBack = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            char ai = char.ToLowerInvariant(a[i - 1]);
            for (int j = 1; j <= b.Length; j++)
            {
                char bj = char.ToLowerInvariant(b[j - 1]);
                int cost = ai == bj ? 0 : 1;
                int d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ai == char.ToLowerInvariant(b[j - 2]) && char.ToLowerInvariant(a[i - 2]) == bj)
                    d = Math.Min(d, twoBack[j - 2] + 1);
                current[j] = d;
            }
            (twoBack, previous, current) = (previous, current, twoBack);
        }
        return previous[b.Length];
    }
}
