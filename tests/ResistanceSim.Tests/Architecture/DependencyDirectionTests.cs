using System.Reflection;

namespace ResistanceSim.Tests.Architecture;

/// <summary>Dependencies point one way (docs/decisions.md): Cli → {Scenarios, Output, Plotting, Analysis} → Engine → Model.</summary>
public class DependencyDirectionTests
{
    public static TheoryData<string, string[]> Allowed() => new()
    {
        { "ResistanceSim.Model", [] },
        { "ResistanceSim.Engine", ["ResistanceSim.Model", "MathNet.Numerics"] },
        { "ResistanceSim.Analysis", ["ResistanceSim.Model", "MathNet.Numerics"] },
        { "ResistanceSim.Scenarios", ["ResistanceSim.Model", "YamlDotNet"] },
        { "ResistanceSim.Parquet", ["IronSnappy"] },
        { "ResistanceSim.Output", ["ResistanceSim.Engine", "ResistanceSim.Model", "ResistanceSim.Parquet", "MathNet.Numerics"] },
        { "ResistanceSim.Plotting", ["ResistanceSim.Analysis", "ResistanceSim.Model"] },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void ProjectsReferenceOnlyWhatTheDesignAllows(string assembly, string[] allowed)
    {
        var referenced = Assembly.Load(assembly).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n != "netstandard" && n != "mscorlib" && !n.StartsWith("Microsoft.Win32", StringComparison.Ordinal))
            .ToArray();
        var forbidden = referenced.Except(allowed).ToArray();
        Assert.True(forbidden.Length == 0, $"{assembly} references {string.Join(", ", forbidden)}");
    }

    [Fact]
    public void TheEngineNeverSeesYamlParquetOrOutput()
    {
        var names = Assembly.Load("ResistanceSim.Engine").GetReferencedAssemblies().Select(a => a.Name).ToArray();
        Assert.DoesNotContain("YamlDotNet", names);
        Assert.DoesNotContain("ResistanceSim.Parquet", names);
        Assert.DoesNotContain("ResistanceSim.Output", names);
        Assert.DoesNotContain("ResistanceSim.Scenarios", names);
    }
}
