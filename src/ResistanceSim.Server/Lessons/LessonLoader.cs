using ResistanceSim.Runs;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Server.Lessons;

/// <summary>
/// Reads one lesson file (docs/teaching.md) with the scenario reader's located diagnostics: unknown keys with suggestions,
/// wrong types and ranges at <c>file:line:col</c>. The lesson's scenario is loaded with its settings and every parameter
/// at its default, and once more with each other option of each choice, so a bad path or value is reported at the lesson
/// line that wrote it.
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

    /// <summary>A parameter's kind: a number on a slider, or a choice from a drop-down.</summary>
    private static readonly string[] ParameterKinds = ["slider", "choice"];

    private static (Lesson Lesson, OverrideOrigins Origins)? Read(string text, string path, DiagnosticBag bag)
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
        var origins = new OverrideOrigins();
        var settings = new List<KeyValuePair<string, string>>();
        if (r.OptionalMap("settings") is { } settingsReader) ReadOverrides(settingsReader, settings, origins.Settings);
        var parameters = new List<LessonParameter>();
        var choices = new List<LessonChoice>();
        foreach (var p in r.SeqOfMaps("parameters", required: false))
        {
            string kind = ParameterKinds[0];
            if (p.Node("kind") is { } kindNode)
            {
                p.Accept("kind");
                // An unknown kind is reported with the kinds; reading its keys as either kind would only add noise.
                if (!ValueReader.TryEnum(kindNode, p.PathOf("kind"), bag, ParameterKinds, out kind)) continue;
            }
            if (kind == "choice") choices.Add(ReadChoice(p, origins));
            else parameters.Add(ReadParameter(p, origins.Parameters));
        }
        string narrative = r.String("narrative");
        var questions = r.SeqOfMaps("questions").Select(q =>
        {
            var question = new LessonQuestion(q.String("text"), q.String("answer"), q.String("check"));
            q.Finish();
            return question;
        }).ToList();
        r.Finish();
        foreach (var duplicate in parameters.Select(p => p.Name).Concat(choices.Select(c => c.Name)).GroupBy(n => n).Where(g => g.Count() > 1))
            bag.Error(r.LocationOf("parameters"), "lesson.parameters", $"lesson.parameters: the name '{duplicate.Key}' is used {duplicate.Count()} times");
        if (bag.HasErrors) return null;

        string id = Path.GetFileNameWithoutExtension(path);
        string scenarioPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, scenario));
        if (!File.Exists(scenarioPath))
        {
            bag.Error(r.LocationOf("scenario"), "lesson.scenario", $"lesson.scenario: file '{scenario}' not found (looked for {scenarioPath})");
            return null;
        }
        var lesson = new Lesson(id, title, summary, scenarioPath, settings, parameters, narrative, questions)
        {
            Order = order, Choices = choices, Scenario = ScenarioTemplate.Read(scenarioPath),
        };
        return (lesson, origins);
    }

    /// <summary>A map of scenario path → one value (<c>settings:</c>, an option's <c>set:</c>), each located at its key.</summary>
    private static void ReadOverrides(MapReader reader, List<KeyValuePair<string, string>> overrides, List<SourceLocation> origins)
    {
        foreach (var entry in reader.Source.Entries)
        {
            reader.Accept(entry.Name);
            string at = reader.PathOf(entry.Name);
            if (entry.Value is YamlScalar value)
            {
                overrides.Add(new(entry.Name, value.Text));
                origins.Add(entry.Key.Location);
            }
            else reader.Bag.Error(entry.Value.Location, at, $"{at} must be one value, not {entry.Value.KindDescription}");
        }
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

    private static LessonChoice ReadChoice(MapReader p, OverrideOrigins origins)
    {
        string name = p.String("name");
        string label = p.String("label");
        string defaultOption = p.String("default");
        var options = new List<LessonChoiceOption>();
        var optionOrigins = new Dictionary<string, List<SourceLocation>>(StringComparer.Ordinal);
        foreach (var o in p.SeqOfMaps("options"))
        {
            string optionName = o.String("name");
            string optionLabel = o.String("label");
            var overrides = new List<KeyValuePair<string, string>>();
            var at = new List<SourceLocation>();
            ReadOverrides(o.Map("set"), overrides, at);
            o.Finish();
            if (optionOrigins.TryAdd(optionName, at)) options.Add(new LessonChoiceOption(optionName, optionLabel, overrides));
            else o.Report("name", $"is used by another option of '{name}' ('{optionName}' supplied)");
        }
        p.Finish();
        var choice = new LessonChoice(name, label, options, defaultOption);
        if (options.Count > 0 && choice.Problem(defaultOption) is { } problem) p.Report("default", $"is not accepted: {problem}");
        origins.Choices[name] = optionOrigins;
        return choice;
    }

    /// <summary>
    /// Loads the scenario at the lesson's defaults, and once with each other option of each choice; problems of the
    /// overrides are moved to the lesson line that wrote them, each reported once.
    /// </summary>
    private static void CheckScenario(Lesson lesson, OverrideOrigins origins, DiagnosticBag bag)
    {
        var picks = new List<Dictionary<string, string>> { new() };
        foreach (var choice in lesson.Choices)
            picks.AddRange(choice.Options.Where(o => o.Name != choice.Default).Select(o => new Dictionary<string, string> { [choice.Name] = o.Name }));
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pick in picks)
        {
            var located = origins.For(lesson, pick);
            foreach (var d in lesson.ScenarioFor(new Dictionary<string, double>(), pick).Diagnostics)
            {
                bool fromOverride = d.Location.File == RunnableScenario.OverridesOrigin && d.Location.Line >= 1 && d.Location.Line <= located.Count;
                var moved = fromOverride ? d with { Location = located[d.Location.Line - 1] } : d;
                if (reported.Add(moved.ToString())) bag.Add(moved);
            }
        }
    }

    /// <summary>Where each override of a run was written in the lesson file, so a problem the scenario finds points there.</summary>
    private sealed class OverrideOrigins
    {
        public List<SourceLocation> Settings { get; } = [];

        /// <summary>Each choice's options' <c>set:</c> keys, by choice and option name.</summary>
        public Dictionary<string, Dictionary<string, List<SourceLocation>>> Choices { get; } = new(StringComparer.Ordinal);

        public List<SourceLocation> Parameters { get; } = [];

        /// <summary>The origins of <see cref="Lesson.OverridesFor"/>'s list with these picks, in its order: settings, choices, sliders.</summary>
        public List<SourceLocation> For(Lesson lesson, IReadOnlyDictionary<string, string> picks) =>
        [
            .. Settings,
            .. lesson.Choices.SelectMany(c => Choices[c.Name][picks.GetValueOrDefault(c.Name, c.Default)]),
            .. Parameters,
        ];
    }
}
