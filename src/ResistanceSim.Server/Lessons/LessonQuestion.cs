namespace ResistanceSim.Server.Lessons;

/// <summary>
/// A question of a lesson and its expected answer, with the check that says whether that answer holds in a given run:
/// <see cref="Check"/> is SQL over the run's tables (views <c>totals</c>, <c>summary</c>, <c>clones</c>, <c>assay_fits</c>,
/// <c>endpoints</c>, …) returning one row whose first column is a boolean and whose optional second column is the
/// figure shown beside it.
/// </summary>
/// <param name="Text">The question, Markdown inline text.</param>
/// <param name="Answer">The expected answer and why, shown once the student has run the lesson.</param>
/// <param name="Check">The SQL check.</param>
public sealed record LessonQuestion(string Text, string Answer, string Check);
