namespace ResistanceSim.Scenarios.Yaml;

/// <summary>How a scalar was written. Only <see cref="Plain"/> scalars can be numbers, booleans or null
/// (YAML 1.2 core schema); every other style is a string.</summary>
public enum YamlScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}
