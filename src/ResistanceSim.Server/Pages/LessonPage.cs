using System.Globalization;
using System.Text;
using ResistanceSim.Server.Lessons;

namespace ResistanceSim.Server.Pages;

/// <summary>
/// A lesson's page (or a bundled scenario's, which has no narrative, parameters or questions): the narrative, a slider per
/// parameter, Run and Compare with previous, progress, the run's charts, the questions with their checks, downloads, and the
/// scenario's YAML to edit and run. app.js drives it through the run API.
/// </summary>
internal static class LessonPage
{
    public static string Render(Lesson lesson, string defaultYaml) =>
        Render(lesson.Title, lesson.Id, Html.FromMarkdown(lesson.Narrative), lesson.Choices, lesson.Parameters, lesson.Questions, defaultYaml);

    public static string RenderScenario(string name, string description, string yaml) =>
        Render(name, "", $"<p>{Html.Encode(description)}</p>", [], [], [], yaml);

    private static string Render(string title, string lessonId, string narrativeHtml, IReadOnlyList<LessonChoice> choices,
        IReadOnlyList<LessonParameter> parameters, IReadOnlyList<LessonQuestion> questions, string yaml)
    {
        var body = new StringBuilder();
        body.Append($"<article class=\"lesson\" data-lesson=\"{Html.Encode(lessonId)}\">\n<h1>{Html.Encode(title)}</h1>\n");
        body.Append($"<section class=\"narrative\">{narrativeHtml}</section>\n");
        if (choices.Count + parameters.Count > 0)
        {
            body.Append("<form id=\"parameters\" class=\"parameters\">\n");
            foreach (var c in choices) body.Append(DropDown(c));
            foreach (var p in parameters) body.Append(Slider(p));
            body.Append("</form>\n");
        }
        body.Append($$"""
            <div class="actions">
            <button id="run" type="button">Run</button>
            <button id="compare" type="button" disabled>Compare with previous</button>
            <progress id="progress" max="1" value="0"></progress>
            <span id="status" role="status">Not run yet.</span>
            </div>
            <ul id="problems" class="problems"></ul>
            <section id="results" hidden>
            <div class="runs">
            <div class="run" id="current"><h2>This run</h2><div class="charts"></div>{{Frames}}</div>
            <div class="run" id="previous" hidden><h2>Previous run</h2><div class="charts"></div>{{Frames}}</div>
            </div>
            <p class="downloads"><a id="zip" href="#">Download the run directory (.zip)</a> · <a id="yaml" href="#">Download the scenario YAML</a>
            · reproduce on the command line: <code id="command"></code></p>
            </section>

            """);
        if (questions.Count > 0)
        {
            body.Append("<section class=\"questions\">\n<h2>Questions</h2>\n<ol>\n");
            for (int i = 0; i < questions.Count; i++)
                body.Append($"<li class=\"question\" data-index=\"{i}\"><p>{Html.InlineMarkdown(questions[i].Text)}</p>"
                    + $"<details><summary>Expected answer</summary>{Html.FromMarkdown(questions[i].Answer)}</details>"
                    + "<p class=\"check\">Run the lesson to check this answer on your run.</p><p class=\"check previous-check\" hidden></p></li>\n");
            body.Append("</ol>\n</section>\n");
        }
        body.Append($"""
            <details class="yaml-view"{(lessonId.Length == 0 ? " open" : "")}>
            <summary>Scenario YAML: edit it and run it</summary>
            <textarea id="yaml-text" spellcheck="false" rows="24">{Html.Encode(yaml)}</textarea>
            <button id="run-yaml" type="button">Run this YAML</button>
            <ol id="yaml-errors" class="problems"></ol>
            </details>
            </article>
            """);
        return Html.Page(title, body.ToString());
    }

    /// <summary>An agent-engine run's lattice frames, one at a time, stepped through with a slider (app.js fills it).</summary>
    private const string Frames = """<figure class="frames" hidden><img class="frame" alt=""><label>Lattice frame <input class="frame-slider" type="range" min="0" max="0" step="1" value="0"> <output></output></label>"""
        + "<figcaption>The lattice (arm 0, point 0, replicate 0): sensitive cells blue, resistant red, empty sites white.</figcaption></figure>";

    private static string DropDown(LessonChoice c) =>
        $"<label class=\"parameter\"><span>{Html.Encode(c.Label)}</span><select name=\"{Html.Encode(c.Name)}\">"
        + string.Concat(c.Options.Select(o => $"<option value=\"{Html.Encode(o.Name)}\"{(o.Name == c.Default ? " selected" : "")}>{Html.Encode(o.Label)}</option>"))
        + "</select></label>\n";

    private static string Slider(LessonParameter p)
    {
        static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        var (min, max, value) = p.LogScale ? (Math.Log10(p.Min), Math.Log10(p.Max), Math.Log10(p.Default)) : (p.Min, p.Max, p.Default);
        return $"<label class=\"parameter\"><span>{Html.Encode(p.Label)}</span>"
            + $"<input type=\"range\" name=\"{Html.Encode(p.Name)}\" min=\"{N(min)}\" max=\"{N(max)}\" step=\"{N(p.Step)}\" value=\"{N(value)}\""
            + $"{(p.LogScale ? " data-log" : "")}{(p.Integer ? " data-integer" : "")}>"
            + $"<output>{N(p.Default)}</output></label>\n";
    }
}
