using System.Globalization;
using ResistanceSim.Output.Shards;

namespace ResistanceSim.Output.Reading;

/// <summary>
/// The table files of a run directory that a reader may trust: those its manifest lists (a whole run's
/// manifest.json, or every shard's shards/part-K.manifest.json when the shards of an N-way run are all
/// there). A file on disk that no manifest lists — a table of an unfinished publish, a part of an
/// interrupted run — is never read. The run itself uses <see cref="Pending"/> to derive tables from the
/// files it has just written, before its manifest lists them.
/// </summary>
public sealed class RunFiles
{
    private readonly string[] _relative;

    private RunFiles(string runDirectory, IEnumerable<string> relative)
    {
        RunDirectory = runDirectory;
        _relative = [.. relative.Select(f => f.Replace('\\', '/')).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    public string RunDirectory { get; }

    /// <summary>Every listed file, relative to the run directory with '/' separators, in ordinal order.</summary>
    public IReadOnlyList<string> Relative => _relative;

    /// <summary>
    /// Files written by this process that a manifest will list: absolute, or relative to the working directory as
    /// <c>Path.Combine(runDirectory, …)</c> makes them when the run directory itself is relative.
    /// </summary>
    public static RunFiles Pending(string runDirectory, IEnumerable<string> paths) =>
        new(runDirectory, paths.Select(p => Path.GetRelativePath(Path.GetFullPath(runDirectory), Path.GetFullPath(p))));

    /// <summary>The files the run directory's manifest(s) list; throws <see cref="RunIncompleteException"/> when there is no complete set.</summary>
    public static RunFiles Published(string runDirectory)
    {
        string whole = RunManifest.PathFor(runDirectory, ShardSpec.Whole);
        if (File.Exists(whole)) return Checked(runDirectory, RunManifest.Read(whole).Files);

        string shards = Path.Combine(runDirectory, "shards");
        var manifests = Directory.Exists(shards)
            ? Directory.GetFiles(shards, "part-*.manifest.json").Order(StringComparer.Ordinal).Select(RunManifest.Read).ToArray()
            : [];
        if (manifests.Length == 0)
            throw new RunIncompleteException($"{runDirectory} has no {RunManifest.FileName}: its run has not finished publishing its tables " +
                "(it is still running, or was interrupted: continue it with 'resistancesim run … --resume', or run it again)");
        var layout = manifests.Select(m => ShardSpec.TryParse(m.Shard, out var s, out _) ? s : ShardSpec.Whole).ToArray();
        int count = layout[0].Count;
        if (layout.Any(s => s.Count != count))
            throw new RunIncompleteException($"{shards} holds manifests of different shard layouts ({string.Join(", ", manifests.Select(m => m.Shard))}); rerun the shards of one layout");
        var missing = Enumerable.Range(0, count).Except(layout.Select(s => s.Index)).ToArray();
        if (missing.Length > 0)
            throw new RunIncompleteException(string.Create(CultureInfo.InvariantCulture,
                $"{runDirectory}: shard{(missing.Length > 1 ? "s" : "")} {string.Join(", ", missing.Select(k => $"{k}/{count}"))} of {count} {(missing.Length > 1 ? "have" : "has")} not finished; run or resume {(missing.Length > 1 ? "them" : "it")} first"));
        return Checked(runDirectory, manifests.SelectMany(m => m.Files));
    }

    private static RunFiles Checked(string runDirectory, IEnumerable<string> files)
    {
        var set = new RunFiles(runDirectory, files);
        foreach (string file in set._relative)
            if (!File.Exists(Path.Combine(runDirectory, file)))
                throw new RunIncompleteException($"{Path.Combine(runDirectory, file)} is listed in the run's manifest but missing; run again or restore it");
        return set;
    }

    /// <summary>The tables listed: each folder holding at least one part file (<c>totals</c>, <c>summary</c>, …), in ordinal order.</summary>
    public IReadOnlyList<string> Tables =>
        [.. _relative.Where(f => f.Contains('/', StringComparison.Ordinal))
            .Select(f => f[..f.IndexOf('/', StringComparison.Ordinal)])
            .Distinct(StringComparer.Ordinal)
            .Where(table => PartsOf(table).Count > 0)
            .Order(StringComparer.Ordinal)];

    /// <summary>The part files of <paramref name="table"/>, absolute, in part order.</summary>
    public IReadOnlyList<string> PartsOf(string table)
    {
        string prefix = table + "/part-";
        return [.. _relative.Where(f => f.StartsWith(prefix, StringComparison.Ordinal) && f.IndexOf('/', prefix.Length) < 0)
            .Select(f => Path.Combine(RunDirectory, f))];
    }
}
