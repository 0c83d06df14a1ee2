using System.IO.Compression;
using System.Xml.Linq;

namespace ResistanceSim.Integration.Packaging;

/// <summary>
/// The C# API as a NuGet package: ResistanceSim.Runs carries its XML documentation beside the assembly (IntelliSense in
/// a notebook or an IDE), and every ResistanceSim package it depends on is in the same feed, so it restores from there.
/// </summary>
[Collection(LocalFeedCollection.Name)]
public sealed class RunLibraryPackageTests(LocalFeed feed)
{
    [Fact]
    public void TheRunLibraryPackageCarriesItsAssemblyAndXmlDocs()
    {
        using var package = ZipFile.OpenRead(feed.Package("ResistanceSim.Runs"));

        var entries = package.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("lib/net10.0/ResistanceSim.Runs.dll", entries);
        var docs = package.GetEntry("lib/net10.0/ResistanceSim.Runs.xml") ?? throw new Xunit.Sdk.XunitException("no XML docs in the package");
        using var stream = docs.Open();
        var members = XDocument.Load(stream).Descendants("member").Select(m => (string?)m.Attribute("name")).ToList();
        Assert.Contains("T:ResistanceSim.Runs.ScenarioRunner", members);
        Assert.Contains("T:ResistanceSim.Runs.RunnableScenario", members);
    }

    [Fact]
    public void EveryResistanceSimPackageTheRunLibraryDependsOnIsInTheFeed()
    {
        using var package = ZipFile.OpenRead(feed.Package("ResistanceSim.Runs"));
        var nuspec = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();

        var dependencies = XDocument.Load(stream).Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => (string)e.Attribute("id")!).Where(id => id.StartsWith("ResistanceSim.", StringComparison.Ordinal)).ToList();

        Assert.Contains("ResistanceSim.Scenarios", dependencies);
        Assert.All(dependencies, id => feed.Package(id));
    }
}
