using System.Reflection;
using System.Xml.Linq;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Integration.Packaging;

/// <summary>
/// Every package the solution makes (the .NET tool ResistanceSim.Tool, the run library ResistanceSim.Runs and the
/// libraries it depends on), packed once per test run into a temporary folder that serves as a local NuGet feed.
/// Packing reuses this build's binaries (<c>--no-build</c>, same configuration), and what is tested is what the other
/// tests tested, except the tool's per-runtime packages: those need the command line's own assembly built for each
/// runtime of <see cref="ToolRuntimeIdentifiers"/> (into <c>bin/…/&lt;rid&gt;/</c>, beside this build's output, which
/// stays untouched), and the linux-x64 one is compiled to ReadyToRun code while packing (crossgen2).
/// </summary>
public sealed class LocalFeed : IDisposable
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);
    private readonly TempDirectory _directory = new();

    public LocalFeed()
    {
        // --no-dependencies: only the command line's project is compiled again; the libraries are this build's.
        // --no-restore: restore already covered these runtimes (the project's RuntimeIdentifiers).
        foreach (string rid in ToolRuntimeIdentifiers)
            ExternalTool.Run("dotnet", ["build", CliProject, "-c", BuildConfiguration, "-r", rid, "--no-dependencies", "--no-restore", "-nologo"], PackTimeout);
        ExternalTool.Run("dotnet", ["pack", Path.Combine(Repository.Root, "ResistanceSim.sln"), "-c", BuildConfiguration, "--no-build", "-o", Folder, "-nologo"], PackTimeout);
    }

    private static string CliProject => Path.Combine(Repository.Root, "src", "ResistanceSim.Cli", "ResistanceSim.Cli.csproj");

    /// <summary>The runtimes the tool has a package for (the command line's <c>ToolPackageRuntimeIdentifiers</c>).</summary>
    public static IReadOnlyList<string> ToolRuntimeIdentifiers =>
        XDocument.Load(CliProject).Descendants("ToolPackageRuntimeIdentifiers").Single().Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public string Folder => _directory.Path;

    /// <summary>The configuration this test assembly (and so the command line it references) was built in.</summary>
    public static string BuildConfiguration =>
        typeof(LocalFeed).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BuildConfiguration").Value
        ?? throw new InvalidOperationException("the build configuration is not recorded in the test assembly");

    /// <summary>The package file of <paramref name="id"/>, or a test failure listing what the feed holds.</summary>
    public string Package(string id)
    {
        string? file = Directory.EnumerateFiles(Folder, "*.nupkg").SingleOrDefault(f => PackageId(f) == id);
        return file ?? throw new Xunit.Sdk.XunitException($"the feed has no {id} package; it holds: {string.Join(", ", Directory.EnumerateFiles(Folder).Select(Path.GetFileName))}");
    }

    /// <summary>The id part of a <c>Id.1.2.3.nupkg</c> file name.</summary>
    public static string PackageId(string file)
    {
        var parts = Path.GetFileNameWithoutExtension(file).Split('.');
        return string.Join('.', parts.TakeWhile(part => !int.TryParse(part, out _)));
    }

    public void Dispose() => _directory.Dispose();
}
