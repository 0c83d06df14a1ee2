using System.Data.Common;
using System.Globalization;
using ResistanceSim.Runs;

namespace ResistanceSim.Server.Lessons;

/// <summary>Whether a question's expected answer holds in one finished run, and the figure that shows it.</summary>
/// <param name="Holds">The check's boolean.</param>
/// <param name="Figure">The check's second column as text ("" when it has none).</param>
/// <param name="Error">Set when the SQL failed (a lesson bug): the check then does not hold.</param>
public sealed record AnswerCheck(bool Holds, string Figure, string? Error = null)
{
    /// <summary>Runs every question's check over the run tables of <paramref name="database"/>, in question order.</summary>
    public static IReadOnlyList<AnswerCheck> Evaluate(IReadOnlyList<LessonQuestion> questions, RunDatabase database)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(database);
        return [.. questions.Select(q => Evaluate(database, q.Check))];
    }

    private static AnswerCheck Evaluate(RunDatabase database, string sql)
    {
        try
        {
            using var command = database.Connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            if (!reader.Read() || reader.FieldCount == 0) return new AnswerCheck(false, "", "the check returned no row");
            if (reader.IsDBNull(0)) return new AnswerCheck(false, FigureOf(reader), "the check returned null");
            return new AnswerCheck(Convert.ToBoolean(reader.GetValue(0), CultureInfo.InvariantCulture), FigureOf(reader));
        }
        catch (DbException e)
        {
            return new AnswerCheck(false, "", e.Message);
        }
    }

    /// <summary>The second column, numbers to four significant digits (the check's SQL may format it itself).</summary>
    private static string FigureOf(DbDataReader reader)
    {
        if (reader.FieldCount < 2 || reader.IsDBNull(1)) return "";
        return reader.GetValue(1) switch
        {
            double d => d.ToString("G4", CultureInfo.InvariantCulture),
            IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString() ?? "",
        };
    }
}
