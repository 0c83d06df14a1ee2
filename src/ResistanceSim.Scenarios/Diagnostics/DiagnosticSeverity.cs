namespace ResistanceSim.Scenarios.Diagnostics;

/// <summary>How bad a diagnostic is: errors stop the run (exit code 2), warnings are only shown.</summary>
public enum DiagnosticSeverity
{
    Error,
    Warning,
}
