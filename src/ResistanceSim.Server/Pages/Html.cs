using System.Net;
using Markdig;

namespace ResistanceSim.Server.Pages;

/// <summary>Text made safe for HTML, lesson Markdown rendered with raw HTML disabled, and the frame every page shares.</summary>
internal static class Html
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().Build();

    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    public static string FromMarkdown(string markdown) => Markdig.Markdown.ToHtml(markdown, Markdown);

    /// <summary>Inline Markdown (a question) without the paragraph around it.</summary>
    public static string InlineMarkdown(string markdown)
    {
        string html = FromMarkdown(markdown).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) ? html[3..^4] : html;
    }

    public static string Page(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Encode(title)} · ResistanceSim</title>
        <link rel="icon" href="data:,">
        <link rel="stylesheet" href="/static/app.css">
        <script src="/static/app.js" defer></script>
        </head>
        <body>
        <header><a href="/" class="home">ResistanceSim</a> <span>lessons in drug-resistance evolution (ALK+ lung cancer)</span></header>
        <main>
        {body}
        </main>
        </body>
        </html>
        """;
}
