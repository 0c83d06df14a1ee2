using ResistanceSim.Scenarios.Diagnostics;

namespace ResistanceSim.Server.Api;

/// <summary>One reason a run request was refused; <see cref="Line"/> and <see cref="Column"/> locate it in the page's YAML view (0: not in the YAML).</summary>
public sealed record RequestProblem(int Line, int Column, string Message)
{
    /// <summary>A validator diagnostic: located when it is about the client's YAML, otherwise the whole line of text.</summary>
    public static RequestProblem From(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return diagnostic.Location.File == ClientScenario.Name
            ? new RequestProblem(diagnostic.Location.Line, diagnostic.Location.Column, diagnostic.Message)
            : new RequestProblem(0, 0, diagnostic.ToString());
    }
}
