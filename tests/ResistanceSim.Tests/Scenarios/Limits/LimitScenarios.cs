using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Scenarios.Limits;

/// <summary>The quickstart scenario with one piece of text replaced, written where its presets resolve (the bundled
/// presets beside the test binaries).</summary>
internal static class LimitScenarios
{
    public static string Quickstart { get; } = File.ReadAllText(Repository.Scenario("quickstart.yaml"));

    /// <summary>Writes the quickstart with <paramref name="original"/> replaced by <paramref name="replacement"/> (which must occur).</summary>
    public static string Write(TempDirectory temp, string original, string replacement, string name = "limits.yaml")
    {
        Assert.Contains(original, Quickstart, StringComparison.Ordinal);
        return temp.File(name, Quickstart.Replace(original, replacement, StringComparison.Ordinal));
    }

    /// <summary>1-based line of the first line containing <paramref name="text"/> in the quickstart.</summary>
    public static int LineOf(string text) =>
        Array.FindIndex(Quickstart.Split('\n'), line => line.Contains(text, StringComparison.Ordinal)) + 1;

    public const string Includes = "include: [presets/alk-nsclc.yaml, presets/drugs.yaml]";

    /// <summary>The include line with one more name appended (written as given, e.g. a quoted string).</summary>
    public static string IncludingAlso(string extra) => $"include: [presets/alk-nsclc.yaml, presets/drugs.yaml, {extra}]";
}
