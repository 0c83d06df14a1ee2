namespace ResistanceSim.Plotting.Report;

/// <summary>The report's inline CSS: projector-sized type on screen, compact black-on-white in print.</summary>
internal static class ReportStyleSheet
{
    public const string Css = """
        :root { color-scheme: light; }
        body { margin: 0; background: #ffffff; color: #1a1a1a;
               font-family: Arial, Helvetica, 'Liberation Sans', sans-serif; font-size: 20px; line-height: 1.45; }
        main { max-width: 1120px; margin: 0 auto; padding: 28px 32px 64px; }
        h1 { font-size: 2.1em; line-height: 1.2; margin: 0.2em 0 0.6em; }
        h2 { font-size: 1.45em; margin: 1.6em 0 0.5em; border-bottom: 2px solid #dddddd; padding-bottom: 0.15em; }
        .description p { max-width: 48em; }
        table { border-collapse: collapse; margin: 1.2em 0; min-width: 50%; font-size: 0.95em; }
        caption { text-align: left; font-weight: bold; font-size: 1.05em; padding-bottom: 0.4em; }
        th, td { padding: 0.35em 0.9em; border-bottom: 1px solid #d0d0d0; text-align: left; vertical-align: top; }
        th { background: #f0f0f0; border-bottom: 2px solid #888888; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        tbody tr:nth-child(even) { background: #fafafa; }
        figure.chart { margin: 1.6em 0; }
        figure.frames { margin: 1.6em 0; }
        figure.frames input.frame-choice { position: absolute; opacity: 0; }
        figure.frames img.frame { display: none; image-rendering: pixelated; max-width: 100%; border: 1px solid #d0d0d0; }
        .frame-steps { display: flex; flex-wrap: wrap; gap: 0.2em; margin: 0.4em 0; }
        .frame-steps label { cursor: pointer; padding: 0.1em 0.5em; border: 1px solid #888888; border-radius: 0.2em; font-size: 0.85em; }
        figure.chart svg { display: block; max-width: 100%; height: auto; border: 1px solid #e4e4e4; }
        figcaption { font-size: 0.9em; color: #444444; margin-top: 0.4em; }
        @media print {
          body { font-size: 11pt; }
          main { max-width: none; padding: 0; }
          figure.chart, table { break-inside: avoid; page-break-inside: avoid; }
          h2 { break-after: avoid; page-break-after: avoid; }
          figure.chart svg { border: none; }
          tbody tr:nth-child(even) { background: none; }
        }
        @page { margin: 15mm; }

        """;
}
