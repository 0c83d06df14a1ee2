using ResistanceSim.Output.Reading;
using ResistanceSim.Output.Tables;

namespace ResistanceSim.Runs.Reporting;

/// <summary>
/// Keeps the report's <see cref="CourseTables"/> as the run's rows stream into its part files, so that drawing the
/// report does not read the tables just written back (a big sweep's <c>totals</c> alone is millions of rows).
/// </summary>
internal sealed class CourseCapture
{
    private readonly Dictionary<string, TableCapture> _captures = new(StringComparer.Ordinal);

    public CourseCapture(IReadOnlyList<IRunTable> tables)
    {
        foreach (var table in tables.Where(t => t.Name is "totals" or "clones" or "trajectories"))
            _captures[table.Name] = new TableCapture(table.Columns, CourseTables.Selection);
    }

    /// <summary>Sees every batch the run writes; keeps the course's rows of the three tables.</summary>
    public void Observe(IRunTable table, TableBatch batch)
    {
        if (_captures.TryGetValue(table.Name, out var capture)) capture.Add(batch);
    }

    /// <summary>The course once every unit has streamed past.</summary>
    public CourseTables Tables
    {
        get
        {
            bool clones = _captures.ContainsKey("clones") && _captures.ContainsKey("trajectories");
            return new CourseTables(_captures["totals"].Data, clones ? _captures["clones"].Data : null, clones ? _captures["trajectories"].Data : null);
        }
    }
}
