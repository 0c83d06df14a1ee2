namespace ResistanceSim.Scenarios.Diagnostics;

/// <summary>
/// Collects every problem found while loading and binding a scenario so that all of them are reported
/// at once; nothing here throws until <see cref="ThrowIfErrors"/> is called at the very end.
/// Not thread-safe: one bag per scenario being loaded.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>Number of diagnostics recorded so far (errors and warnings).</summary>
    public int Count => _items.Count;

    /// <summary>True as soon as one error has been recorded.</summary>
    public bool HasErrors { get; private set; }

    /// <summary>Number of errors recorded so far.</summary>
    public int ErrorCount { get; private set; }

    /// <summary>Records a diagnostic.</summary>
    public void Add(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        _items.Add(diagnostic);
        if (diagnostic.Severity == DiagnosticSeverity.Error)
        {
            HasErrors = true;
            ErrorCount++;
        }
    }

    /// <summary>Records every diagnostic of another collection (e.g. a preset loaded separately).</summary>
    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var d in diagnostics) Add(d);
    }

    /// <summary>Records an error. <paramref name="message"/> is the full sentence (see <see cref="Diagnostic.Message"/>).</summary>
    public void Error(SourceLocation location, string path, string message) =>
        Add(new Diagnostic(location, path, message, DiagnosticSeverity.Error));

    /// <summary>Records a warning.</summary>
    public void Warning(SourceLocation location, string path, string message) =>
        Add(new Diagnostic(location, path, message, DiagnosticSeverity.Warning));

    /// <summary>The diagnostics in the order they were recorded.</summary>
    public IReadOnlyList<Diagnostic> InRecordedOrder => _items.ToArray();

    /// <summary>The diagnostics sorted for reporting: by file, line, column; ties keep recorded order.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        _items.Select((d, i) => (d, i))
              .OrderBy(x => x.d.Location)
              .ThenBy(x => x.i)
              .Select(x => x.d)
              .ToArray();

    /// <summary>Throws <see cref="ScenarioValidationException"/> with every diagnostic (sorted) if any is an error.</summary>
    public void ThrowIfErrors()
    {
        if (HasErrors) throw new ScenarioValidationException(Sorted());
    }
}
