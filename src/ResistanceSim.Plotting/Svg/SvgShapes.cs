using System.Runtime.InteropServices;
using ResistanceSim.Plotting.Layout;

namespace ResistanceSim.Plotting.Svg;

/// <summary>Where text is anchored horizontally.</summary>
public enum TextAnchor
{
    /// <summary>Text starts at x.</summary>
    Start,

    /// <summary>Text is centred on x.</summary>
    Middle,

    /// <summary>Text ends at x.</summary>
    End,
}

/// <summary>The drawing primitives the charts use, on top of <see cref="SvgWriter"/>.</summary>
public static class SvgShapes
{
    /// <summary>A straight line.</summary>
    public static void Line(this SvgWriter svg, double x1, double y1, double x2, double y2, string stroke,
        double width = 1, string? dash = null, double opacity = 1)
    {
        var attributes = new List<SvgAttribute>
        {
            ("x1", x1), ("y1", y1), ("x2", x2), ("y2", y2), ("stroke", stroke), ("stroke-width", width),
        };
        AddStrokeStyle(attributes, dash, opacity);
        svg.Element("line", CollectionsMarshal.AsSpan(attributes));
    }

    /// <summary>A filled rectangle, optionally outlined.</summary>
    public static void Rectangle(this SvgWriter svg, Rect rect, string fill, string? stroke = null,
        double opacity = 1, double strokeWidth = 1)
    {
        var attributes = new List<SvgAttribute>
        {
            ("x", rect.X), ("y", rect.Y), ("width", Math.Max(0, rect.Width)), ("height", Math.Max(0, rect.Height)), ("fill", fill),
        };
        if (opacity < 1)
        {
            attributes.Add(("fill-opacity", opacity));
        }

        if (stroke is not null)
        {
            attributes.Add(("stroke", stroke));
            attributes.Add(("stroke-width", strokeWidth));
        }

        svg.Element("rect", CollectionsMarshal.AsSpan(attributes));
    }

    /// <summary>A circle (markers).</summary>
    public static void Circle(this SvgWriter svg, double cx, double cy, double radius, string fill,
        string? stroke = null, double strokeWidth = 1)
    {
        var attributes = new List<SvgAttribute> { ("cx", cx), ("cy", cy), ("r", radius), ("fill", fill) };
        if (stroke is not null)
        {
            attributes.Add(("stroke", stroke));
            attributes.Add(("stroke-width", strokeWidth));
        }

        svg.Element("circle", CollectionsMarshal.AsSpan(attributes));
    }

    /// <summary>An unfilled polyline or step path (a data series).</summary>
    public static void StrokePath(this SvgWriter svg, PathBuilder path, string stroke, double width,
        string? dash = null, double opacity = 1, string? cssClass = null)
    {
        if (path.IsEmpty)
        {
            return;
        }

        var attributes = new List<SvgAttribute>
        {
            ("d", path.ToString()), ("fill", "none"), ("stroke", stroke), ("stroke-width", width),
            ("stroke-linejoin", "round"), ("stroke-linecap", "round"),
        };
        AddStrokeStyle(attributes, dash, opacity);
        if (cssClass is not null)
        {
            attributes.Add(("class", cssClass));
        }

        svg.Element("path", CollectionsMarshal.AsSpan(attributes));
    }

    /// <summary>A filled closed area (bands, Muller clones, confidence regions).</summary>
    public static void FillPath(this SvgWriter svg, PathBuilder path, string fill, double opacity = 1,
        string? stroke = null, double strokeWidth = 0.5, string? cssClass = null)
    {
        if (path.IsEmpty)
        {
            return;
        }

        var attributes = new List<SvgAttribute> { ("d", path.ToString()), ("fill", fill) };
        if (opacity < 1)
        {
            attributes.Add(("fill-opacity", opacity));
        }

        if (stroke is not null)
        {
            attributes.Add(("stroke", stroke));
            attributes.Add(("stroke-width", strokeWidth));
        }

        if (cssClass is not null)
        {
            attributes.Add(("class", cssClass));
        }

        svg.Element("path", CollectionsMarshal.AsSpan(attributes));
    }

    /// <summary>A vertical error bar from <paramref name="top"/> to <paramref name="bottom"/> with 8 px caps.</summary>
    public static void ErrorBar(this SvgWriter svg, double x, double top, double bottom, string color)
    {
        const double CapHalfWidth = 4;
        svg.Line(x, top, x, bottom, color, 1.5);
        svg.Line(x - CapHalfWidth, top, x + CapHalfWidth, top, color, 1.5);
        svg.Line(x - CapHalfWidth, bottom, x + CapHalfWidth, bottom, color, 1.5);
    }

    /// <summary>
    /// A single line of text with its baseline at y; <paramref name="rotateDegrees"/> turns it
    /// about (x, y).
    /// </summary>
    public static void Text(this SvgWriter svg, double x, double y, string text, double fontSize, string fill,
        TextAnchor anchor = TextAnchor.Start, bool bold = false, double rotateDegrees = 0, string? cssClass = null)
    {
        var attributes = new List<SvgAttribute> { ("x", x), ("y", y), ("font-size", fontSize), ("fill", fill) };
        if (anchor != TextAnchor.Start)
        {
            attributes.Add(("text-anchor", anchor == TextAnchor.Middle ? "middle" : "end"));
        }

        if (bold)
        {
            attributes.Add(("font-weight", "bold"));
        }

        if (rotateDegrees != 0)
        {
            attributes.Add(("transform", "rotate(" + SvgNumber.Format(rotateDegrees) + " " + SvgNumber.Format(x) + " " + SvgNumber.Format(y) + ")"));
        }

        if (cssClass is not null)
        {
            attributes.Add(("class", cssClass));
        }

        svg.TextElement("text", text, CollectionsMarshal.AsSpan(attributes));
    }

    private static void AddStrokeStyle(List<SvgAttribute> attributes, string? dash, double opacity)
    {
        if (dash is not null)
        {
            attributes.Add(("stroke-dasharray", dash));
        }

        if (opacity < 1)
        {
            attributes.Add(("stroke-opacity", opacity));
        }
    }
}
