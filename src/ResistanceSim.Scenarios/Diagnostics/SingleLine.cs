using System.Globalization;
using System.Text;

namespace ResistanceSim.Scenarios.Diagnostics;

/// <summary>
/// Keeps a diagnostic on one line: a value that contains a line break, a tab or another control character
/// (a quoted YAML scalar can) would otherwise split <c>file:line:col: message</c> in two and separate the
/// message from its location. Control characters are written as C escapes (<c>\n</c>, <c>\t</c>, <c>\u0000</c>).
/// </summary>
public static class SingleLine
{
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(char.IsControl)) return text;
        var escaped = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            escaped.Append(c switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $@"\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }
}
