using System.Text;
using ResistanceSim.Server.Lessons;

namespace ResistanceSim.Server.Pages;

/// <summary>The start page: every lesson with its summary, and the bundled scenarios to open in the YAML view.</summary>
internal static class GalleryPage
{
    public static string Render(LessonLibrary lessons, IReadOnlyList<string> scenarios)
    {
        var body = new StringBuilder("<h1>Lessons</h1>\n<ol class=\"gallery\">\n");
        foreach (var lesson in lessons.All)
            body.Append($"<li class=\"card\"><a href=\"/lessons/{Html.Encode(lesson.Id)}\">{Html.Encode(lesson.Title)}</a><p>{Html.Encode(lesson.Summary)}</p></li>\n");
        body.Append("</ol>\n<h2>Bundled scenarios</h2>\n<p>Open one to read and edit its YAML and run it here (within this server's per-run limits).</p>\n<ul class=\"scenarios\">\n");
        foreach (string name in scenarios)
            body.Append($"<li><a href=\"/scenarios/{Html.Encode(name)}\">{Html.Encode(name)}</a></li>\n");
        body.Append("</ul>");
        return Html.Page("Lessons", body.ToString());
    }
}
