using ResistanceSim.Output.Reading;

namespace ResistanceSim.Runs.Reporting;

/// <summary>
/// The rows of the one course the report's population and Muller charts draw (arm 0, point 0, replicate 0) of
/// <c>totals</c>, <c>clones</c> and <c>trajectories</c>; the two clone tables are null when the run has not both.
/// </summary>
internal sealed record CourseTables(TableData Totals, TableData? Clones, TableData? Trajectories)
{
    public static IReadOnlyList<(string Column, long Value)> Selection { get; } = [("arm", 0), ("point", 0), ("replicate", 0)];

    /// <summary>Reads the course from a run's files; only its rows are kept (<see cref="RunTableReader"/>).</summary>
    public static CourseTables Read(RunFiles files)
    {
        bool clones = RunTableReader.Exists(files, "clones") && RunTableReader.Exists(files, "trajectories");
        return new CourseTables(RunTableReader.Read(files, "totals", Selection),
            clones ? RunTableReader.Read(files, "clones", Selection) : null,
            clones ? RunTableReader.Read(files, "trajectories", Selection) : null);
    }
}
