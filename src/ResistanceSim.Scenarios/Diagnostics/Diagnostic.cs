namespace ResistanceSim.Scenarios.Diagnostics;

/// <summary>
/// One problem in a scenario.
/// </summary>
/// <param name="Location">Where the offending text is (the value for bad values, the key for unknown
/// keys, the enclosing map for missing keys).</param>
/// <param name="Path">The dotted scenario path of the thing concerned, e.g. <c>population.b0_per_day</c>
/// or <c>protocol[0].days</c>; empty for the whole document.</param>
/// <param name="Message">The complete human sentence: the path, the rule broken and the value supplied,
/// e.g. <c>population.b0_per_day must be &gt; 0 (-0.1 supplied)</c>.</param>
/// <param name="Severity">Error or warning.</param>
public sealed record Diagnostic(SourceLocation Location, string Path, string Message, DiagnosticSeverity Severity)
{
    /// <summary><c>file:line:col: message</c> (warnings read <c>file:line:col: warning: message</c>), always one line:
    /// control characters in the file name or a supplied value are escaped (<see cref="SingleLine"/>).</summary>
    public override string ToString() => SingleLine.Escape(Severity == DiagnosticSeverity.Warning
        ? $"{Location}: warning: {Message}"
        : $"{Location}: {Message}");
}
