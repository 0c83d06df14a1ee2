using ResistanceSim.Plotting.Colors;
using ResistanceSim.Plotting.Layout;
using ResistanceSim.Plotting.Scales;
using ResistanceSim.Plotting.Svg;

namespace ResistanceSim.Plotting.Tests;

public class FormattingTests
{
    [Theory]
    [InlineData(6, "10⁶")]
    [InlineData(-3, "10⁻³")]
    [InlineData(0, "10⁰")]
    [InlineData(12, "10¹²")]
    public void Powers_of_ten_use_superscript_exponents(int exponent, string expected) =>
        Assert.Equal(expected, NumberFormat.PowerOfTen(exponent));

    [Fact]
    public void Log_labels_are_plain_for_everyday_decades_and_powers_otherwise()
    {
        Assert.Equal(["0.1", "1", "10", "100", "1000"], NumberFormat.LogTickLabels([0.1, 1, 10, 100, 1000]));
        Assert.Equal(["10⁰", "10³", "10⁶"], NumberFormat.LogTickLabels([1, 1e3, 1e6]));
    }

    [Fact]
    public void Linear_labels_have_the_decimals_the_step_needs_and_switch_to_scientific_for_large_values()
    {
        Assert.Equal(["0.0", "0.5", "1.0"], NumberFormat.LinearTickLabels([0, 0.5, 1]));
        Assert.Equal(["\u221210", "0", "10"], NumberFormat.LinearTickLabels([-10, 0, 10]));
        Assert.Equal(["0", "5e5", "1e6"], NumberFormat.LinearTickLabels([0, 5e5, 1e6]));
        Assert.Equal(["0.02", "0.04"], NumberFormat.LinearTickLabels([0.02, 0.04]));
    }

    [Fact]
    public void Compact_numbers_are_short_and_invariant()
    {
        Assert.Equal("0.25", NumberFormat.Compact(0.25));
        Assert.Equal("1200", NumberFormat.Compact(1200));
        Assert.Equal("3.1e6", NumberFormat.Compact(3.1e6));
        Assert.Equal("1e\u22128", NumberFormat.Compact(1e-8));
        Assert.Equal("NaN", NumberFormat.Compact(double.NaN));
        Assert.Equal("25%", NumberFormat.Percent(0.25));
    }

    [Fact]
    public void Svg_numbers_have_at_most_two_decimals_and_no_negative_zero()
    {
        Assert.Equal("1.23", SvgNumber.Format(1.234));
        Assert.Equal("0", SvgNumber.Format(-0.001));
        Assert.Equal("-12.5", SvgNumber.Format(-12.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => SvgNumber.Format(double.NaN));
    }

    [Fact]
    public void Xml_escaping_handles_markup_and_forbidden_control_characters()
    {
        Assert.Equal("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;\t\uFFFD", XmlText.Escape("a <b> & \"c\" 'd'\t\u0007"));
    }

    [Fact]
    public void Text_width_grows_with_length_and_size_and_wide_letters()
    {
        Assert.True(TextMetrics.Width("WWW", 15) > TextMetrics.Width("iii", 15));
        Assert.Equal(2 * TextMetrics.Width("label", 10), TextMetrics.Width("label", 20), 9);
        // Helvetica digits are 0.556 em: ten digits at 10 px are about 56 px (plus the 5% margin).
        Assert.Equal(58.4, TextMetrics.Width("0123456789", 10), 1);
        Assert.Equal("Long lab…", TextMetrics.FitWithEllipsis("Long label text", TextMetrics.Width("Long lab…", 12), 12));
    }

    [Fact]
    public void Okabe_ito_palette_has_distinct_colours_and_viridis_runs_from_purple_to_yellow()
    {
        Assert.Equal(7, Palette.Categorical.Distinct().Count());
        Assert.Equal(14, Enumerable.Range(0, 14).Select(Palette.Series).Distinct().Count());
        Assert.Equal("#440154", Viridis.At(0).ToHex());
        Assert.Equal("#fde725", Viridis.At(1).ToHex());
        // Viridis lightness rises monotonically: the property that makes it readable in grey-scale print.
        double[] luminance = [.. Enumerable.Range(0, 51).Select(i => Viridis.At(i / 50.0).RelativeLuminance())];
        Assert.True(luminance.Zip(luminance.Skip(1)).All(p => p.Second > p.First));
    }

    [Fact]
    public void Category_colours_are_stable_per_name_and_honour_fixed_colours()
    {
        var colors = new CategoryColors(new Dictionary<string, RgbColor> { ["parental"] = Palette.Neutral });
        var egfr = colors["EGFR"];
        Assert.Equal(Palette.Neutral, colors["Parental"]);
        Assert.Equal(egfr, colors["egfr"]);
        Assert.NotEqual(egfr, colors["MET"]);
    }

    [Fact]
    public void Labels_on_fills_use_the_ink_with_more_contrast()
    {
        Assert.Equal("#111111", Viridis.At(1).ContrastingInk()); // yellow
        Assert.Equal("#ffffff", Viridis.At(0).ContrastingInk()); // dark purple
        Assert.Equal("#111111", RgbColor.FromHex("#e69f00").ContrastingInk()); // Okabe-Ito orange
        Assert.Equal("#ffffff", RgbColor.FromHex("#0072b2").ContrastingInk()); // Okabe-Ito blue
    }
}
