using System.Globalization;

namespace ResistanceSim.Output;

/// <summary>
/// The hidden <c>.&lt;name&gt;.tmp-&lt;guid&gt;</c> files <see cref="AtomicFile"/> writes before renaming. A killed run
/// (or a full disk) can leave them; the next run or resume of the same directory — holding its lock — removes
/// them: a whole run all of them, a shard only its own (other shards may be writing theirs).
/// </summary>
public static class TemporaryFiles
{
    /// <summary>Deletes leftovers under <paramref name="runDirectory"/> that belong to <paramref name="shard"/> (all of them for a whole run); returns how many.</summary>
    public static int Clean(string runDirectory, Shards.ShardSpec shard)
    {
        if (!Directory.Exists(runDirectory)) return 0;
        string ownPrefix = string.Create(CultureInfo.InvariantCulture, $".part-{shard.Index:D5}.");
        string ownSpool = string.Create(CultureInfo.InvariantCulture, $"part-{shard.Index:D5}.spool");
        int removed = 0;
        foreach (string file in Directory.EnumerateFiles(runDirectory, ".*.tmp-*", SearchOption.AllDirectories))
        {
            string name = Path.GetFileName(file);
            bool mine = shard.IsWhole || name.StartsWith(ownPrefix, StringComparison.Ordinal)
                || string.Equals(Path.GetFileName(Path.GetDirectoryName(file)), ownSpool, StringComparison.Ordinal);
            if (!mine) continue;
            File.Delete(file);
            removed++;
        }
        return removed;
    }
}
