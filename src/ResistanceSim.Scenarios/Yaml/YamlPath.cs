using System.Globalization;
using System.Text;

namespace ResistanceSim.Scenarios.Yaml;

/// <summary>
/// A path to a node of a scenario, as written in sweeps: keys separated by dots, list indices in brackets —
/// <c>population.b0_per_day</c>, <c>mechanisms.EGFR_activation.rate</c>, <c>protocol[0].days</c>.
/// Keys may contain any character except <c>.</c>, <c>[</c>, <c>]</c> and white space; a key that does (a
/// <c>cohort.variability</c> entry is itself a path) is written in double quotes:
/// <c>cohort.variability."population.d0_per_day".normal.mean</c>.
/// </summary>
public sealed class YamlPath : IEquatable<YamlPath>
{
    private readonly YamlPathSegment[] _segments;

    private YamlPath(YamlPathSegment[] segments) => _segments = segments;

    public IReadOnlyList<YamlPathSegment> Segments => _segments;

    /// <summary>Parses a path or throws <see cref="FormatException"/> naming the problem.</summary>
    public static YamlPath Parse(string text) =>
        TryParse(text, out var path, out string? error) ? path : throw new FormatException(error);

    /// <summary>Parses a path; on failure <paramref name="error"/> says what is wrong and where.</summary>
    public static bool TryParse(string text, out YamlPath path, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        path = null!;
        error = null;
        var segments = new List<YamlPathSegment>();
        int i = 0;
        while (i < text.Length)
        {
            if (text[i] == '[')
            {
                int close = text.IndexOf(']', i);
                if (close < 0 || !int.TryParse(text.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int index))
                {
                    error = $"invalid path '{text}': '[' at position {(i + 1).ToString(CultureInfo.InvariantCulture)} must be followed by a list index and ']'";
                    return false;
                }
                segments.Add(YamlPathSegment.ForIndex(index));
                i = close + 1;
                if (i < text.Length && text[i] == '.' && i + 1 < text.Length) i++;
                else if (i < text.Length && text[i] != '[')
                {
                    error = $"invalid path '{text}': expected '.' or '[' after ']' at position {i.ToString(CultureInfo.InvariantCulture)}";
                    return false;
                }
                continue;
            }
            string key;
            if (text[i] == '"')
            {
                int close = text.IndexOf('"', i + 1);
                if (close <= i + 1)
                {
                    error = $"invalid path '{text}': the quoted key at position {(i + 1).ToString(CultureInfo.InvariantCulture)} must be non-empty and closed by '\"'";
                    return false;
                }
                key = text[(i + 1)..close];
                i = close + 1;
                if (i < text.Length && text[i] is not ('.' or '['))
                {
                    error = $"invalid path '{text}': expected '.' or '[' after the quoted key at position {i.ToString(CultureInfo.InvariantCulture)}";
                    return false;
                }
            }
            else
            {
                int start = i;
                while (i < text.Length && text[i] is not ('.' or '[' or ']' or '"') && !char.IsWhiteSpace(text[i])) i++;
                if (i == start || (i < text.Length && (text[i] is ']' or '"' || char.IsWhiteSpace(text[i]))))
                {
                    error = $"invalid path '{text}': expected a key at position {(i + 1).ToString(CultureInfo.InvariantCulture)}";
                    return false;
                }
                key = text[start..i];
            }
            segments.Add(YamlPathSegment.ForKey(key));
            if (i < text.Length && text[i] == '.')
            {
                i++;
                if (i == text.Length)
                {
                    error = $"invalid path '{text}': it ends with '.'";
                    return false;
                }
            }
        }
        if (segments.Count == 0)
        {
            error = "invalid path '': a path names at least one key";
            return false;
        }
        path = new YamlPath(segments.ToArray());
        return true;
    }

    /// <summary>The path written back, e.g. <c>protocol[0].days</c>; the first <paramref name="count"/> segments only if given.</summary>
    public string ToString(int count)
    {
        var text = new StringBuilder();
        foreach (var segment in _segments.Take(count))
        {
            if (segment.IsIndex) text.Append(CultureInfo.InvariantCulture, $"[{segment.Index}]");
            else text.Append(text.Length == 0 ? "" : ".").Append(NeedsQuotes(segment.Key!) ? $"\"{segment.Key}\"" : segment.Key);
        }
        return text.ToString();
    }

    public override string ToString() => ToString(_segments.Length);

    private static bool NeedsQuotes(string key) => key.AsSpan().IndexOfAny(".[]\"") >= 0 || key.Any(char.IsWhiteSpace);

    public bool Equals(YamlPath? other) => other is not null && _segments.AsSpan().SequenceEqual(other._segments);

    public override bool Equals(object? obj) => Equals(obj as YamlPath);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}
