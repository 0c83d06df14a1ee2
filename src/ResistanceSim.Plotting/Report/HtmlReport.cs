using System.Globalization;
using System.Text;
using ResistanceSim.Plotting.Svg;

namespace ResistanceSim.Plotting.Report;

/// <summary>
/// Builds one self-contained HTML report: inline CSS, inline SVG charts and PNG frames as data URIs, no scripts and no
/// references to files or the network, so it can be mailed, archived and opened offline. The
/// markup is also well-formed XML (void elements self-closed, everything escaped). Fonts are large
/// enough for a projector; a print style sheet keeps figures and tables on one page each.
/// Sections appear in the order they are added.
/// </summary>
public sealed class HtmlReport
{
    private readonly string _title;
    private readonly StringBuilder _sections = new();
    private int _frameSets;

    /// <summary>Starts a report with the given title.</summary>
    public HtmlReport(string title)
    {
        _title = title;
    }

    /// <summary>Adds a section heading.</summary>
    public HtmlReport AddHeading(string text)
    {
        _sections.Append("<h2>").Append(XmlText.Escape(text)).Append("</h2>\n");
        return this;
    }

    /// <summary>Adds the scenario description; blank lines separate paragraphs.</summary>
    public HtmlReport AddDescription(string text)
    {
        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        _sections.Append("<section class=\"description\">\n");
        foreach (string paragraph in paragraphs)
        {
            _sections.Append("<p>").Append(XmlText.Escape(paragraph)).Append("</p>\n");
        }

        _sections.Append("</section>\n");
        return this;
    }

    /// <summary>Adds a two-column table of parameter names and values.</summary>
    public HtmlReport AddParameters(string caption, IEnumerable<KeyValuePair<string, string>> parameters) =>
        AddTable(caption, ["Parameter", "Value"], parameters.Select(p => (IReadOnlyList<string>)[p.Key, p.Value]), "parameters");

    /// <summary>
    /// Adds a table; every row must have as many cells as there are headers. Columns whose cells
    /// are all numbers are right-aligned so that digits line up.
    /// </summary>
    public HtmlReport AddTable(string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows) =>
        AddTable(caption, headers, rows, "summary");

    /// <summary>Adds a chart (an SVG document, e.g. from one of the chart classes) with a caption.</summary>
    /// <exception cref="ArgumentException">The SVG is not well-formed or refers to anything outside itself.</exception>
    public HtmlReport AddChart(string caption, string svg)
    {
        _sections.Append("<figure class=\"chart\">\n")
            .Append(InlineSvg.Prepare(svg)).Append('\n')
            .Append("<figcaption>").Append(XmlText.Escape(caption)).Append("</figcaption>\n")
            .Append("</figure>\n");
        return this;
    }

    /// <summary>
    /// Adds a sequence of raster frames (PNG, embedded as data URIs) with a frame slider: a row of labelled steps,
    /// one per frame, that shows the chosen frame. It is radio buttons and CSS (<c>:checked</c>), so the report
    /// stays free of scripts; the first frame is chosen at first.
    /// </summary>
    public HtmlReport AddFrames(string caption, IReadOnlyList<(string Label, byte[] Png)> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Count == 0) throw new ArgumentException("A frame set needs at least one frame.", nameof(frames));
        string set = $"frames-{++_frameSets}";
        var rules = new StringBuilder();
        _sections.Append("<figure class=\"frames\">\n");
        for (int f = 0; f < frames.Count; f++)
        {
            string id = $"{set}-{f}";
            _sections.Append("<input type=\"radio\" class=\"frame-choice\" name=\"").Append(set).Append("\" id=\"").Append(id)
                .Append(f == 0 ? "\" checked=\"checked\"/>\n" : "\"/>\n");
            rules.Append('#').Append(id).Append(":checked ~ .frame-").Append(f).Append(" { display: block; }\n")
                .Append('#').Append(id).Append(":checked ~ .frame-steps label[for=\"").Append(id).Append("\"] { background: #333333; color: #ffffff; }\n");
        }
        _sections.Append("<div class=\"frame-steps\">");
        for (int f = 0; f < frames.Count; f++)
            _sections.Append("<label for=\"").Append(set).Append('-').Append(f).Append("\">").Append(XmlText.Escape(frames[f].Label)).Append("</label>");
        _sections.Append("</div>\n");
        for (int f = 0; f < frames.Count; f++)
            _sections.Append("<img class=\"frame frame-").Append(f).Append("\" alt=\"").Append(XmlText.Escape(frames[f].Label))
                .Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(frames[f].Png)).Append("\"/>\n");
        _sections.Append("<style>\n").Append(rules).Append("</style>\n")
            .Append("<figcaption>").Append(XmlText.Escape(caption)).Append("</figcaption>\n")
            .Append("</figure>\n");
        return this;
    }

    /// <summary>The complete HTML document.</summary>
    public string Build()
    {
        var html = new StringBuilder(_sections.Length + 4096);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
            .Append("<title>").Append(XmlText.Escape(_title)).Append("</title>\n")
            .Append("<style>\n").Append(ReportStyleSheet.Css).Append("</style>\n")
            .Append("</head>\n<body>\n<main>\n")
            .Append("<h1>").Append(XmlText.Escape(_title)).Append("</h1>\n")
            .Append(_sections)
            .Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private HtmlReport AddTable(string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string cssClass)
    {
        var table = rows.ToList();
        for (int r = 0; r < table.Count; r++)
        {
            if (table[r].Count != headers.Count)
            {
                throw new ArgumentException($"Row {r + 1} of table '{caption}' has {table[r].Count} cells for {headers.Count} columns.", nameof(rows));
            }
        }

        // A column whose cells are all numbers is right-aligned, header included, so digits line up.
        bool[] numeric = [.. headers.Select((_, c) => table.Count > 0 && table.All(row => IsNumber(row[c])))];
        _sections.Append("<table class=\"").Append(cssClass).Append("\">\n")
            .Append("<caption>").Append(XmlText.Escape(caption)).Append("</caption>\n<thead><tr>");
        for (int c = 0; c < headers.Count; c++)
        {
            _sections.Append(numeric[c] ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
                .Append(XmlText.Escape(headers[c])).Append("</th>");
        }

        _sections.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table)
        {
            _sections.Append("<tr>");
            for (int c = 0; c < row.Count; c++)
            {
                _sections.Append(numeric[c] ? "<td class=\"num\">" : "<td>").Append(XmlText.Escape(row[c])).Append("</td>");
            }

            _sections.Append("</tr>\n");
        }

        _sections.Append("</tbody>\n</table>\n");
        return this;
    }

    private static bool IsNumber(string cell)
    {
        // Accept our own typographic minus and a trailing percent sign, as NumberFormat writes them.
        string normalized = cell.Trim().Replace('\u2212', '-').TrimEnd('%');
        return normalized.Length > 0 && double.TryParse(normalized, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
    }
}
