using System.Text;

namespace ResistanceSim.Scenarios.Sweeps;

/// <summary>
/// Output column names for swept parameters: the path with every run of characters other than letters and
/// digits turned into one '_' (<c>protocol[0].drugs.crizotinib.concentration_nM</c> →
/// <c>protocol_0_drugs_crizotinib_concentration_nM</c>), so SQL can name them without quoting.
/// </summary>
public static class SweepColumnNames
{
    public static string ForPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = new StringBuilder(path.Length);
        foreach (char c in path)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_') text.Append(c);
            else if (text.Length > 0 && text[^1] != '_') text.Append('_');
        }
        return text.ToString().TrimEnd('_');
    }
}
