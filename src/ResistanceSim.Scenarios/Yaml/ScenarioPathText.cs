using System.Globalization;

namespace ResistanceSim.Scenarios.Yaml;

/// <summary>How scenario paths are spelt in messages: <c>population.b0_per_day</c>, <c>protocol[0].days</c>;
/// the document itself is called "scenario".</summary>
public static class ScenarioPathText
{
    /// <summary>The word used in messages for the empty (root) path.</summary>
    public const string RootName = "scenario";

    public static string Key(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    public static string Index(string parent, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");

    /// <summary>The path for messages, or "scenario" for the root.</summary>
    public static string Describe(string path) => path.Length == 0 ? RootName : path;
}
