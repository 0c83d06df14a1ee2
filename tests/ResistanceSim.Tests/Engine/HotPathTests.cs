using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ResistanceSim.Engine;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Engine;

/// <summary>The hot path compiled ahead of a run finds every method the engine marks, and each of them compiles.</summary>
public class HotPathTests
{
    [Fact]
    public void FindsEveryMarkedMethodOfTheEngine()
    {
        // The attribute is a pseudo-attribute (a flag in the metadata), so count its uses in the source instead: attribute
        // lines only (not doc comments), alone or combined with other options.
        int marked = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", "ResistanceSim.Engine"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Sum(file => Regex.Matches(File.ReadAllText(file), @"^\s*\[MethodImpl\([^\]]*\bHotPath\.OptimizeAtFirstCall\b[^\]]*\)\]", RegexOptions.Multiline).Count);
        var found = HotPath.Marked().ToList();

        Assert.True(marked > 40, $"the engine marks {marked} methods");
        Assert.Equal(marked, found.Count);
        Assert.Contains(found, m => m.DeclaringType?.Name == "HybridMethod" && m.Name == "SimulateLine");
        Assert.Contains(found, m => m.DeclaringType?.Name == "DirectMethod" && m.Name == "Advance");
    }

    [Fact]
    public void EveryMarkedMethodCompiles()
    {
        foreach (var method in HotPath.Marked()) RuntimeHelpers.PrepareMethod(method.MethodHandle);
    }
}
