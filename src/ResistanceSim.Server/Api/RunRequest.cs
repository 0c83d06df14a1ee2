namespace ResistanceSim.Server.Api;

/// <summary>The body of <c>POST /api/runs</c>: a lesson at parameter values, or a scenario's YAML (checked against a lesson's questions when one is named).</summary>
/// <param name="Lesson">Lesson id (never a path).</param>
/// <param name="Values">Parameter values by name; missing ones take their defaults.</param>
/// <param name="Yaml">A whole scenario instead of the lesson's, as edited in the page's YAML view.</param>
/// <param name="Choices">The option picked for each choice by name (e.g. a schedule); missing ones take their defaults.</param>
public sealed record RunRequest(string? Lesson, Dictionary<string, double>? Values, string? Yaml, Dictionary<string, string>? Choices = null);
