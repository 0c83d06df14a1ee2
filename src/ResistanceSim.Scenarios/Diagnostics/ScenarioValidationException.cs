namespace ResistanceSim.Scenarios.Diagnostics;

/// <summary>
/// Thrown once, at the end of loading/binding, when a scenario has errors. Carries all diagnostics
/// (sorted by file, line, column); the CLI prints them one per line and exits with code 2.
/// </summary>
public sealed class ScenarioValidationException : Exception
{
    public ScenarioValidationException(IReadOnlyList<Diagnostic> diagnostics)
        : base(Describe(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every diagnostic found (errors and warnings), in reporting order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string Describe(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        int errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        string header = errors == 1 ? "The scenario has 1 error:" : $"The scenario has {errors.ToString(System.Globalization.CultureInfo.InvariantCulture)} errors:";
        return header + Environment.NewLine + string.Join(Environment.NewLine, diagnostics);
    }
}
