namespace ResistanceSim.Runs.Reporting;

/// <summary>
/// What a finished run already holds for its report, so that drawing it reads none of it back: the course the charts
/// draw, kept while the tables were written, and the trial readout it published (null for a run without a cohort).
/// </summary>
internal sealed record HeldByTheRun(CourseTables Course, TrialResults.Readout? Trial);
