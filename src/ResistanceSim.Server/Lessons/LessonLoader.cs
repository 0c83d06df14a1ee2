using ResistanceSim.Runs;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Server.Lessons;

/// <summary>
/// Reads one lesson file (docs/teaching.md) with the scenario reader's located diagnostics: unknown keys with suggestions,
/// wrong types and ranges at <c>file:line:col</c>. The lesson's scenario is loaded with its settings and every parameter
/// at its default, so a bad path or value is reported at the lesson line that wrote it.
/// </summary>
public static class LessonLoader
{
    /// <summary>Reads <paramref name="path"/>; the lesson, or null with every problem in <paramref name="bag"/>.</summary>
    public static Lesson? Load(string path, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(bag);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bag.Error(SourceLocation.StartOf(path), "", $"cannot read {path}: {e.Message}");
            return null;
        }
        var local = new DiagnosticBag();
        var lesson = Read(text, path, local);
        if (lesson is not null && !local.HasErrors) CheckScenario(lesson.Value.Lesson, lesson.Value.Origins, local);
        bag.AddRange(local.InRecordedOrder);
        return local.HasErrors ? null : lesson?.Lesson;
    }

    private static (Lesson Lesson, List<SourceLocation> Origins)? Read(string text, string path, DiagnosticBag bag)
    {
        if (YamlDocumentParser.Parse(text, path, bag) is not { } root) return null;
        if (root is not YamlMap map)
        {
            bag.Error(root.Location, "", $"the top level of {path} must be a map of key: value settings, not {root.KindDescription}");
            return null;
        }
        var r = new MapReader(map, "lesson", bag);
        string title = r.String("title");
        string summary = r.String("summary");
        int order = r.Int("order", Rules.AtLeast(0), int.MaxValue);
        string scenario = r.String("scenario");
        var origins = new List<SourceLocation>();
        var settings = new List<KeyValuePair<string, string>>();
        if (r.OptionalMap("settings") is { } settingsReader)
        {
            foreach (var entry in settingsReader.Source.Entries)
            {
                settingsReader.Accept(entry.Name);
                if (entry.Value is YamlScalar value)
                {
                    settings.Add(new(entry.Name, value.Text));
                    origins.Add(entry.Key.Location);
                }
                else bag.Error(entry.Value.Location, $"lesson.settings.{entry.Name}", $"lesson.settings.{entry.Name} must be one value, not {entry.Value.KindDescription}");
            }
        }
        var parameters = new List<LessonParameter>();
        foreach (var p in r.SeqOfMaps("parameters", required: false)) parameters.Add(ReadParameter(p, origins));
        string narrative = r.String("narrative");
        var questions = r.SeqOfMaps("questions").Select(q =>
        {
            var question = new LessonQuestion(q.String("text"), q.String("answer"), q.String("check"));
            q.Finish();
            return question;
        }).ToList();
        r.Finish();
        foreach (var duplicate in parameters.GroupBy(p => p.Name).Where(g => g.Count() > 1))
            bag.Error(r.LocationOf("parameters"), "lesson.parameters", $"lesson.parameters: the name '{duplicate.Key}' is used {duplicate.Count()} times");
        if (bag.HasErrors) return null;

        string id = Path.GetFileNameWithoutExtension(path);
        string scenarioPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, scenario));
        if (!File.Exists(scenarioPath))
        {
            bag.Error(r.LocationOf("scenario"), "lesson.scenario", $"lesson.scenario: file '{scenario}' not found (looked for {scenarioPath})");
            return null;
        }
        return (new Lesson(id, title, summary, scenarioPath, settings, parameters, narrative, questions) { Order = order, Scenario = ScenarioTemplate.Read(scenarioPath) }, origins);
    }

    private static LessonParameter ReadParameter(MapReader p, List<SourceLocation> origins)
    {
        string name = p.String("name");
        string label = p.String("label");
        var pathNode = p.Node("path");
        var paths = p.Strings("path", required: true);
        double min = p.Double("min", Rules.Finite);
        double max = p.Double("max", Rules.Finite);
        double step = p.Double("step", Rules.Positive);
        double defaultValue = p.Double("default", Rules.Finite);
        bool integer = p.Bool("integer", false);
        bool logScale = p.Bool("log_scale", false);
        p.Finish();
        var parameter = new LessonParameter(name, label, paths, min, max, step, defaultValue) { Integer = integer, LogScale = logScale };
        if (min > max) p.Report("max", $"must be >= min ({max} < {min})");
        else if (parameter.Problem(defaultValue) is { } problem) p.Report("default", $"is not accepted: {problem}");
        if (logScale && min <= 0) p.Report("min", $"must be > 0 for a log_scale slider ({min} supplied)");
        // Every path of the parameter overrides the scenario; its problems point at the path.
        foreach (var _ in paths) origins.Add(pathNode?.Location ?? p.Location);
        return parameter;
    }

    /// <summary>Loads the scenario at the lesson's defaults; problems of the overrides are moved to the lesson line that wrote them.</summary>
    private static void CheckScenario(Lesson lesson, List<SourceLocation> origins, DiagnosticBag bag)
    {
        var loaded = lesson.ScenarioFor(new Dictionary<string, double>());
        foreach (var d in loaded.Diagnostics)
        {
            bool fromOverride = d.Location.File == RunnableScenario.OverridesOrigin && d.Location.Line >= 1 && d.Location.Line <= origins.Count;
            bag.Add(fromOverride ? d with { Location = origins[d.Location.Line - 1] } : d);
        }
    }
}
