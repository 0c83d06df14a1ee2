using System.Text;

namespace ResistanceSim.Plotting.Svg;

/// <summary>Escapes text for XML/HTML element content and attribute values.</summary>
public static class XmlText
{
    /// <summary>
    /// Escapes &amp;, &lt;, &gt;, quotes, and replaces characters that XML 1.0 forbids
    /// (control characters other than tab, newline, carriage return) with U+FFFD, so that any
    /// user-supplied label yields a well-formed document.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                case '\t' or '\n' or '\r': builder.Append(c); break;
                case < ' ' or '\uFFFE' or '\uFFFF': builder.Append('\uFFFD'); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }
}
