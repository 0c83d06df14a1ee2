using ResistanceSim.Scenarios.Diagnostics;

namespace ResistanceSim.Server.Lessons;

/// <summary>Every lesson of a folder (<c>lessons/*.yaml</c>), in gallery order, looked up by id only: a client never names a file.</summary>
public sealed class LessonLibrary
{
    private readonly Dictionary<string, Lesson> _byId;

    private LessonLibrary(IReadOnlyList<Lesson> lessons)
    {
        All = lessons;
        _byId = lessons.ToDictionary(l => l.Id, StringComparer.Ordinal);
    }

    /// <summary>The lessons, by <see cref="Lesson.Order"/> then id.</summary>
    public IReadOnlyList<Lesson> All { get; }

    /// <summary>The lesson with this id, or null.</summary>
    public Lesson? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Loads every <c>*.yaml</c> directly in <paramref name="folder"/> (not its subfolders, which hold the lessons' scenarios).</summary>
    /// <exception cref="ScenarioValidationException">A lesson file is malformed: every problem of every file, located.</exception>
    public static LessonLibrary Load(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
            throw new ScenarioValidationException([new Diagnostic(SourceLocation.StartOf(folder), "", $"lesson folder '{folder}' does not exist", DiagnosticSeverity.Error)]);
        var bag = new DiagnosticBag();
        var lessons = new List<Lesson>();
        foreach (string file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
            if (LessonLoader.Load(file, bag) is { } lesson) lessons.Add(lesson);
        bag.ThrowIfErrors();
        return new LessonLibrary([.. lessons.OrderBy(l => l.Order).ThenBy(l => l.Id, StringComparer.Ordinal)]);
    }
}
