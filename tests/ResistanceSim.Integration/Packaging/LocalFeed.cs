using System.Reflection;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Integration.Packaging;

/// <summary>
/// Every package the solution makes (the .NET tool ResistanceSim.Tool, the run library ResistanceSim.Runs and the
/// libraries it depends on), packed once per test run into a temporary folder that serves as a local NuGet feed.
/// Packing reuses this build's binaries (<c>--no-build</c>, same configuration), so it takes seconds, and what is
/// tested is what the other tests tested.
/// </summary>
public sealed class LocalFeed : IDisposable
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);
    private readonly TempDirectory _directory = new();

    public LocalFeed()
    {
        ExternalTool.Run("dotnet", ["pack", Path.Combine(Repository.Root, "ResistanceSim.sln"), "-c", BuildConfiguration, "--no-build", "-o", Folder, "-nologo"], PackTimeout);
    }

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
