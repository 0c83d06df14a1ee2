using ResistanceSim.Output;

namespace ResistanceSim.Integration.Faults;

/// <summary>What a run directory publishes: the files its manifest lists, byte for byte, and what else lies around.</summary>
public static class RunDirectory
{
    /// <summary>Every file the manifest lists, with its bytes (the manifest's own wall time and thread count are left out: they differ between runs).</summary>
    public static IReadOnlyDictionary<string, byte[]> Published(string runDirectory)
    {
        var manifest = RunManifest.Read(Path.Combine(runDirectory, RunManifest.FileName));
        Assert.NotEmpty(manifest.Files);
        return manifest.Files.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(runDirectory, f)), StringComparer.Ordinal);
    }

    /// <summary>Asserts that two run directories publish the same files with the same bytes.</summary>
    public static void AssertSameTables(string expected, string actual)
    {
        var want = Published(expected);
        var got = Published(actual);
        Assert.Equal(want.Keys.Order(StringComparer.Ordinal), got.Keys.Order(StringComparer.Ordinal));
        foreach (var (file, bytes) in want)
            Assert.True(bytes.AsSpan().SequenceEqual(got[file]), $"{file} differs from the uninterrupted run's");
    }

    /// <summary>Hidden temporary files (<c>.name.tmp-guid</c>) anywhere under the run directory.</summary>
    public static string[] Leftovers(string runDirectory) =>
        Directory.Exists(runDirectory) ? Directory.GetFiles(runDirectory, ".*.tmp-*", SearchOption.AllDirectories) : [];

    /// <summary>Table part files anywhere in the run's table folders (published or not).</summary>
    public static string[] PartFiles(string runDirectory) =>
        Directory.Exists(runDirectory)
            ? [.. Directory.GetDirectories(runDirectory).Where(d => Path.GetFileName(d) != "shards").SelectMany(d => Directory.GetFiles(d, "part-*"))]
            : [];
}
