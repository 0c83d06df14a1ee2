using System.Reflection;

namespace ResistanceSim.Tests.Architecture;

/// <summary>Dependencies point one way (docs/decisions.md): {Cli → Server} → Runs → {Scenarios, Output, Plotting, Analysis} → Engine → Model.</summary>
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
        // SkiaSharp rasterises the agent engine's lattice frames (PNG); charts stay hand-written SVG.
        { "ResistanceSim.Plotting", ["ResistanceSim.Analysis", "ResistanceSim.Model", "SkiaSharp"] },
        {
            "ResistanceSim.Runs",
            // DuckDB for RunDatabase: SQL over a run's tables, shared by resistancesim query and the C# API.
            ["ResistanceSim.Scenarios", "ResistanceSim.Output", "ResistanceSim.Plotting", "ResistanceSim.Analysis", "ResistanceSim.Engine", "ResistanceSim.Model", "DuckDB.NET.Data"]
        },
    };

    /// <summary>The projects below the run library: none may know it (it orchestrates them).</summary>
    public static TheoryData<string> BelowRuns() =>
        ["ResistanceSim.Model", "ResistanceSim.Engine", "ResistanceSim.Analysis", "ResistanceSim.Scenarios", "ResistanceSim.Parquet", "ResistanceSim.Output", "ResistanceSim.Plotting"];

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

    [Theory]
    [MemberData(nameof(BelowRuns))]
    public void NoEngineOrModelProjectDependsOnTheRunLibrary(string assembly)
    {
        var names = Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name).ToArray();
        Assert.DoesNotContain("ResistanceSim.Runs", names);
        Assert.DoesNotContain("resistancesim", names);
    }

    [Fact]
    public void TheRunLibraryNeverSeesTheCommandLine()
    {
        var names = Assembly.Load("ResistanceSim.Runs").GetReferencedAssemblies().Select(a => a.Name).ToArray();
        Assert.DoesNotContain("resistancesim", names);   // the Cli's assembly
        Assert.DoesNotContain("System.CommandLine", names);
        Assert.DoesNotContain("Spectre.Console", names);
    }

    [Fact]
    public void TheCommandLineRunsScenariosThroughTheRunLibrary()
    {
        var names = Assembly.Load("resistancesim").GetReferencedAssemblies().Select(a => a.Name).ToArray();
        Assert.Contains("ResistanceSim.Runs", names);
        // The pipeline and the reporting live in the library only: the shell has no copy of them.
        var shellTypes = Assembly.Load("resistancesim").GetTypes().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        foreach (string moved in new[] { "RunPipeline", "RunReport", "TrialResults", "AssayFits", "CalibrationRunner", "RunSummaryPrinter" })
            Assert.DoesNotContain(moved, shellTypes);
    }

    /// <summary>The teaching server is a thin shell over the run library: ASP.NET Core, Markdown for lesson narratives, the
    /// scenario reader's located diagnostics for lesson files — and no engine, tables or charts of its own.</summary>
    [Fact]
    public void TheServerIsAShellOverTheRunLibrary()
    {
        // DuckDB: lesson checks are SQL over RunDatabase's connection.
        string[] allowed = ["ResistanceSim.Runs", "ResistanceSim.Scenarios", "ResistanceSim.Model", "Markdig", "DuckDB.NET.Data"];
        string[] names = [.. Assembly.Load("ResistanceSim.Server").GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n != "netstandard"
                && !n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && !n.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
                && n != "Microsoft.Net.Http.Headers")];   // the ASP.NET Core shared framework
        Assert.Contains("ResistanceSim.Runs", names);
        var forbidden = names.Except(allowed).ToArray();
        Assert.True(forbidden.Length == 0, $"ResistanceSim.Server references {string.Join(", ", forbidden)}");
    }

    [Fact]
    public void OnlyTheCommandLineKnowsTheServer()
    {
        Assert.Contains("ResistanceSim.Server", Assembly.Load("resistancesim").GetReferencedAssemblies().Select(a => a.Name));
        foreach (object[] row in Allowed())
            Assert.DoesNotContain("ResistanceSim.Server", Assembly.Load((string)row[0]).GetReferencedAssemblies().Select(a => a.Name));
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
