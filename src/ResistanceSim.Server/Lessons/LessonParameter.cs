using System.Globalization;

namespace ResistanceSim.Server.Lessons;

/// <summary>
/// A number the student may change on the lesson page, with its range; it sets every scenario path in
/// <see cref="Paths"/> (written as in a sweep, e.g. <c>protocol[0].drugs.crizotinib.concentration_nM</c>).
/// </summary>
/// <param name="Name">Identifier in run requests.</param>
/// <param name="Label">Shown beside the slider.</param>
/// <param name="Paths">Scenario paths the value is written to.</param>
/// <param name="Min">Smallest value accepted.</param>
/// <param name="Max">Largest value accepted.</param>
/// <param name="Step">Slider step (on log10 of the value for a <see cref="LogScale"/> slider).</param>
/// <param name="Default">The value of a run that does not set it; within [Min, Max].</param>
public sealed record LessonParameter(string Name, string Label, IReadOnlyList<string> Paths, double Min, double Max, double Step, double Default)
{
    /// <summary>A whole number (replicates, seed, days): a fractional value is refused.</summary>
    public bool Integer { get; init; }

    /// <summary>The slider moves on log10 of the value (mutation rates spanning decades).</summary>
    public bool LogScale { get; init; }

    /// <summary>Why a value is refused, or null when it is accepted.</summary>
    public string? Problem(double value)
    {
        if (!double.IsFinite(value)) return $"{Name} must be a finite number";
        if (value < Min || value > Max)
            return string.Create(CultureInfo.InvariantCulture, $"{Name} must be in [{Min:R}, {Max:R}] ({value:R} supplied)");
        if (Integer && value != Math.Floor(value)) return string.Create(CultureInfo.InvariantCulture, $"{Name} must be a whole number ({value:R} supplied)");
        return null;
    }

    /// <summary>The overrides that set <paramref name="value"/> at every path.</summary>
    /// <exception cref="ArgumentException">The value is refused (<see cref="Problem"/>).</exception>
    public IEnumerable<KeyValuePair<string, string>> OverridesFor(double value)
    {
        if (Problem(value) is { } problem) throw new ArgumentException(problem);
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return Paths.Select(path => new KeyValuePair<string, string>(path, text));
    }
}
