using ResistanceSim.Scenarios.Yaml;
using Xunit;
using static ResistanceSim.Tests.Scenarios.Infrastructure.YamlTestSupport;

namespace ResistanceSim.Tests.Scenarios.Infrastructure;

/// <summary>Plain-scalar resolution per the YAML 1.2 core schema (spec §10.3.2), plus digit underscores.</summary>
public class CoreSchemaTests
{
    private static YamlScalar Value(string text) => Scalar(ParseMap($"v: {text}\n")["v"]);

    [Theory]
    [InlineData("1.0e6", 1.0e6)]
    [InlineData("1e6", 1.0e6)]
    [InlineData("1E+6", 1.0e6)]
    [InlineData("2.5e-3", 0.0025)]
    [InlineData("-0.1", -0.1)]
    [InlineData("+0.5", 0.5)]
    [InlineData(".5", 0.5)]
    [InlineData("-.5", -0.5)]
    [InlineData("3.", 3.0)]
    [InlineData("42", 42.0)]
    [InlineData("1_000_000", 1.0e6)]
    [InlineData("1_000.000_5", 1000.0005)]
    [InlineData("0x1F", 31.0)]
    [InlineData("0o17", 15.0)]
    public void Plain_numbers_read_as_double(string text, double expected)
    {
        Assert.True(Value(text).TryGetDouble(out double value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(".inf", double.PositiveInfinity)]
    [InlineData("+.inf", double.PositiveInfinity)]
    [InlineData(".Inf", double.PositiveInfinity)]
    [InlineData("-.inf", double.NegativeInfinity)]
    [InlineData("-.INF", double.NegativeInfinity)]
    public void Infinities_read_as_double(string text, double expected)
    {
        Assert.True(Value(text).TryGetDouble(out double value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(".nan")]
    [InlineData(".NaN")]
    [InlineData(".NAN")]
    public void Nan_reads_as_double(string text)
    {
        Assert.True(Value(text).TryGetDouble(out double value));
        Assert.True(double.IsNaN(value));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1,5")]
    [InlineData("Infinity")]
    [InlineData("NaN")]
    [InlineData("inf")]
    [InlineData("1__0")]
    [InlineData("_1")]
    [InlineData("1_")]
    [InlineData("1e")]
    [InlineData("0x")]
    [InlineData("0o8")]
    [InlineData("'1.0'")]
    [InlineData("\"42\"")]
    public void Non_numbers_and_quoted_numbers_do_not_read_as_double(string text) =>
        Assert.False(Value(text).TryGetDouble(out _));

    [Theory]
    [InlineData("1000000", 1_000_000L)]
    [InlineData("1.0e6", 1_000_000L)]
    [InlineData("1e6", 1_000_000L)]
    [InlineData("2.5e3", 2_500L)]
    [InlineData("1_000_000", 1_000_000L)]
    [InlineData("-7", -7L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("1.2345678901234567e18", 1_234_567_890_123_456_700L)]
    [InlineData("0xFF", 255L)]
    public void Whole_numbers_read_as_long_including_exact_float_notation(string text, long expected)
    {
        Assert.True(Value(text).TryGetLong(out long value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1e-1")]
    [InlineData("9.3e18")]
    [InlineData("9223372036854775808")]
    [InlineData(".inf")]
    [InlineData("'5'")]
    public void Fractions_overflows_and_quoted_text_do_not_read_as_long(string text) =>
        Assert.False(Value(text).TryGetLong(out _));

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    public void Core_schema_booleans_read_as_bool(string text, bool expected)
    {
        Assert.True(Value(text).TryGetBool(out bool value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("on")]
    [InlineData("tRUE")]
    [InlineData("'true'")]
    public void Yaml11_booleans_and_quoted_true_are_not_bool(string text) =>
        Assert.False(Value(text).TryGetBool(out _));

    [Theory]
    [InlineData("~", true)]
    [InlineData("null", true)]
    [InlineData("Null", true)]
    [InlineData("NULL", true)]
    [InlineData("", true)]
    [InlineData("'~'", false)]
    [InlineData("nil", false)]
    public void Null_forms(string text, bool isNull) => Assert.Equal(isNull, Value(text).IsNull);

    [Fact]
    public void Explicit_str_tag_makes_a_number_a_string()
    {
        var scalar = Value("!!str 42");
        Assert.True(scalar.IsQuoted);
        Assert.False(scalar.TryGetDouble(out _));
        Assert.Equal("42", scalar.AsString());
    }
}
