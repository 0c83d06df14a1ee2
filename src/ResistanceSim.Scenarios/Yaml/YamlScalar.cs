using ResistanceSim.Scenarios.Diagnostics;

namespace ResistanceSim.Scenarios.Yaml;

/// <summary>
/// A scalar: its text as written (after YAML unescaping/folding), its style, and typed readings that follow
/// the YAML 1.2 core schema (<see cref="CoreSchema"/>): only plain scalars resolve to numbers, booleans or null.
/// </summary>
public sealed class YamlScalar : YamlNodeBase
{
    private const int NotRead = 0, ReadAsNumber = 1, ReadAsNotANumber = 2;

    private int _doubleReading = NotRead;   // TryGetDouble's result, once read
    private double _double;

    public YamlScalar(string text, YamlScalarStyle style, SourceLocation location)
        : base(location)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Style = style;
    }

    /// <summary>The scalar's content (quotes removed, escapes resolved).</summary>
    public string Text { get; }

    /// <summary>How the scalar was written.</summary>
    public YamlScalarStyle Style { get; }

    /// <summary>True for any non-plain style: such a scalar is always a string.</summary>
    public bool IsQuoted => Style != YamlScalarStyle.Plain;

    public override string KindDescription => "a value";

    /// <summary>Plain <c>~</c>, <c>null</c>, <c>Null</c>, <c>NULL</c> or nothing at all.</summary>
    public bool IsNull => !IsQuoted && CoreSchema.IsNull(Text);

    /// <summary>Reads a floating-point number: <c>1.0e6</c>, <c>1e6</c>, <c>-.5</c>, <c>1_000_000</c>,
    /// <c>.inf</c>, <c>-.inf</c>, <c>.nan</c>, and integers (also <c>0x</c>/<c>0o</c>).</summary>
    public bool TryGetDouble(out double value)
    {
        // A trial reads the same preset nodes in every patient's binding, so the reading is kept (a node is
        // immutable; threads that race each store the same result, and the state is published after the value).
        switch (Volatile.Read(ref _doubleReading))
        {
            case ReadAsNumber:
                value = _double;
                return true;
            case ReadAsNotANumber:
                value = 0;
                return false;
        }
        value = 0;
        bool parsed = !IsQuoted && CoreSchema.TryParseDouble(Text, out value);
        _double = value;
        Volatile.Write(ref _doubleReading, parsed ? ReadAsNumber : ReadAsNotANumber);
        return parsed;
    }

    /// <summary>Reads a whole number; float notation is accepted when its value is an exact integer
    /// in range (<c>1.0e6</c> → 1000000), because counts of cells are naturally written that way.</summary>
    public bool TryGetLong(out long value)
    {
        value = 0;
        return !IsQuoted && CoreSchema.TryParseLong(Text, out value);
    }

    /// <summary>Reads <c>true</c>/<c>false</c> (also <c>True</c>, <c>TRUE</c>, …); <c>yes</c>/<c>no</c> are strings in YAML 1.2.</summary>
    public bool TryGetBool(out bool value)
    {
        value = false;
        return !IsQuoted && CoreSchema.TryParseBool(Text, out value);
    }

    /// <summary>The text as a string (any style; a plain scalar's text is its string reading).</summary>
    public string AsString() => Text;

    /// <summary>A copy of this scalar with another text, written plain, at another location (sweep patching).</summary>
    public YamlScalar WithText(string text, SourceLocation location) => new(text, YamlScalarStyle.Plain, location);

    public override string ToString() => IsQuoted ? $"\"{Text}\"" : Text;
}
