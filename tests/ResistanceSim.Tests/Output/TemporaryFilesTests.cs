using ResistanceSim.Output;
using ResistanceSim.Output.Shards;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Output;

/// <summary>Leftover <c>.name.tmp-guid</c> files: a whole run removes all of them, a shard only its own.</summary>
public class TemporaryFilesTests
{
    private static readonly string[] Leftovers =
    [
        "summary/.part-00000.parquet.tmp-1",
        "summary/.part-00001.parquet.tmp-2",
        "shards/part-00001.spool/.chunk-000003.bin.tmp-3",
        "shards/.part-00001.done.json.tmp-4",
        ".manifest.json.tmp-5",
    ];

    [Fact]
    public void AShardRemovesOnlyItsOwnLeftovers()
    {
        using var temp = new TempDirectory();
        foreach (string file in Leftovers) temp.File(file, "x");
        temp.File("summary/part-00000.parquet", "published");

        Assert.Equal(3, TemporaryFiles.Clean(temp.Path, new ShardSpec(1, 2)));
        Assert.True(File.Exists(Path.Combine(temp.Path, "summary/.part-00000.parquet.tmp-1")));
        Assert.True(File.Exists(Path.Combine(temp.Path, ".manifest.json.tmp-5")));
        Assert.False(File.Exists(Path.Combine(temp.Path, "summary/.part-00001.parquet.tmp-2")));
        Assert.True(File.Exists(Path.Combine(temp.Path, "summary/part-00000.parquet")));
    }

    [Fact]
    public void AWholeRunRemovesAllLeftoversAndNothingElse()
    {
        using var temp = new TempDirectory();
        foreach (string file in Leftovers) temp.File(file, "x");
        temp.File("summary/part-00000.parquet", "published");

        Assert.Equal(Leftovers.Length, TemporaryFiles.Clean(temp.Path, ShardSpec.Whole));
        Assert.Empty(Directory.GetFiles(temp.Path, ".*.tmp-*", SearchOption.AllDirectories));
        Assert.True(File.Exists(Path.Combine(temp.Path, "summary/part-00000.parquet")));
    }
}
