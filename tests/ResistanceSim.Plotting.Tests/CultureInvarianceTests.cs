using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using static ResistanceSim.Plotting.Tests.SvgInspection;

namespace ResistanceSim.Plotting.Tests;

public partial class CultureInvarianceTests
{
    private static readonly HashSet<string> NumericAttributes =
    [
        "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "font-size",
        "stroke-width", "fill-opacity", "stroke-opacity", "offset",
    ];

    [Fact]
    public void German_culture_really_uses_a_decimal_comma_in_this_test_process()
    {
        // Guards the test below: under InvariantGlobalization de-DE would format like invariant.
        var german = CultureInfo.GetCultureInfo("de-DE");
        Assert.Equal(",", german.NumberFormat.NumberDecimalSeparator);
        Assert.Equal("1,5", 1.5.ToString(german));
    }

    [Fact]
    public void Charts_and_report_are_identical_under_german_and_invariant_culture()
    {
        var invariant = RenderAllUnder(CultureInfo.InvariantCulture);
        var german = RenderAllUnder(CultureInfo.GetCultureInfo("de-DE"));
        Assert.Equal(invariant.Keys, german.Keys);
        foreach (var (name, text) in invariant)
        {
            Assert.Equal(text, german[name]);
        }
    }

    [Fact]
    public void Numeric_attributes_under_german_culture_use_decimal_points()
    {
        var german = RenderAllUnder(CultureInfo.GetCultureInfo("de-DE"));
        foreach (var (name, svg) in german.Where(kv => kv.Key != "report"))
        {
            var root = Parse(svg);
            int checkedCount = 0;
            foreach (var attribute in root.DescendantsAndSelf().Attributes())
            {
                string attributeName = attribute.Name.LocalName;
                if (NumericAttributes.Contains(attributeName))
                {
                    Assert.Matches(PlainNumber(), attribute.Value);
                    checkedCount++;
                }
                else if (attributeName == "d")
                {
                    Assert.Matches(PathData(), attribute.Value);
                    checkedCount++;
                }
                else if (attributeName is "transform" or "viewBox")
                {
                    Assert.DoesNotMatch(DecimalComma(), attribute.Value);
                }
            }

            Assert.True(checkedCount > 50, $"{name}: only {checkedCount} numeric attributes checked");
            Assert.All(Texts(root), t => Assert.DoesNotMatch(DecimalComma(), t));
        }
    }

    private static Dictionary<string, string> RenderAllUnder(CultureInfo culture)
    {
        var savedCulture = CultureInfo.CurrentCulture;
        var savedUiCulture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            var charts = AllSampleCharts().ToDictionary(c => c.Name, c => c.Render());
            charts["report"] = SampleReport.Build();
            return charts;
        }
        finally
        {
            CultureInfo.CurrentCulture = savedCulture;
            CultureInfo.CurrentUICulture = savedUiCulture;
        }
    }

    [GeneratedRegex(@"^-?\d+(\.\d+)?$")]
    private static partial Regex PlainNumber();

    // Commands M/L with "x,y" pairs and Z: a decimal comma would make three or four comma-separated numbers.
    [GeneratedRegex(@"^([ML]-?\d+(\.\d+)?,-?\d+(\.\d+)?|Z)+$")]
    private static partial Regex PathData();

    [GeneratedRegex(@"\d,\d")]
    private static partial Regex DecimalComma();
}
