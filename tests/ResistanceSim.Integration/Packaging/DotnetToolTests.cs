using System.Diagnostics;
using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Xml.Linq;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Integration.Packaging;

/// <summary>
/// The .NET tool as a user gets it: <c>dotnet tool install</c> from the local feed into a clean tool path, then the
/// installed <c>resistancesim</c> copies the bundled quickstart and runs it in a folder with no repository above it,
/// so nothing can come from the source tree. The tool is RID-specific: a pointer package names one package per runtime,
/// and on linux-x64 the installed assemblies must hold ReadyToRun code (the start-up that issue #19 asks for).
/// </summary>
[Collection(LocalFeedCollection.Name)]
public sealed class DotnetToolTests(LocalFeed feed)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public void TheInstalledToolCopiesTheQuickstartAndRunsItWithNoRepositoryAround()
    {
        using var tools = new TempDirectory();
        using var work = new TempDirectory();
        Assert.False(Path.GetFullPath(work.Path).StartsWith(Repository.Root, StringComparison.Ordinal), "the run must happen outside the repository");

        // The local feed has the package; a configured remote source that cannot be reached must not fail the install.
        ExternalTool.Run("dotnet", ["tool", "install", "--tool-path", tools.Path, "--add-source", feed.Folder, "--ignore-failed-sources", "ResistanceSim.Tool"], Timeout);
        string resistancesim = Path.Combine(tools.Path, "resistancesim");
        InstalledTheRightRuntimesPackage(tools.Path);

        string listed = ExternalTool.Run(resistancesim, ["scenarios", "list"], Timeout, work.Path);
        Assert.Contains("quickstart", listed.Split('\n', StringSplitOptions.TrimEntries));

        ExternalTool.Run(resistancesim, ["scenarios", "copy", "quickstart", "copied"], Timeout, work.Path);
        Assert.True(File.Exists(Path.Combine(work.Path, "copied", "presets", "drugs.yaml")), "the copy lacks the presets the quickstart includes");

        string printed = ExternalTool.Run(resistancesim, ["run", "copied/quickstart.yaml", "--replicates", "1", "--no-plots"], Timeout, work.Path);

        Assert.Contains("Wrote output/quickstart/", printed, StringComparison.Ordinal);
        string run = Path.Combine(work.Path, "output", "quickstart");
        foreach (string table in new[] { "totals", "clones", "trajectories", "summary" })
            Assert.True(new FileInfo(Path.Combine(run, table, "part-00000.parquet")) is { Exists: true, Length: > 0 }, $"{table} was not written");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "manifest.json")));
        Assert.Equal(1, manifest.RootElement.GetProperty("work_units_done").GetInt32());

        ServesTheBundledLessons(resistancesim, work.Path);
    }

    [Fact]
    public void TheToolPackagePointsAtAPackagePerRuntimeAndAllOfThemAreInTheFeed()
    {
        using var pointer = ZipFile.OpenRead(feed.Package("ResistanceSim.Tool"));
        var settings = pointer.Entries.SingleOrDefault(e => e.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException("the tool package has no DotnetToolSettings.xml");
        using var stream = settings.Open();
        var packages = XDocument.Load(stream).Descendants("RuntimeIdentifierPackage")
            .ToDictionary(p => (string)p.Attribute("RuntimeIdentifier")!, p => (string)p.Attribute("Id")!);

        Assert.Equal(LocalFeed.ToolRuntimeIdentifiers.Order(), packages.Keys.Order());
        Assert.Contains("linux-x64", packages.Keys);
        Assert.Contains("any", packages.Keys);
        Assert.DoesNotContain(pointer.Entries, e => e.FullName.EndsWith(".dll", StringComparison.Ordinal));
        foreach (string id in packages.Values) feed.Package(id);
    }

    /// <summary>
    /// The install picked this platform's package: on linux-x64 the ReadyToRun one, whose command line and ResistanceSim
    /// assemblies carry precompiled native code (a ManagedNativeHeader in the CLI header); elsewhere the IL-only
    /// <c>any</c> package. A pack that lost ReadyToRun (or a fallback picked on linux-x64) fails here.
    /// </summary>
    private static void InstalledTheRightRuntimesPackage(string toolPath)
    {
        bool linuxX64 = RuntimeInformation.RuntimeIdentifier == "linux-x64";
        string entry = Directory.EnumerateFiles(Path.Combine(toolPath, ".store"), "resistancesim.dll", SearchOption.AllDirectories).Single();
        string folder = Path.GetDirectoryName(entry)!;
        Assert.Equal(linuxX64 ? "linux-x64" : "any", Path.GetFileName(folder));

        var assemblies = Directory.EnumerateFiles(folder, "ResistanceSim.*.dll").Append(entry).ToList();
        Assert.Contains(assemblies, a => Path.GetFileName(a) == "ResistanceSim.Engine.dll");
        foreach (string assembly in assemblies)
            Assert.True(IsReadyToRun(assembly) == linuxX64, $"{Path.GetFileName(assembly)} is {(linuxX64 ? "not" : "unexpectedly")} ReadyToRun in {folder}");
    }

    /// <summary>True when the assembly holds ReadyToRun native code beside its IL (crossgen2 sets the ManagedNativeHeader and the IL-library flag).</summary>
    private static bool IsReadyToRun(string assembly)
    {
        using var stream = File.OpenRead(assembly);
        using var pe = new PEReader(stream);
        var cor = pe.PEHeaders.CorHeader ?? throw new Xunit.Sdk.XunitException($"{assembly} is not a .NET assembly");
        return cor.ManagedNativeHeaderDirectory.Size > 0 && (cor.Flags & CorFlags.ILLibrary) != 0;
    }

    /// <summary>The installed tool's <c>serve</c> finds its lessons, and the scenarios and presets they include, beside itself.</summary>
    private static void ServesTheBundledLessons(string resistancesim, string workingDirectory)
    {
        var start = new ProcessStartInfo(resistancesim) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (string argument in new[] { "serve", "--port", "0" }) start.ArgumentList.Add(argument);
        using var server = Process.Start(start)!;
        try
        {
            string? line = server.StandardOutput.ReadLine();
            Assert.True(line is not null && line.StartsWith("ResistanceSim lessons at http://127.0.0.1:", StringComparison.Ordinal),
                $"serve printed '{line}'; stderr: {(server.HasExited ? server.StandardError.ReadToEnd() : "")}");
            string url = line!.Split(' ')[3];
            using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(1) };
            string gallery = client.GetStringAsync(url).GetAwaiter().GetResult();
            foreach (string lesson in new[] { "1-fluctuation", "3-stepwise-escalation", "6-virtual-trial" })
                Assert.Contains($"href=\"/lessons/{lesson}\"", gallery, StringComparison.Ordinal);
        }
        finally
        {
            server.Kill();
            server.WaitForExit();
        }
    }
}
