using System.Xml;
using System.Xml.Linq;

namespace ResistanceSim.Plotting.Report;

/// <summary>
/// Prepares an SVG document for inlining in HTML: checks that it is well-formed and self-contained
/// (no scripts, no links to anything but its own #ids), drops the XML declaration and the SVG
/// namespace declaration (HTML puts &lt;svg&gt; in the SVG namespace by itself, and the report
/// then contains no URL at all).
/// </summary>
internal static class InlineSvg
{
    private static readonly HashSet<string> ForbiddenElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "foreignObject", "iframe", "image", "use",
    };

    public static string Prepare(string svg)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(svg, LoadOptions.None);
        }
        catch (XmlException e)
        {
            throw new ArgumentException($"The chart is not well-formed SVG: {e.Message}", nameof(svg), e);
        }

        var root = document.Root!;
        if (root.Name.LocalName != "svg")
        {
            throw new ArgumentException($"Expected an <svg> document, got <{root.Name.LocalName}>.", nameof(svg));
        }

        foreach (var element in root.DescendantsAndSelf())
        {
            if (ForbiddenElements.Contains(element.Name.LocalName))
            {
                throw new ArgumentException($"Charts in a self-contained report may not contain <{element.Name.LocalName}>.", nameof(svg));
            }

            element.Name = element.Name.LocalName;
            foreach (var attribute in element.Attributes().ToList())
            {
                if (attribute.IsNamespaceDeclaration)
                {
                    attribute.Remove();
                    continue;
                }

                string name = attribute.Name.LocalName;
                bool isLink = name is "href" or "src";
                if ((isLink && !attribute.Value.StartsWith('#')) || name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    throw new ArgumentException($"Charts in a self-contained report may not have the attribute {name}=\"{attribute.Value}\".", nameof(svg));
                }

                if (attribute.Name.Namespace != XNamespace.None)
                {
                    attribute.Remove();
                    element.SetAttributeValue(name, attribute.Value);
                }
            }
        }

        return root.ToString(SaveOptions.DisableFormatting);
    }
}
