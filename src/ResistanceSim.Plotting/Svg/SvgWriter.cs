using System.Globalization;
using System.Text;

namespace ResistanceSim.Plotting.Svg;

/// <summary>
/// Writes one SVG document by careful string building: every attribute value and text node is
/// escaped, every number is formatted invariantly, and elements are closed in order (checked).
/// </summary>
/// <remarks>
/// Several charts are inlined into one HTML report, where element ids share one namespace.
/// Ids are therefore written with a placeholder that <see cref="Finish"/> replaces by a hash of
/// the chart's content: deterministic, and distinct for distinct charts.
/// </remarks>
public sealed class SvgWriter
{
    /// <summary>Font stack used by every chart (Liberation Sans is metric-compatible with Arial/Helvetica, whose widths <see cref="Layout.TextMetrics"/> assumes).</summary>
    public const string FontFamily = "Arial, Helvetica, 'Liberation Sans', sans-serif";

    // U+0001 cannot appear in escaped text (XmlText replaces it), so it is a safe placeholder.
    private const string IdPlaceholder = "\u0001";

    private readonly StringBuilder _content = new();
    private readonly Stack<string> _open = new();
    private readonly double _width;
    private readonly double _height;
    private readonly string _title;

    /// <summary>Starts a document of fixed pixel size with an accessible title.</summary>
    public SvgWriter(double width, double height, string title)
    {
        if (!(width > 0) || !(height > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(width), "Chart width and height must be > 0.");
        }

        _width = width;
        _height = height;
        _title = title;
    }

    /// <summary>Width of the document in pixels.</summary>
    public double Width => _width;

    /// <summary>Height of the document in pixels.</summary>
    public double Height => _height;

    /// <summary>A document-unique id for a definition (clip path, pattern).</summary>
    public static string NewId(string localName) => IdPlaceholder + "-" + localName;

    /// <summary>A <c>url(#id)</c> reference to an id made by <see cref="NewId"/>.</summary>
    public static string UrlOf(string id) => "url(#" + id + ")";

    /// <summary>Opens an element that will contain children; close it with <see cref="Close"/>.</summary>
    public void Open(string tag, params ReadOnlySpan<SvgAttribute> attributes)
    {
        WriteStartTag(tag, attributes);
        _content.Append(">\n");
        _open.Push(tag);
    }

    /// <summary>Closes the innermost open element.</summary>
    public void Close()
    {
        if (_open.Count == 0)
        {
            throw new InvalidOperationException("No open SVG element to close.");
        }

        _content.Append("</").Append(_open.Pop()).Append(">\n");
    }

    /// <summary>Writes an empty element such as a line or rectangle.</summary>
    public void Element(string tag, params ReadOnlySpan<SvgAttribute> attributes)
    {
        WriteStartTag(tag, attributes);
        _content.Append("/>\n");
    }

    /// <summary>Writes an element whose content is escaped text.</summary>
    public void TextElement(string tag, string text, params ReadOnlySpan<SvgAttribute> attributes)
    {
        WriteStartTag(tag, attributes);
        _content.Append('>').Append(XmlText.Escape(text)).Append("</").Append(tag).Append(">\n");
    }

    /// <summary>Completes the document and returns it as a string.</summary>
    public string Finish()
    {
        if (_open.Count > 0)
        {
            throw new InvalidOperationException($"SVG element <{_open.Peek()}> was not closed.");
        }

        string body = _content.ToString();
        string idPrefix = "rs" + Fnv1a(_title + "\n" + body).ToString("x8", CultureInfo.InvariantCulture);
        string w = SvgNumber.Format(_width);
        string h = SvgNumber.Format(_height);
        var document = new StringBuilder(body.Length + 512);
        document.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"")
            .Append(" width=\"").Append(w).Append("\" height=\"").Append(h).Append('"')
            .Append(" viewBox=\"0 0 ").Append(w).Append(' ').Append(h).Append('"')
            .Append(" font-family=\"").Append(XmlText.Escape(FontFamily)).Append('"')
            .Append(" role=\"img\">\n")
            .Append("<title>").Append(XmlText.Escape(_title)).Append("</title>\n")
            .Append("<rect x=\"0\" y=\"0\" width=\"").Append(w).Append("\" height=\"").Append(h).Append("\" fill=\"#ffffff\"/>\n")
            .Append(body.Replace(IdPlaceholder, idPrefix, StringComparison.Ordinal))
            .Append("</svg>\n");
        return document.ToString();
    }

    private void WriteStartTag(string tag, ReadOnlySpan<SvgAttribute> attributes)
    {
        _content.Append('<').Append(tag);
        foreach (var attribute in attributes)
        {
            _content.Append(' ').Append(attribute.Name).Append("=\"");
            // Ids and url(#id) references carry the placeholder, which escaping would destroy.
            _content.Append(attribute.Value.Contains(IdPlaceholder, StringComparison.Ordinal)
                ? attribute.Value
                : XmlText.Escape(attribute.Value));
            _content.Append('"');
        }
    }

    private static uint Fnv1a(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash;
    }
}
