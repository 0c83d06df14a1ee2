using ResistanceSim.Output;
using ResistanceSim.Output.Reading;
using ResistanceSim.Output.Shards;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Output;

/// <summary>Readers trust only the files a manifest lists: a run without one, a shard set with gaps, or a listed file that is gone is refused.</summary>
public class RunFilesTests
{
    [Fact]
    public void ARunDirectoryWithoutAManifestIsRefused()
    {
        using var temp = new TempDirectory();
        temp.File("summary/part-00000.csv", "arm\n0\n");   // a table on disk that no manifest lists
        var refused = Assert.Throws<RunIncompleteException>(() => RunFiles.Published(temp.Path));
        Assert.Contains("has no manifest.json", refused.Message, StringComparison.Ordinal);
        Assert.Throws<RunIncompleteException>(() => RunTableReader.Read(temp.Path, "summary"));
    }

    [Fact]
    public void FilesOfARelativeRunDirectoryAreListedRelativeToIt()
    {
        // A run into a relative output root writes Path.Combine(runDirectory, …) paths, relative to the working
        // directory; the manifest must list them relative to the run directory, or no reader finds them.
        string runDirectory = Path.Combine("output", "relative-run");
        string table = Path.Combine(runDirectory, "summary", "part-00000.parquet");
        string absolute = Path.GetFullPath(Path.Combine(runDirectory, "scenario.yaml"));
        Assert.Equal(["scenario.yaml", "summary/part-00000.parquet"], RunFiles.Pending(runDirectory, [table, absolute]).Relative);
    }

    [Fact]
    public void OnlyListedPartsAreRead()
    {
        using var temp = new TempDirectory();
        temp.File("summary/part-00000.csv", "arm\n0\n");
        temp.File("summary/part-00001.csv", "arm\n1\n");   // left by another run; not listed
        Manifest("0/1", "summary/part-00000.csv").Write(RunManifest.PathFor(temp.Path, ShardSpec.Whole));

        var summary = RunTableReader.Read(temp.Path, "summary");
        Assert.Equal(1, summary.RowCount);
        Assert.Equal(["summary/part-00000.csv"], RunFiles.Published(temp.Path).Relative);
    }

    [Fact]
    public void ShardManifestsCountOnlyWhenEveryShardIsThere()
    {
        using var temp = new TempDirectory();
        temp.File("summary/part-00000.csv", "arm\n0\n");
        temp.File("summary/part-00002.csv", "arm\n2\n");
        Manifest("0/3", "summary/part-00000.csv").Write(RunManifest.PathFor(temp.Path, new ShardSpec(0, 3)));
        Manifest("2/3", "summary/part-00002.csv").Write(RunManifest.PathFor(temp.Path, new ShardSpec(2, 3)));
        var refused = Assert.Throws<RunIncompleteException>(() => RunFiles.Published(temp.Path));
        Assert.Contains("shard 1/3 of 3 has not finished", refused.Message, StringComparison.Ordinal);

        temp.File("summary/part-00001.csv", "arm\n1\n");
        Manifest("1/3", "summary/part-00001.csv").Write(RunManifest.PathFor(temp.Path, new ShardSpec(1, 3)));
        var summary = RunTableReader.Read(temp.Path, "summary");
        Assert.Equal([0L, 1L, 2L], Enumerable.Range(0, summary.RowCount).Select(r => summary.Long("arm", r)));
    }

    [Fact]
    public void AListedFileThatIsGoneIsRefused()
    {
        using var temp = new TempDirectory();
        Manifest("0/1", "summary/part-00000.csv").Write(RunManifest.PathFor(temp.Path, ShardSpec.Whole));
        var refused = Assert.Throws<RunIncompleteException>(() => RunFiles.Published(temp.Path));
        Assert.Contains("is listed in the run's manifest but missing", refused.Message, StringComparison.Ordinal);
    }

    private static RunManifest Manifest(string shard, params string[] files) =>
        new("0.1.0", "test", new string('0', 64), 1, "exact", "csv", 1, 1, 1, 0, ["summary"], shard, files);
}
