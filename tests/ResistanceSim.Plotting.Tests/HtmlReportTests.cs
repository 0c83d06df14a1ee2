using System.Xml;
using System.Xml.Linq;
using ResistanceSim.Plotting.Report;

namespace ResistanceSim.Plotting.Tests;

public class HtmlReportTests
{
    private static XDocument ParseStrict(string html)
    {
        // Strict XML parse (the HTML5 doctype is allowed, nothing else is forgiven).
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        return XDocument.Load(reader);
    }

    [Fact]
    public void Report_is_well_formed_and_contains_title_description_tables_and_every_chart_inline()
    {
        string html = SampleReport.Build();
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        var document = ParseStrict(html);
        var all = document.Descendants().ToArray();
        Assert.Equal(SampleReport.Title, all.Single(e => e.Name.LocalName == "title" && e.Parent!.Name.LocalName == "head").Value);
        Assert.Equal(SampleReport.Title, all.Single(e => e.Name.LocalName == "h1").Value);
        Assert.Equal(2, all.Count(e => e.Name.LocalName == "p" && e.Parent!.Attribute("class")?.Value == "description"));
        Assert.Equal(2, all.Count(e => e.Name.LocalName == "table"));

        var charts = SvgInspection.AllSampleCharts();
        var svgs = all.Where(e => e.Name.LocalName == "svg").ToArray();
        Assert.Equal(charts.Count, svgs.Length);
        for (int i = 0; i < charts.Count; i++)
        {
            var original = SvgInspection.Parse(charts[i].Render());
            // The inlined chart is the same drawing: same number of elements and the same text.
            Assert.Equal(original.DescendantsAndSelf().Count(), svgs[i].DescendantsAndSelf().Count());
            Assert.Equal(SvgInspection.Texts(original), svgs[i].Descendants().Where(e => e.Name.LocalName == "text").Select(t => t.Value));
            Assert.Equal("Figure: " + charts[i].Name, svgs[i].Parent!.Elements().Single(e => e.Name.LocalName == "figcaption").Value);
        }
    }

    [Fact]
    public void Report_has_no_scripts_and_no_external_references()
    {
        string html = SampleReport.Build();
        Assert.DoesNotContain("http:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        var attributes = ParseStrict(html).Descendants().Attributes().ToArray();
        Assert.DoesNotContain(attributes, a => a.Name.LocalName is "src" or "srcset");
        Assert.All(attributes.Where(a => a.Name.LocalName == "href"), a => Assert.StartsWith("#", a.Value));
        Assert.All(attributes.Where(a => a.Value.Contains("url(", StringComparison.Ordinal)), a => Assert.Contains("url(#", a.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Report_has_print_and_projector_styles()
    {
        string html = SampleReport.Build();
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("font-size: 20px", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_of_numbers_are_right_aligned_and_mixed_columns_are_not()
    {
        var tables = ParseStrict(SampleReport.Build()).Descendants().Where(e => e.Name.LocalName == "table").ToArray();
        string[] Classes(XElement table, string section) =>
            [.. table.Descendants().First(e => e.Name.LocalName == section).Elements().First().Elements().Select(c => c.Attribute("class")?.Value ?? "-")];

        // Parameters: the value column mixes "42" and "hybrid", so it stays left-aligned.
        Assert.Equal(["-", "-"], Classes(tables[0], "tbody"));
        Assert.Equal(["-", "num", "num", "-", "num"], Classes(tables[1], "tbody"));
        Assert.Equal(["-", "num", "num", "-", "num"], Classes(tables[1], "thead"));
    }

    [Fact]
    public void Table_rows_must_match_the_header()
    {
        var report = new HtmlReport("t");
        var error = Assert.Throws<ArgumentException>(() => report.AddTable("bad", ["a", "b"], [["1"]]));
        Assert.Contains("Row 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"x.png\"/></svg>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect onclick=\"x()\"/></svg>")]
    [InlineData("<svg><rect></svg>")]
    [InlineData("<html/>")]
    public void Charts_that_are_not_self_contained_well_formed_svg_are_rejected(string svg)
    {
        Assert.Throws<ArgumentException>(() => new HtmlReport("t").AddChart("c", svg));
    }
}
